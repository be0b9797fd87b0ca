package dev.fixpoint.notifications;

import java.time.Instant;

import org.springframework.context.ApplicationContext;

/**
 * For tests of other modules: runs the email workers once (they do not run by themselves
 * in tests), so GreenMail receives what is due.
 */
public final class EmailWorkers {

	private EmailWorkers() {
	}

	/**
	 * Composes due notification emails and sends every queued email due at {@code now}.
	 */
	public static int sendDue(ApplicationContext context, Instant now) {
		context.getBean(EmailComposer.class).composeDue(now);
		return context.getBean(EmailSender.class).sendDue(now);
	}

}
