package dev.fixpoint.live;

import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends the {@code fixpoint_live} notices every node's {@link LiveChannel} receives. A
 * notice is a line of fields separated by {@code |}; ids, keys and field names never
 * contain one.
 * <ul>
 * <li>{@code bug|project|bug id|KEY|actor or -|field,field}: a committed change;</li>
 * <li>{@code new|project|bug id|KEY|actor or -}: a bug was filed;</li>
 * <li>{@code presence|node|bug id|user,user}: who views the bug through that node's
 * streams now (empty: nobody).</li>
 * </ul>
 */
@Component
class LiveSignals {

	static final String CHANNEL = "fixpoint_live";

	/** This process, as presence announcements name it. */
	private final String node = UUID.randomUUID().toString();

	private final JdbcClient jdbc;

	LiveSignals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String node() {
		return this.node;
	}

	void changed(UUID projectId, UUID bugId, String key, UUID actorId, Collection<String> fields) {
		notify(String.join("|", "bug", projectId.toString(), bugId.toString(), key,
				actorId == null ? "-" : actorId.toString(), String.join(",", fields)));
	}

	void created(UUID projectId, UUID bugId, String key, UUID actorId) {
		notify(String.join("|", "new", projectId.toString(), bugId.toString(), key,
				actorId == null ? "-" : actorId.toString()));
	}

	void viewing(UUID bugId, Collection<UUID> users) {
		notify(String.join("|", "presence", this.node, bugId.toString(),
				users.stream().map(UUID::toString).collect(Collectors.joining(","))));
	}

	private void notify(String payload) {
		this.jdbc.sql("select pg_notify('" + CHANNEL + "', :payload)").param("payload", payload).query().singleRow();
	}

}
