package dev.fixpoint.projects.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.fixpoint.platform.web.Dates;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.projects.Capabilities;
import dev.fixpoint.projects.Member;
import dev.fixpoint.projects.ProjectComponent;
import dev.fixpoint.projects.ProjectRole;

/**
 * A project's people and components. {@code can.admin()} (project admins) adds the forms;
 * the typed values and errors are those of the last rejected form, if any.
 */
public record MembersPage(Capabilities can, UUID me, List<Member> members, List<ProjectComponent> components,
		MemberForm memberForm, FormErrors memberErrors, ComponentForm componentForm, FormErrors componentErrors,
		String notice) {

	public String projectKey() {
		return this.can.projectKey();
	}

	public String projectName() {
		return this.can.projectName();
	}

	/** Project admins see the forms. */
	public boolean canManage() {
		return this.can.admin();
	}

	/** The id of the element htmx swaps after a member action. */
	public static final String PANEL_ID = "members-panel";

	MembersPage withNotice(String message) {
		return new MembersPage(this.can, this.me, this.members, this.components, this.memberForm, this.memberErrors,
				this.componentForm, this.componentErrors, message);
	}

	MembersPage withMemberErrors(MemberForm typed, FormErrors errors) {
		return new MembersPage(this.can, this.me, this.members, this.components, typed, errors, this.componentForm,
				this.componentErrors, null);
	}

	MembersPage withComponentErrors(ComponentForm typed, FormErrors errors) {
		return new MembersPage(this.can, this.me, this.members, this.components, this.memberForm, this.memberErrors,
				typed, errors, null);
	}

	public List<ProjectRole> roles() {
		return List.of(ProjectRole.values());
	}

	public String membersUrl() {
		return ProjectRoutes.members(projectKey());
	}

	public String roleUrl(Member member) {
		return ProjectRoutes.member(projectKey(), member.user().id()) + "/role";
	}

	public String removeUrl(Member member) {
		return ProjectRoutes.member(projectKey(), member.user().id()) + "/remove";
	}

	public String componentsUrl() {
		return ProjectRoutes.components(projectKey());
	}

	public boolean isMe(Member member) {
		return member.user().id().equals(this.me);
	}

	public String initial(Member member) {
		String name = member.user().name();
		return name == null || name.isBlank() ? "?" : name.substring(0, 1).toUpperCase(Locale.ROOT);
	}

	public String joined(Member member) {
		return Dates.day(member.joinedAt(), "");
	}

	public String ownerName(ProjectComponent component) {
		return this.members.stream()
			.filter(m -> m.user().id().equals(component.ownerId()))
			.map(m -> m.user().name())
			.findFirst()
			.orElse(null);
	}

}
