package dev.fixpoint.portal;

import java.time.Instant;

import dev.fixpoint.notifications.EmailWorkers;

import org.springframework.context.ApplicationContext;

/**
 * For tests of any package: runs the portal's jobs once (they do not run by themselves in
 * tests), at the time the test chooses.
 */
public final class PortalWorkers {

	private PortalWorkers() {
	}

	/**
	 * Composes the reporters' updates and status subscribers' digests whose window passed
	 * at {@code now}, then sends every queued email due at {@code now}.
	 */
	public static int sendDue(ApplicationContext context, Instant now) {
		context.getBean(ReporterUpdates.class).composeDue(now);
		context.getBean(StatusDigests.class).composeDue(now);
		return EmailWorkers.sendDue(context, now);
	}

	/** The hourly cleanup, as of {@code now}; returns the unconfirmed reports deleted. */
	public static int cleanup(ApplicationContext context, Instant now) {
		return context.getBean(PortalJobs.class).cleanup(now);
	}

}
