package dev.fixpoint.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.fixpoint.platform.FixpointProperties;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.Times;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Makes a single-use link and sends it by email (through the notifications module's
 * outbox, after commit). Returns nothing about whether anyone received it.
 */
@Component
class AccountMail {

	private final AccountLinkRepository links;

	private final ApplicationEventPublisher events;

	private final String baseUrl;

	private final Clock clock;

	AccountMail(AccountLinkRepository links, ApplicationEventPublisher events, FixpointProperties properties,
			Clock clock) {
		this.links = links;
		this.events = events;
		this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
		this.clock = clock;
	}

	/**
	 * Stores a new link for the purpose, retiring the person's earlier ones, and emails
	 * {@code text} with {@code {link}} replaced by the page at {@code path?token=...}.
	 * @return the link's id
	 */
	UUID send(AccountLinkRepository.Purpose purpose, UUID userId, String to, String payload, UUID createdBy,
			Duration lifetime, String path, String subject, String text) {
		Instant now = Times.now(this.clock);
		if (userId != null) {
			this.links.retire(userId, purpose, now);
		}
		String secret = Tokens.newSecret();
		UUID id = Ids.newId();
		this.links.insert(id, purpose, Tokens.hash(secret), userId, to, payload, createdBy, now, now.plus(lifetime));
		String link = this.baseUrl + path + "?token=" + secret;
		this.events.publishEvent(new AccountEmailRequested(Ids.newId(), userId != null ? userId : createdBy, to,
				subject, text.replace("{link}", link)));
		return id;
	}

}
