package dev.fixpoint.accounts.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import dev.fixpoint.accounts.Invitation;
import dev.fixpoint.accounts.OrganizationMember;
import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.web.FormErrors;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * An organization's members page: everyone sees the members; admins also the invite form,
 * the pending invitations ({@code invitations} is empty for the others) and, with plans
 * on, the seats in use against the plan ({@code seats}, null otherwise) and a Remove
 * button per member (not for themselves); {@code removalError} says why a removal was
 * refused. The members come a page at a time by name, filtered by {@code query} (name,
 * username or email); {@code later} is a page after the first.
 */
public record OrgMembersPage(OrganizationMembership org, Page<OrganizationMember> members, String query, boolean later,
		List<Invitation> invitations, String email, String role, FormErrors errors, String notice, String seats,
		String removalError, java.util.UUID viewerId) {

	/** Members per page (hundreds of them would make a page of most of a megabyte). */
	static final int PAGE_SIZE = 50;

	/** The first page of the members shown (with the filter). */
	public String firstUrl() {
		return url(null);
	}

	/** The next page of the members shown, or null on the last. */
	public String nextUrl() {
		return this.members.nextCursor() == null ? null : url(this.members.nextCursor());
	}

	private String url(String cursor) {
		// the filter as a variable: strictly encoded, so a "+" in it stays one
		return UriComponentsBuilder.fromPath(base() + "/members")
			.queryParamIfPresent("q", Optional.ofNullable(this.query).filter(q -> !q.isEmpty()).map(q -> "{q}"))
			.queryParamIfPresent("cursor", Optional.ofNullable(cursor))
			.fragment("members")
			.encode()
			.buildAndExpand(java.util.Map.of("q", this.query == null ? "" : this.query))
			.toUriString();
	}

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
