package dev.fixpoint.notifications;

import java.util.UUID;

import dev.fixpoint.bugs.BugsAnonymised;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Anonymised bugs (a project's retention policy) keep no trace of who followed them:
 * their watchers, notifications and pending email items go, in the anonymisation's
 * transaction.
 */
@Component
class AnonymisedBugFollowers {

	private final JdbcClient jdbc;

	AnonymisedBugFollowers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(BugsAnonymised event) {
		UUID[] bugs = event.bugIds().toArray(UUID[]::new);
		for (String table : java.util.List.of("bug_watchers", "notifications", "email_items")) {
			this.jdbc.sql("delete from " + table + " where bug_id = any(:bugs)").param("bugs", bugs).update();
		}
	}

}
