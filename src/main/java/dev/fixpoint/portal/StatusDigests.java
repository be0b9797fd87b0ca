package dev.fixpoint.portal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.accounts.Organizations;

import org.springframework.stereotype.Component;

/**
 * Status page subscribers hear of entry changes in batches: once
 * {@code fixpoint.status.digest-window} after an address's first pending change passed,
 * all of that address's pending changes on one organization's page become one email
 * listing each entry once, as it is now (an address following the page and an entry hears
 * once). Exactly once through {@link Batches}, like the reporters' updates. Every email
 * carries an unsubscribe link (the page's subscription, else the entry's) and, in a
 * digest, a stop link per followed entry.
 */
@Component
class StatusDigests implements Batches.Source<StatusUpdateRepository.Recipient> {

	private final StatusUpdateRepository updates;

	private final StatusRepository status;

	private final StatusSubscriptions subscriptions;

	private final PortalMails mails;

	private final Organizations organizations;

	private final Batches batches;

	private final StatusProperties properties;

	private final PortalBranding branding;

	StatusDigests(StatusUpdateRepository updates, StatusRepository status, StatusSubscriptions subscriptions,
			PortalMails mails, Organizations organizations, Batches batches, StatusProperties properties,
			PortalBranding branding) {
		this.branding = branding;
		this.updates = updates;
		this.status = status;
		this.subscriptions = subscriptions;
		this.mails = mails;
		this.organizations = organizations;
		this.batches = batches;
		this.properties = properties;
	}

	/**
	 * Composes every address whose window passed at {@code now}; returns the emails
	 * written.
	 */
	int composeDue(Instant now) {
		return this.batches.composeDue(this, now.minus(this.properties.digestWindow()), now);
	}

	@Override
	public List<StatusUpdateRepository.Recipient> due(Instant windowStart, int limit) {
		return this.updates.dueRecipients(windowStart, limit);
	}

	@Override
	public int compose(StatusUpdateRepository.Recipient recipient, Instant windowStart, Instant now) {
		List<StatusUpdateRepository.Pending> pending = this.updates.lockPending(recipient);
		if (pending.isEmpty() || pending.get(0).createdAt().isAfter(windowStart)) {
			return 0; // another node took them, or the window has not passed after all
		}
		this.updates.markSent(pending.stream().map(StatusUpdateRepository.Pending::id).toList(), now);
		OrganizationMembership org = this.organizations.byId(recipient.orgId()).orElse(null);
		Map<UUID, StatusRepository.SubscriberRow> subscribers = this.status
			.subscribers(pending.stream().map(StatusUpdateRepository.Pending::subscriberId).distinct().toList());
		StatusRepository.SubscriberRow main = subscribers.values()
			.stream()
			.filter(s -> s.entryId() == null)
			.findFirst()
			.orElse(subscribers.values().stream().findFirst().orElse(null));
		if (org == null || main == null) {
			return 0;
		}
		Map<UUID, PortalMails.EntryNews> entries = new LinkedHashMap<>();
		for (StatusUpdateRepository.Pending p : pending) {
			if (entries.containsKey(p.entryId())) {
				continue;
			}
			StatusRepository.EntryRow entry = this.status.find(p.entryId()).orElse(null);
			StatusRepository.SubscriberRow by = subscribers.get(p.subscriberId());
			if (entry != null && by != null) {
				entries.put(p.entryId(), news(org, entry, by, main));
			}
		}
		if (entries.isEmpty()) {
			return 0;
		}
		this.mails.statusDigest(recipient.email(), org, List.copyOf(entries.values()), unsubscribeUrl(org, main),
				main.entryId() != null, this.branding.of(org.id(), org.slug()));
		return 1;
	}

	private PortalMails.EntryNews news(OrganizationMembership org, StatusRepository.EntryRow entry,
			StatusRepository.SubscriberRow by, StatusRepository.SubscriberRow main) {
		PublicStatus words = PublicStatus.ofCategory(entry.category());
		return new PortalMails.EntryNews(entry.publicTitle(), words.words(), entry.publicNote(),
				"done".equals(entry.category()) ? null : entry.eta(),
				this.mails.url("/status/" + org.slug() + "#entry-" + entry.bugId()),
				by.entryId() != null && !by.id().equals(main.id()) ? unsubscribeUrl(org, by) : null);
	}

	private String unsubscribeUrl(OrganizationMembership org, StatusRepository.SubscriberRow subscriber) {
		return this.mails.url("/status/" + org.slug() + "/unsubscribe?token=" + this.subscriptions.token(subscriber));
	}

}
