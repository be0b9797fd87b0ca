package dev.fixpoint.portal;

import java.util.UUID;

import dev.fixpoint.bugs.BugsAnonymised;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The portal reports behind anonymised bugs (a project's retention policy) forget their
 * reporter: the email becomes a placeholder (no more updates are sent) and the address
 * they wrote from goes, in the anonymisation's transaction.
 */
@Component
class AnonymisedReports {

	static final String NO_EMAIL = "anonymous@fixpoint.invalid";

	private final JdbcClient jdbc;

	AnonymisedReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(BugsAnonymised event) {
		this.jdbc.sql("""
				update portal_reports set email = :email, client_ip = null, unsubscribed = true, draft = null
				where bug_id = any(:bugs)
				""").param("bugs", event.bugIds().toArray(UUID[]::new)).param("email", NO_EMAIL).update();
	}

}
