package dev.fixpoint.accounts.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.fixpoint.accounts.Invitation;
import dev.fixpoint.accounts.OrganizationMember;
import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.platform.web.FormErrors;

/**
 * An organization's members page: everyone sees the members; admins also the invite form,
 * the pending invitations ({@code invitations} is empty for the others) and, with plans
 * on, the seats in use against the plan ({@code seats}, null otherwise) and a Remove
 * button per member (not for themselves); {@code removalError} says why a removal was
 * refused.
 */
public record OrgMembersPage(OrganizationMembership org, List<OrganizationMember> members, List<Invitation> invitations,
		String email, String role, FormErrors errors, String notice, String seats, String removalError,
		java.util.UUID viewerId) {

	/** Whether the viewer gets a Remove button for this member. */
	public boolean canRemove(OrganizationMember member) {
		return this.org.isAdmin() && !member.user().id().equals(this.viewerId);
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

	public String day(Instant instant) {
		return DAY.format(instant);
	}

	public String base() {
		return "/orgs/" + this.org.slug();
	}

	public List<String> roles() {
		return List.of("member", "admin");
	}

}
