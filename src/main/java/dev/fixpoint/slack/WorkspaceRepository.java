package dev.fixpoint.slack;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WorkspaceRepository {

	/** A connected workspace; the token and secret sealed. */
	record WorkspaceRow(UUID orgId, String teamId, String teamName, String teamDomain, String botUserId,
			byte[] botToken, byte[] signingSecret, Instant connectedAt) {
	}

	private static final String COLUMNS = """
			org_id, team_id, team_name, team_domain, bot_user_id, bot_token, signing_secret, connected_at
			""";

	private final JdbcClient jdbc;

	WorkspaceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<WorkspaceRow> findByOrg(UUID orgId) {
		return this.jdbc.sql("select " + COLUMNS + " from slack_workspaces where org_id = :org")
			.param("org", orgId)
			.query(WorkspaceRepository::map)
			.optional();
	}

	Optional<WorkspaceRow> findByTeam(String teamId) {
		return this.jdbc.sql("select " + COLUMNS + " from slack_workspaces where team_id = :team")
			.param("team", teamId)
			.query(WorkspaceRepository::map)
			.optional();
	}

	/**
	 * The workspaces with a signing secret of their own (url_verification names none).
	 */
	List<WorkspaceRow> findWithOwnSecrets() {
		return this.jdbc.sql("select " + COLUMNS + " from slack_workspaces where signing_secret is not null")
			.query(WorkspaceRepository::map)
			.list();
	}

	boolean teamTakenByAnother(String teamId, UUID orgId) {
		return this.jdbc.sql("select exists (select 1 from slack_workspaces where team_id = :team and org_id <> :org)")
			.param("team", teamId)
			.param("org", orgId)
			.query(Boolean.class)
			.single();
	}

	/** Connects or reconnects; a null secret keeps the stored one unless clearing. */
	void save(WorkspaceRow row, UUID installedBy, boolean keepSecret) {
		this.jdbc.sql("""
				insert into slack_workspaces (org_id, team_id, team_name, team_domain, bot_user_id, bot_token,
				    signing_secret, installed_by, connected_at)
				values (:org, :team, :name, :domain, :bot, :token, :secret, :by, :at)
				on conflict (org_id) do update set team_id = excluded.team_id, team_name = excluded.team_name,
				    team_domain = excluded.team_domain, bot_user_id = excluded.bot_user_id,
				    bot_token = excluded.bot_token,
				    signing_secret = case when :keep then slack_workspaces.signing_secret
				                          else excluded.signing_secret end,
				    installed_by = excluded.installed_by, connected_at = excluded.connected_at
				""")
			.param("org", row.orgId())
			.param("team", row.teamId())
			.param("name", row.teamName())
			.param("domain", row.teamDomain())
			.param("bot", row.botUserId())
			.param("token", row.botToken())
			.param("secret", row.signingSecret())
			.param("by", installedBy)
			.param("at", Timestamp.from(row.connectedAt()))
			.param("keep", keepSecret)
			.update();
	}

	void setSigningSecret(UUID orgId, byte[] secret) {
		this.jdbc.sql("update slack_workspaces set signing_secret = :secret where org_id = :org")
			.param("org", orgId)
			.param("secret", secret)
			.update();
	}

	boolean delete(UUID orgId) {
		return this.jdbc.sql("delete from slack_workspaces where org_id = :org").param("org", orgId).update() == 1;
	}

	void saveOauthState(String stateHash, UUID orgId, UUID userId, Instant expiresAt) {
		this.jdbc.sql("""
				insert into slack_oauth_states (state_hash, org_id, user_id, expires_at)
				values (:state, :org, :user, :expires)
				""")
			.param("state", stateHash)
			.param("org", orgId)
			.param("user", userId)
			.param("expires", Timestamp.from(expiresAt))
			.update();
	}

	/** Forgets the installations started and never finished. */
	void deleteExpiredOauthStates(Instant now) {
		this.jdbc.sql("delete from slack_oauth_states where expires_at <= :now")
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Takes a started installation's nonce (once: a second take finds nothing); its
	 * organization and who started it, unless expired.
	 */
	Optional<OauthState> takeOauthState(String stateHash, Instant now) {
		return this.jdbc.sql("""
				delete from slack_oauth_states where state_hash = :state
				returning org_id, user_id, expires_at > :now as valid
				""")
			.param("state", stateHash)
			.param("now", Timestamp.from(now))
			.query(OauthState.class)
			.optional()
			.filter(OauthState::valid);
	}

	/** A started "Add to Slack": for which organization, by whom. */
	record OauthState(UUID orgId, UUID userId, boolean valid) {
	}

	private static WorkspaceRow map(ResultSet rs, int n) throws SQLException {
		return new WorkspaceRow(rs.getObject("org_id", UUID.class), rs.getString("team_id"), rs.getString("team_name"),
				rs.getString("team_domain"), rs.getString("bot_user_id"), rs.getBytes("bot_token"),
				rs.getBytes("signing_secret"), rs.getTimestamp("connected_at").toInstant());
	}

}
