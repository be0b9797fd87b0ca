package dev.fixpoint.forge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LinkRepository {

	private static final String COLUMNS = """
			id, project_id, forge, repository, forge_project_id, instance_url, webhook_secret, access_token,
			opened_status, merged_status, created_at
			""";

	private final JdbcClient jdbc;

	LinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(LinkRow link) {
		this.jdbc.sql("""
				insert into forge_links (id, project_id, forge, repository, forge_project_id, instance_url,
				    webhook_secret, access_token, opened_status, merged_status, created_at)
				values (:id, :project, :forge, :repository, :forgeProjectId, :instance, :secret, :token,
				    :opened, :merged, :createdAt)
				""")
			.param("id", link.id())
			.param("project", link.projectId())
			.param("forge", link.forge().key())
			.param("repository", link.repository())
			.param("forgeProjectId", link.forgeProjectId())
			.param("instance", link.instanceUrl())
			.param("secret", link.webhookSecret())
			.param("token", link.accessToken())
			.param("opened", link.openedStatus())
			.param("merged", link.mergedStatus())
			.param("createdAt", java.sql.Timestamp.from(link.createdAt()))
			.update();
	}

	boolean exists(UUID projectId, Forge forge, String repository) {
		return this.jdbc.sql("""
				select exists (select 1 from forge_links where project_id = :project and forge = :forge
				    and lower(repository) = lower(:repository))
				""")
			.param("project", projectId)
			.param("forge", forge.key())
			.param("repository", repository)
			.query(Boolean.class)
			.single();
	}

	List<LinkRow> findByProject(UUID projectId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from forge_links where project_id = :project order by created_at, id")
			.param("project", projectId)
			.query(LinkRepository::map)
			.list();
	}

	Optional<LinkRow> findById(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from forge_links where id = :id")
			.param("id", id)
			.query(LinkRepository::map)
			.optional();
	}

	/** The links of a repository, by path or (GitLab) numeric project id. */
	List<LinkRow> findByRepository(Forge forge, String repository, Long forgeProjectId) {
		return this.jdbc.sql("select " + COLUMNS + """
				from forge_links
				where forge = :forge and (lower(repository) = lower(:repository) or forge_project_id = :forgeProjectId)
				order by created_at, id
				""")
			.param("forge", forge.key())
			.param("repository", repository == null ? "" : repository)
			.param("forgeProjectId", forgeProjectId)
			.query(LinkRepository::map)
			.list();
	}

	void updateSecret(UUID id, byte[] secret) {
		this.jdbc.sql("update forge_links set webhook_secret = :secret where id = :id")
			.param("id", id)
			.param("secret", secret)
			.update();
	}

	void updateSettings(UUID id, String repository, byte[] token, boolean changeToken, String opened, String merged) {
		this.jdbc.sql("""
				update forge_links set repository = :repository, opened_status = :opened, merged_status = :merged,
				    access_token = case when :changeToken then :token else access_token end
				where id = :id
				""")
			.param("id", id)
			.param("repository", repository)
			.param("token", token)
			.param("changeToken", changeToken)
			.param("opened", opened)
			.param("merged", merged)
			.update();
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from forge_links where id = :id").param("id", id).update();
	}

	private static LinkRow map(ResultSet rs, int row) throws SQLException {
		long forgeProjectId = rs.getLong("forge_project_id");
		return new LinkRow(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
				Forge.parse(rs.getString("forge")).orElseThrow(), rs.getString("repository"),
				rs.wasNull() ? null : forgeProjectId, rs.getString("instance_url"), rs.getBytes("webhook_secret"),
				rs.getBytes("access_token"), rs.getString("opened_status"), rs.getString("merged_status"),
				rs.getTimestamp("created_at").toInstant());
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		java.sql.Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

}
