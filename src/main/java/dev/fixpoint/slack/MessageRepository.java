package dev.fixpoint.slack;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one message per bug and channel (its {@code ts}, Slack's id of a message). */
@Repository
class MessageRepository {

	private final JdbcClient jdbc;

	MessageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> ts(UUID bugId, String teamId, String channelId) {
		return this.jdbc.sql("""
				select ts from slack_messages where bug_id = :bug and team_id = :team and channel_id = :channel
				""")
			.param("bug", bugId)
			.param("team", teamId)
			.param("channel", channelId)
			.query(String.class)
			.optional();
	}

	void save(UUID bugId, String teamId, String channelId, String ts, Instant now) {
		this.jdbc.sql("""
				insert into slack_messages (bug_id, team_id, channel_id, ts, posted_at)
				values (:bug, :team, :channel, :ts, :at)
				on conflict (bug_id, team_id, channel_id) do update set ts = excluded.ts
				""")
			.param("bug", bugId)
			.param("team", teamId)
			.param("channel", channelId)
			.param("ts", ts)
			.param("at", Timestamp.from(now))
			.update();
	}

	void forget(UUID bugId, String teamId, String channelId) {
		this.jdbc.sql("delete from slack_messages where bug_id = :bug and team_id = :team and channel_id = :channel")
			.param("bug", bugId)
			.param("team", teamId)
			.param("channel", channelId)
			.update();
	}

}
