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
 * Status page subscribers: a subscription waits for its link to be followed (double
 * opt-in); updates go only to confirmed ones, each email with its own unsubscribe link. A
 * link's token is {@code HMAC(key, subscriber id, salt)}; only its hash is stored.
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

	@Transactional
	void subscribe(OrganizationMembership org, String email, String clientIp) {
		this.throttle.take(clientIp, email);
		UUID id = Ids.newId();
		String salt = Tokens.secret();
		String token = this.keys.subscriberToken(id.toString(), salt);
		StatusRepository.SubscriberRow row = this.status.subscribe(id, org.id(), email, salt, Tokens.hash(token),
				Times.now(this.clock));
		if (row.confirmedAt() == null) {
			this.mails.subscriptionToConfirm(email, org.name(),
					this.mails.url("/status/" + org.slug() + "/subscription?token=" + token(row)));
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
