package dev.fixpoint.webhooks;

import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

	private final Cache<UUID, Boolean> projects = Caffeine.newBuilder()
		.expireAfterWrite(FRESH)
		.maximumSize(10_000)
		.build();

	private final JdbcClient jdbc;

	Listening(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean any(UUID projectId) {
		return this.projects.get(projectId,
				id -> this.jdbc.sql("select exists (select 1 from webhooks where project_id = :project and active)")
					.param("project", id)
					.query(Boolean.class)
					.single());
	}

	/** Forget the project now and again once the caller's transaction has committed. */
	void changed(UUID projectId) {
		this.projects.invalidate(projectId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					Listening.this.projects.invalidate(projectId);
				}
			});
		}
	}

}
