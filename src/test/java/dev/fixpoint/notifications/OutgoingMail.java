package dev.fixpoint.notifications;

import java.time.Instant;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other modules send the email outbox now (the workers do not run by
 * themselves in tests), so what they assert never depends on timing.
 */
public final class OutgoingMail {

	private OutgoingMail() {
	}

	public static int sendDue(ApplicationContext context, Instant now) {
		return context.getBean(EmailSender.class).sendDue(now);
	}

}
