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
 * An organization's members page: everyone sees the members; admins also the invite form
 * and the pending invitations ({@code invitations} is empty for the others).
 */
public record OrgMembersPage(OrganizationMembership org, List<OrganizationMember> members, List<Invitation> invitations,
		String email, String role, FormErrors errors, String notice) {

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
