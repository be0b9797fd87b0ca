package dev.fixpoint.slack;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Slack users linked to Fixpoint accounts, and the one-time links offered. */
@Repository
class PeopleRepository {

	/** A person's Slack user in a workspace. */
	record SlackUser(String teamId, String slackUserId, UUID userId) {
	}

	private final JdbcClient jdbc;

	PeopleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UUID> userOf(String teamId, String slackUserId) {
		return this.jdbc.sql("select user_id from slack_users where team_id = :team and slack_user_id = :slack")
			.param("team", teamId)
			.param("slack", slackUserId)
			.query(UUID.class)
			.optional();
	}

	/** A person's Slack users (at most one per workspace). */
	List<SlackUser> slackUsersOf(UUID userId) {
		return this.jdbc.sql("select team_id, slack_user_id, user_id from slack_users where user_id = :user")
			.param("user", userId)
			.query(SlackUser.class)
			.list();
	}

	/** Links (or re-links) a Slack user; a person keeps one Slack user per workspace. */
	void link(String teamId, String slackUserId, UUID userId, String how, Instant now) {
		this.jdbc.sql("delete from slack_users where team_id = :team and user_id = :user and slack_user_id <> :slack")
			.param("team", teamId)
			.param("user", userId)
			.param("slack", slackUserId)
			.update();
		this.jdbc.sql("""
				insert into slack_users (team_id, slack_user_id, user_id, linked_by, linked_at)
				values (:team, :slack, :user, :how, :at)
				on conflict (team_id, slack_user_id) do update set user_id = excluded.user_id,
				    linked_by = excluded.linked_by, linked_at = excluded.linked_at
				""")
			.param("team", teamId)
			.param("slack", slackUserId)
			.param("user", userId)
			.param("how", how)
			.param("at", Timestamp.from(now))
			.update();
	}

	int unlink(UUID userId) {
		return this.jdbc.sql("delete from slack_users where user_id = :user").param("user", userId).update();
	}

	void saveCode(String codeHash, String teamId, String slackUserId, Instant expiresAt) {
		this.jdbc.sql("""
				insert into slack_link_codes (code_hash, team_id, slack_user_id, expires_at)
				values (:code, :team, :slack, :expires)
				""")
			.param("code", codeHash)
			.param("team", teamId)
			.param("slack", slackUserId)
			.param("expires", Timestamp.from(expiresAt))
			.update();
	}

	/** The code's Slack user, if it is still valid; without using it up. */
	Optional<SlackUser> findCode(String codeHash, Instant now) {
		return this.jdbc.sql("""
				select team_id, slack_user_id, null::uuid as user_id from slack_link_codes
				where code_hash = :code and expires_at > :now
				""").param("code", codeHash).param("now", Timestamp.from(now)).query(SlackUser.class).optional();
	}

	/** Uses a code up: the Slack user it was for, if it was still valid. */
	Optional<SlackUser> takeCode(String codeHash, Instant now) {
		return this.jdbc.sql("""
				delete from slack_link_codes where code_hash = :code
				returning team_id, slack_user_id, null::uuid as user_id, expires_at > :now as valid
				""")
			.param("code", codeHash)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> rs.getBoolean("valid")
					? Optional.of(new SlackUser(rs.getString("team_id"), rs.getString("slack_user_id"), null))
					: Optional.<SlackUser>empty())
			.optional()
			.flatMap(code -> code);
	}

	int deleteExpiredCodes(Instant now) {
		return this.jdbc.sql("delete from slack_link_codes where expires_at <= :now")
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Where a person's notifications go in Slack: their linked users who chose it. */
	List<SlackUser> notified(UUID userId) {
		return this.jdbc.sql("""
				select team_id, slack_user_id, user_id from slack_users where user_id = :user and notify
				""").param("user", userId).query(SlackUser.class).list();
	}

	boolean notifies(UUID userId) {
		return this.jdbc.sql("select exists (select 1 from slack_users where user_id = :user and notify)")
			.param("user", userId)
			.query(Boolean.class)
			.single();
	}

	int setNotify(UUID userId, boolean notify) {
		return this.jdbc.sql("update slack_users set notify = :notify where user_id = :user")
			.param("user", userId)
			.param("notify", notify)
			.update();
	}

}
