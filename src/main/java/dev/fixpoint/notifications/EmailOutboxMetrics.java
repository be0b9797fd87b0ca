package dev.fixpoint.notifications;

import java.time.Clock;

import dev.fixpoint.platform.QueueGauges;

import org.springframework.stereotype.Component;

/**
 * {@code fixpoint.email.outbox.depth} (emails not sent yet) and
 * {@code fixpoint.email.outbox.oldest.age} (seconds since the oldest of them was
 * composed): a growing age means emails are not leaving (SMTP down, no worker running).
 * The query reads only the partial index of unsent emails.
 */
@Component
class EmailOutboxMetrics extends QueueGauges {

	EmailOutboxMetrics(EmailRepository emails, Clock clock) {
		super("fixpoint.email.outbox", "Emails in the outbox", emails::backlog, clock);
	}

}
