package dev.fixpoint.portal;

import java.time.Clock;
import java.util.UUID;

import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Status page subscribers, of the whole page or of one entry: a subscription waits for
 * its link to be followed (double opt-in); updates go only to confirmed ones, each email
 * with its own unsubscribe link. A link's token is
 * {@code HMAC(key, subscriber id, salt)}; only its hash is stored.
 */
@Component
class StatusSubscriptions {

	private final StatusRepository status;

	private final PortalKeys keys;

	private final PortalMails mails;

	private final PortalThrottle throttle;

	private final Clock clock;

	StatusSubscriptions(StatusRepository status, PortalKeys keys, PortalMails mails, PortalThrottle throttle,
			Clock clock) {
		this.status = status;
		this.keys = keys;
		this.mails = mails;
		this.throttle = throttle;
		this.clock = clock;
	}

	/**
	 * Subscribes to the page ({@code entry} null) or to one entry; the email asks to
	 * confirm. An address already subscribed gets the confirmation again only while it is
	 * unconfirmed.
	 */
	@Transactional
	void subscribe(OrganizationMembership org, StatusRepository.EntryRow entry, String email, String clientIp,
			Branding brand) {
		this.throttle.take(clientIp, email);
		UUID id = Ids.newId();
		String salt = Tokens.secret();
		String token = this.keys.subscriberToken(id.toString(), salt);
		StatusRepository.SubscriberRow row = this.status.subscribe(id, org.id(), entry == null ? null : entry.bugId(),
				email, salt, Tokens.hash(token), Times.now(this.clock));
		if (row.confirmedAt() == null) {
			String what = entry == null ? org.name() + "'s status page" : "\u201c" + entry.publicTitle() + "\u201d";
			this.mails.subscriptionToConfirm(email, org.name(), what,
					this.mails.url("/status/" + org.slug() + "/subscription?token=" + token(row)), brand);
		}
	}

	@Transactional
	String confirm(String token) {
		StatusRepository.SubscriberRow row = find(token);
		this.status.confirm(row.id(), Times.now(this.clock));
		return row.email();
	}

	@Transactional
	String unsubscribe(String token) {
		StatusRepository.SubscriberRow row = find(token);
		this.status.deleteSubscriber(row.id());
		return row.email();
	}

	/** The public title of the entry a subscription follows; empty for the whole page. */
	java.util.Optional<String> followedEntry(String token) {
		return java.util.Optional.ofNullable(find(token).entryId())
			.flatMap(this.status::find)
			.map(StatusRepository.EntryRow::publicTitle);
	}

	String token(StatusRepository.SubscriberRow row) {
		return this.keys.subscriberToken(row.id().toString(), row.tokenSalt());
	}

	private StatusRepository.SubscriberRow find(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			throw NotFoundException.of("Subscription");
		}
		return this.status.findByTokenHash(Tokens.hash(token)).orElseThrow(() -> NotFoundException.of("Subscription"));
	}

}
