package dev.fixpoint.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fixpoint.accounts.Organizations;

import org.springframework.stereotype.Component;

/**
 * Tells an entry's confirmed subscribers, and on a publication or a change of public
 * status the status page's, about the entry: one email per address (an address following
 * both hears once), each with the unsubscribe link of its own subscription, queued in the
 * caller's transaction.
 */
@Component
class StatusNews {

	private final StatusRepository status;

	private final StatusSubscriptions subscriptions;

	private final PortalMails mails;

	private final Organizations organizations;

	StatusNews(StatusRepository status, StatusSubscriptions subscriptions, PortalMails mails,
			Organizations organizations) {
		this.status = status;
		this.subscriptions = subscriptions;
		this.mails = mails;
		this.organizations = organizations;
	}

	/**
	 * @param pageToo also the page's subscribers (published, or its public status
	 * changed), not only the entry's (its wording changed)
	 */
	void tell(StatusRepository.EntryRow entry, boolean pageToo) {
		List<StatusRepository.SubscriberRow> all = new ArrayList<>(
				this.status.confirmedEntrySubscribers(entry.bugId()));
		if (pageToo) {
			all.addAll(this.status.confirmedSubscribers(entry.orgId()));
		}
		if (all.isEmpty()) {
			return;
		}
		Map<String, StatusRepository.SubscriberRow> byAddress = new LinkedHashMap<>();
		all.forEach(s -> byAddress.putIfAbsent(s.email(), s));
		var org = this.organizations.byId(entry.orgId()).orElse(null);
		if (org == null) {
			return;
		}
		String words = PublicStatus.ofCategory(entry.category()).words();
		String page = this.mails.url("/status/" + org.slug() + "#entry-" + entry.bugId());
		for (StatusRepository.SubscriberRow subscriber : byAddress.values()) {
			this.mails.statusUpdate(subscriber.email(), org.name(), entry.publicTitle(), words, entry.publicNote(),
					page,
					this.mails
						.url("/status/" + org.slug() + "/unsubscribe?token=" + this.subscriptions.token(subscriber)),
					subscriber.entryId() != null);
		}
	}

}
