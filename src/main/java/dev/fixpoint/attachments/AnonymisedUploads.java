package dev.fixpoint.attachments;

import java.util.UUID;

import dev.fixpoint.bugs.BugsAnonymised;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Files of anonymised bugs (a project's retention policy) stay; who uploaded them becomes
 * the anonymous actor, in the anonymisation's transaction.
 */
@Component
class AnonymisedUploads {

	private final JdbcClient jdbc;

	AnonymisedUploads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(BugsAnonymised event) {
		this.jdbc.sql("update attachments set uploaded_by = :anonymous where bug_id = any(:bugs)")
			.param("bugs", event.bugIds().toArray(UUID[]::new))
			.param("anonymous", event.anonymous())
			.update();
	}

}
