package dev.fixpoint.projects.web;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectComponents;
import dev.fixpoint.projects.ProjectMembers;
import dev.fixpoint.platform.NotFoundException;

import org.springframework.stereotype.Component;

/** Loads the members page for the member and project controllers (non-members get the 404 of ProjectAccess). */
@Component
class MembersPages {

	private final ProjectAccess access;

	private final ProjectMembers members;

	private final ProjectComponents components;

	MembersPages(ProjectAccess access, ProjectMembers members, ProjectComponents components) {
		this.access = access;
		this.members = members;
		this.components = components;
	}

	MembersPage load(String key, CurrentUser user) {
		Membership membership = this.access.membership(key, user);
		return new MembersPage(membership.project().key(), membership.project().name(),
				membership.can(ProjectAction.MANAGE_PROJECT), user.id(), this.members.list(membership.projectId()),
				this.components.list(membership.projectId()), MemberForm.empty(), FormErrors.none(),
				ComponentForm.empty(), FormErrors.none(), null);
	}

	/**
	 * Not being allowed in (404) or not being an admin (403) is the error page's job; everything else a form shows
	 * next to what was typed.
	 */
	static DomainException requireFormError(DomainException ex) {
		if (ex instanceof ForbiddenException || ex instanceof NotFoundException) {
			throw ex;
		}
		return ex;
	}

}
