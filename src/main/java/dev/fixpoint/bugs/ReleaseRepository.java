package dev.fixpoint.bugs;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code releases}, with each release's bug counts. */
@Repository
class ReleaseRepository {

	/**
	 * Columns of a release with its counts: two index-only ranges of
	 * bugs_fixed_in_resolved_idx (V32) per release.
	 */
	private static final String SELECT = """
			select r.*,
			    (select count(*) from bugs b where b.fixed_in = r.id and b.resolved_at is null) as open_count,
			    (select count(*) from bugs b where b.fixed_in = r.id and b.resolved_at is not null) as resolved_count
			from releases r
			""";

	private final JdbcClient jdbc;

	private final ReleaseMemory memory;

	ReleaseRepository(JdbcClient jdbc, ReleaseMemory memory) {
		this.jdbc = jdbc;
		this.memory = memory;
	}

	List<Release> list(UUID projectId, boolean archived) {
		return this.jdbc.sql(SELECT + """
				where r.project_id = :project and (:archived or not r.archived)
				order by r.archived, r.released_on desc nulls first, r.due_on nulls last, r.created_at desc
				""").param("project", projectId).param("archived", archived).query(ReleaseRepository::map).list();
	}

	Optional<Release> find(UUID id) {
		return this.jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(ReleaseRepository::map).optional();
	}

	/** The release of a project with this name, any case. */
	Optional<UUID> idByName(UUID projectId, String name) {
		return this.jdbc.sql("select id from releases where project_id = :project and lower(name) = lower(:name)")
			.param("project", projectId)
			.param("name", name.strip())
			.query(UUID.class)
			.optional();
	}

	/**
	 * The releases with these names (any case) in the projects {@code userId} is a member
	 * of (a search across projects).
	 */
	List<UUID> idsByName(UUID userId, Collection<String> names) {
		return this.jdbc.sql("""
				select r.id from releases r
				join project_members m on m.project_id = r.project_id and m.user_id = :user
				where lower(r.name) in (:names)
				""")
			.param("user", userId)
			.param("names", names.stream().map(n -> n.strip().toLowerCase(java.util.Locale.ROOT)).toList())
			.query(UUID.class)
			.list();
	}

	boolean nameTaken(UUID projectId, String name, UUID except) {
		return this.jdbc.sql("""
				select exists (select 1 from releases where project_id = :project and lower(name) = lower(:name)
				    and id is distinct from :except)
				""")
			.param("project", projectId)
			.param("name", name)
			.param("except", except)
			.query(Boolean.class)
			.single();
	}

	/** The names of a project's releases that are not archived, in list order. */
	List<String> names(UUID projectId) {
		return this.memory.names(projectId, id -> this.jdbc.sql("""
				select name from releases where project_id = :project and not archived
				order by released_on desc nulls first, due_on nulls last, created_at desc
				""").param("project", id).query(String.class).list());
	}

	/** Names of releases by id (a page of bugs shows them). */
	Map<UUID, String> names(Collection<UUID> ids) {
		Map<UUID, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("select id, name from releases where id in (:ids)")
				.param("ids", ids)
				.query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
				.list();
		}
		return names;
	}

	void insert(UUID id, UUID projectId, NewRelease r, String name, Instant at) {
		this.memory.forget();
		this.jdbc.sql("""
				insert into releases (id, project_id, name, description, due_on, released_on, created_at, updated_at)
				values (:id, :project, :name, :description, :dueOn, :releasedOn, :at, :at)
				""")
			.param("id", id)
			.param("project", projectId)
			.param("name", name)
			.param("description", r.description() == null ? "" : r.description().strip())
			.param("dueOn", r.dueOn() == null ? null : Date.valueOf(r.dueOn()))
			.param("releasedOn", r.releasedOn() == null ? null : Date.valueOf(r.releasedOn()))
			.param("at", Timestamp.from(at))
			.update();
	}

	void update(Release r, Instant at) {
		this.memory.forget();
		this.jdbc.sql("""
				update releases set name = :name, description = :description, due_on = :dueOn,
				    released_on = :releasedOn, archived = :archived, updated_at = :at
				where id = :id
				""")
			.param("id", r.id())
			.param("name", r.name())
			.param("description", r.description())
			.param("dueOn", r.dueOn() == null ? null : Date.valueOf(r.dueOn()))
			.param("releasedOn", r.releasedOn() == null ? null : Date.valueOf(r.releasedOn()))
			.param("archived", r.archived())
			.param("at", Timestamp.from(at))
			.update();
	}

	private static Release map(ResultSet rs, int n) throws SQLException {
		Date due = rs.getDate("due_on");
		Date released = rs.getDate("released_on");
		return new Release(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class), rs.getString("name"),
				rs.getString("description"), due == null ? null : due.toLocalDate(),
				released == null ? null : released.toLocalDate(), rs.getBoolean("archived"), rs.getInt("open_count"),
				rs.getInt("resolved_count"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
