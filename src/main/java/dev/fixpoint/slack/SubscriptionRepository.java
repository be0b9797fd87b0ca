package dev.fixpoint.slack;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SubscriptionRepository {

	private static final String COLUMNS = "id, project_id, channel_id, channel_name, events, severities, query, created_at";

	private final JdbcClient jdbc;

	SubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ChannelSubscription subscription, UUID createdBy) {
		this.jdbc.sql("""
				insert into slack_subscriptions (id, project_id, channel_id, channel_name, events, severities, query,
				    created_by, created_at)
				values (:id, :project, :channel, :name, cast(:events as text[]), cast(:severities as text[]), :query,
				    :by, :at)
				""")
			.param("id", subscription.id())
			.param("project", subscription.projectId())
			.param("channel", subscription.channelId())
			.param("name", subscription.channelName())
			.param("events", subscription.events().toArray(String[]::new))
			.param("severities", subscription.severities().toArray(String[]::new))
			.param("query", subscription.query())
			.param("by", createdBy)
			.param("at", Timestamp.from(subscription.createdAt()))
			.update();
	}

	List<ChannelSubscription> findByProject(UUID projectId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from slack_subscriptions where project_id = :project order by created_at, id")
			.param("project", projectId)
			.query(SubscriptionRepository::map)
			.list();
	}

	/**
	 * Whether a project has any subscription: most have none, and their bugs write no
	 * row.
	 */
	boolean anyFor(UUID projectId) {
		return this.jdbc.sql("select exists (select 1 from slack_subscriptions where project_id = :project)")
			.param("project", projectId)
			.query(Boolean.class)
			.single();
	}

	Optional<ChannelSubscription> findById(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from slack_subscriptions where id = :id")
			.param("id", id)
			.query(SubscriptionRepository::map)
			.optional();
	}

	boolean delete(UUID projectId, UUID id) {
		return this.jdbc.sql("delete from slack_subscriptions where id = :id and project_id = :project")
			.param("id", id)
			.param("project", projectId)
			.update() == 1;
	}

	int countByProject(UUID projectId) {
		return this.jdbc.sql("select count(*) from slack_subscriptions where project_id = :project")
			.param("project", projectId)
			.query(Integer.class)
			.single();
	}

	private static ChannelSubscription map(ResultSet rs, int n) throws SQLException {
		return new ChannelSubscription(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
				rs.getString("channel_id"), rs.getString("channel_name"), strings(rs.getArray("events")),
				strings(rs.getArray("severities")), rs.getString("query"), rs.getTimestamp("created_at").toInstant());
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
