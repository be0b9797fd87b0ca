package dev.fixpoint.search;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SavedFilterRepository {

	record Row(UUID id, UUID projectId, UUID ownerId, String name, String query, boolean shared, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	SavedFilterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Row row) {
		this.jdbc.sql("""
				insert into saved_filters (id, project_id, owner_id, name, query, shared)
				values (:id, :project, :owner, :name, :query, :shared)
				""")
			.param("id", row.id())
			.param("project", row.projectId())
			.param("owner", row.ownerId())
			.param("name", row.name())
			.param("query", row.query())
			.param("shared", row.shared())
			.update();
	}

	/**
	 * The user's own filters and the project's shared ones, shared first, then by name.
	 */
	List<Row> visibleTo(UUID projectId, UUID userId) {
		return this.jdbc.sql("""
				select id, project_id, owner_id, name, query, shared, created_at from saved_filters
				where project_id = :project and (owner_id = :user or shared)
				order by shared desc, lower(name)
				""").param("project", projectId).param("user", userId).query(Row.class).list();
	}

	Optional<Row> find(UUID id) {
		return this.jdbc.sql("""
				select id, project_id, owner_id, name, query, shared, created_at from saved_filters where id = :id
				""").param("id", id).query(Row.class).optional();
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from saved_filters where id = :id").param("id", id).update();
	}

}
