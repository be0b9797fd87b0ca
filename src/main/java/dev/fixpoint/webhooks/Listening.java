package dev.fixpoint.webhooks;

import java.time.Duration;
import java.util.UUID;

import dev.fixpoint.platform.RememberedFlags;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a project has an active webhook: asked inside every change's transaction (the
 * outbox filter of {@code webhooks}), so a project without webhooks gets no outbox row
 * and no extra statement. Remembered for {@link #FRESH}; this node forgets a project as
 * soon as its webhooks change, other nodes within {@code FRESH} (a webhook added on
 * another node hears that node's events a few seconds later).
 */
@Component
class Listening {

	static final Duration FRESH = Duration.ofSeconds(5);

	private final RememberedFlags<UUID> projects;

	Listening(JdbcClient jdbc) {
		this.projects = new RememberedFlags<>(FRESH,
				id -> jdbc.sql("select exists (select 1 from webhooks where project_id = :project and active)")
					.param("project", id)
					.query(Boolean.class)
					.single());
	}

	boolean any(UUID projectId) {
		return this.projects.test(projectId);
	}

	/** Forget the project now and again once the caller's transaction has committed. */
	void changed(UUID projectId) {
		this.projects.forget(projectId);
	}

}
