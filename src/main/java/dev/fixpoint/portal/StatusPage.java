package dev.fixpoint.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.ProjectAccess;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's public status page ({@code /status/{org}}, its JSON and Atom feed)
 * and its email subscribers (double opt-in). The page exists for organizations with at
 * least one public project; others are 404 like unknown ones.
 */
@Service
public class StatusPage {

	static final int HISTORY_DAYS = 30;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

	private final StatusRepository status;

	private final Organizations organizations;

	private final ProjectAccess access;

	private final StatusSubscriptions subscriptions;

	private final Clock clock;

	private final PortalBranding branding;

	StatusPage(StatusRepository status, Organizations organizations, ProjectAccess access,
			StatusSubscriptions subscriptions, Clock clock, PortalBranding branding) {
		this.branding = branding;
		this.status = status;
		this.organizations = organizations;
		this.access = access;
		this.subscriptions = subscriptions;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public StatusPageView page(String orgSlug) {
		OrganizationMembership org = organization(orgSlug);
		Instant now = Times.now(this.clock);
		List<StatusRepository.EntryRow> rows = this.status.page(org.id(), now.minus(Duration.ofDays(HISTORY_DAYS)));
		List<StatusEntry> open = rows.stream()
			.filter(r -> !"done".equals(r.category()))
			.sorted(Comparator.comparing((StatusRepository.EntryRow r) -> Severity.parse(r.severity()).orElseThrow())
				.thenComparing(StatusRepository.EntryRow::updatedAt, Comparator.reverseOrder()))
			.map(StatusPage::entry)
			.toList();
		List<StatusEntry> fixed = rows.stream()
			.filter(r -> "done".equals(r.category()))
			.sorted(Comparator.comparing(StatusRepository.EntryRow::fixedAt, Comparator.reverseOrder()))
			.map(StatusPage::entry)
			.toList();
		Instant updated = rows.stream()
			.map(StatusRepository.EntryRow::updatedAt)
			.max(Comparator.naturalOrder())
			.orElse(Instant.EPOCH);
		return new StatusPageView(org.name(), org.slug(), updated, open, fixed);
	}

	/**
	 * Asks {@code email} to confirm a subscription (an email with the link); an address
	 * already subscribed gets nothing new, and the answer is the same either way.
	 */
	public void subscribe(String orgSlug, String email, String clientIp) {
		OrganizationMembership org = organization(orgSlug);
		this.subscriptions.subscribe(org, null, address(email), clientIp, branding(org));
	}

	/**
	 * Asks {@code email} to confirm following one entry of the page (its updates only);
	 * 404 for an entry that is not on this organization's page.
	 */
	public void subscribeToEntry(String orgSlug, java.util.UUID entryId, String email, String clientIp) {
		OrganizationMembership org = organization(orgSlug);
		StatusRepository.EntryRow entry = this.status.find(entryId)
			.filter(e -> e.orgId().equals(org.id()))
			.orElseThrow(() -> NotFoundException.of("Status entry"));
		this.subscriptions.subscribe(org, entry, address(email), clientIp, branding(org));
	}

	private Branding branding(OrganizationMembership org) {
		return this.branding.of(org.id(), org.slug());
	}

	/** The branding of an organization's public pages; 404 as its status page. */
	@Transactional(readOnly = true)
	public Branding branding(String orgSlug) {
		return branding(organization(orgSlug));
	}

	/**
	 * The logo of an organization's public pages, if it has one; 404 as its status page.
	 */
	@Transactional(readOnly = true)
	public Optional<Logo> logo(String orgSlug) {
		return this.branding.logo(organization(orgSlug).id());
	}

	private static String address(String email) {
		String address = email == null ? "" : email.strip();
		if (address.isEmpty() || address.length() > ReportChecks.EMAIL_MAX || !EMAIL.matcher(address).matches()) {
			throw InvalidInputException.of("email", "is not an email address");
		}
		return address;
	}

	/**
	 * The public title of the entry a subscription link follows, or null for the whole
	 * page; 404 for an unknown token.
	 */
	@Transactional(readOnly = true)
	public String followedEntry(String token) {
		return this.subscriptions.followedEntry(token).orElse(null);
	}

	/** Confirms a subscription with its link's token; 404 for an unknown token. */
	public String confirm(String token) {
		return this.subscriptions.confirm(token);
	}

	/** Ends a subscription with its link's token; 404 for an unknown token. */
	public String unsubscribe(String token) {
		return this.subscriptions.unsubscribe(token);
	}

	/**
	 * Known open problems of a project's status page whose title resembles {@code title}:
	 * the portal's "Is it one of these?".
	 */
	@Transactional(readOnly = true)
	public List<StatusEntry> similar(java.util.UUID projectId, String title) {
		String t = title == null ? "" : title.strip();
		if (t.length() < 3 || t.length() > ReportChecks.TITLE_MAX) {
			return List.of();
		}
		return this.status.similar(projectId, t, 5).stream().map(StatusPage::entry).toList();
	}

	OrganizationMembership organization(String orgSlug) {
		Optional<OrganizationMembership> org = this.organizations.bySlug(orgSlug);
		if (org.isEmpty() || this.access.publicProjects(org.get().id()).isEmpty()) {
			throw NotFoundException.of("Status page");
		}
		return org.get();
	}

	static StatusEntry entry(StatusRepository.EntryRow r) {
		PublicStatus status = PublicStatus.ofCategory(r.category());
		return new StatusEntry(r.bugId(), r.publicTitle(), r.severity(), status.key(), status.words(), r.eta(),
				r.publicNote(), r.publishedAt(), r.updatedAt(), r.fixedAt());
	}

}
