package dev.fixpoint.support;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the audit log recorded, read straight from its table. */
public final class AuditTrail {

	private AuditTrail() {
	}

	/** The actions {@code actor} did, oldest first. */
	public static List<String> actionsBy(JdbcClient jdbc, UUID actor) {
		return jdbc.sql("select action from audit_events where actor_id = :actor order by created_at, id")
			.param("actor", actor)
			.query(String.class)
			.list();
	}

	/** The actions on {@code target} (its id), oldest first. */
	public static List<String> actionsOn(JdbcClient jdbc, Object target) {
		return jdbc.sql("select action from audit_events where target_id = :target order by created_at, id")
			.param("target", target.toString())
			.query(String.class)
			.list();
	}

}
