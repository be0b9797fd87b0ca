package dev.fixpoint.portal;

import dev.fixpoint.accounts.Organizations;

import org.springframework.stereotype.Component;

/**
 * Tells a status page's confirmed subscribers about an entry (published, or its status
 * changed): one email each, with its own unsubscribe link, queued in the caller's
 * transaction.
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

	void tell(StatusRepository.EntryRow entry) {
		var subscribers = this.status.confirmedSubscribers(entry.orgId());
		if (subscribers.isEmpty()) {
			return;
		}
		var org = this.organizations.byId(entry.orgId()).orElse(null);
		if (org == null) {
			return;
		}
		String words = PublicStatus.ofCategory(entry.category()).words();
		for (StatusRepository.SubscriberRow subscriber : subscribers) {
			this.mails.statusUpdate(subscriber.email(), org.name(), entry.publicTitle(), words, entry.publicNote(),
					this.mails.url("/status/" + org.slug()), this.mails
						.url("/status/" + org.slug() + "/unsubscribe?token=" + this.subscriptions.token(subscriber)));
		}
	}

}
