package dev.fixpoint.projects.web;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectComponents;
import dev.fixpoint.projects.ProjectMembers;

import org.springframework.stereotype.Component;

/**
 * Loads the members page for the member and project controllers (non-members get the 404
 * of ProjectAccess).
 */
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
		return new MembersPage(membership.capabilities(), user.id(), this.members.list(membership.projectId()),
				this.components.list(membership.projectId()), MemberForm.empty(), FormErrors.none(),
				ComponentForm.empty(), FormErrors.none(), null);
	}

}
