package dev.fixpoint.bugs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code bug_links}, and the duplicates of {@code bugs.duplicate_of} read with them. */
@Repository
class BugLinkRepository {

	/** How many links a cycle check reads at most (a loop is found long before). */
	static final int REACH_LIMIT = 10_000;

	private final JdbcClient jdbc;

	BugLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored link. */
	record LinkRow(UUID id, String kind, UUID sourceId, UUID targetId) {
	}

	/**
	 * A link of one bug with the other bug's fields, read from the bug's side
	 * ({@code thisIsSource}).
	 */
	record SideRow(UUID id, String kind, boolean thisIsSource, UUID otherId, String otherKey, UUID otherProjectId,
			String otherTitle, String otherStatus, boolean otherResolved, Instant createdAt) {
	}

	void insert(UUID id, String kind, UUID source, UUID target, UUID userId, Instant at) {
		this.jdbc.sql("""
				insert into bug_links (id, kind, source_id, target_id, created_by, created_at)
				values (:id, :kind, :source, :target, :user, :at)
				""")
			.param("id", id)
			.param("kind", kind)
			.param("source", source)
			.param("target", target)
			.param("user", userId)
			.param("at", Timestamp.from(at))
			.update();
	}

	boolean exists(String kind, UUID source, UUID target) {
		return this.jdbc.sql(
				"select exists (select 1 from bug_links where source_id = :source and kind = :kind and target_id = :target)")
			.param("kind", kind)
			.param("source", source)
			.param("target", target)
			.query(Boolean.class)
			.single();
	}

	/** The parent of a bug, if it has one. */
	Optional<UUID> parentOf(UUID bugId) {
		return this.jdbc.sql("select source_id from bug_links where target_id = :id and kind = 'parent'")
			.param("id", bugId)
			.query(UUID.class)
			.optional();
	}

	Optional<LinkRow> find(UUID id) {
		return this.jdbc.sql("select id, kind, source_id, target_id from bug_links where id = :id")
			.param("id", id)
			.query((rs, n) -> new LinkRow(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getObject("source_id", UUID.class), rs.getObject("target_id", UUID.class)))
			.optional();
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from bug_links where id = :id").param("id", id).update();
	}

	/**
	 * Every link of {@code kind} reachable from {@code start} along source → target (at
	 * most {@link #REACH_LIMIT}): what a cycle check walks.
	 */
	List<LinkPaths.Edge> reachableFrom(UUID start, String kind) {
		return this.jdbc.sql("""
				with recursive reach (source_id, target_id) as (
				    select source_id, target_id from bug_links where source_id = :start and kind = :kind
				    union
				    select l.source_id, l.target_id
				    from reach r join bug_links l on l.source_id = r.target_id and l.kind = :kind
				)
				select source_id, target_id from reach limit :limit
				""")
			.param("start", start)
			.param("kind", kind)
			.param("limit", REACH_LIMIT)
			.query((rs, n) -> new LinkPaths.Edge(rs.getObject("source_id", UUID.class),
					rs.getObject("target_id", UUID.class)))
			.list();
	}

	/**
	 * The links of a bug whose other bug is in a project {@code userId} is a member of,
	 * oldest first; the others are left out, as if they did not exist.
	 */
	List<SideRow> linksOf(UUID bugId, UUID userId) {
		return this.jdbc.sql("""
				select l.id, l.kind, l.this_is_source, l.created_at, o.id as other_id,
				    p.key || '-' || o.number as other_key, o.project_id as other_project_id, o.title as other_title,
				    o.status as other_status, o.resolved_at is not null as other_resolved
				from (
				    select id, kind, true as this_is_source, target_id as other, created_at from bug_links
				    where source_id = :bug
				    union all
				    select id, kind, false, source_id, created_at from bug_links where target_id = :bug
				) l
				join bugs o on o.id = l.other
				join projects p on p.id = o.project_id
				join project_members m on m.project_id = o.project_id and m.user_id = :user
				order by l.created_at, l.id
				""")
			.param("bug", bugId)
			.param("user", userId)
			.query((rs, n) -> new SideRow(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getBoolean("this_is_source"), rs.getObject("other_id", UUID.class), rs.getString("other_key"),
					rs.getObject("other_project_id", UUID.class), rs.getString("other_title"),
					rs.getString("other_status"), rs.getBoolean("other_resolved"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * The bugs marked as duplicates of a bug (its own project: a duplicate's original is
	 * always in its project).
	 */
	List<SideRow> duplicatesOf(UUID bugId) {
		return this.jdbc.sql("""
				select d.id as other_id, p.key || '-' || d.number as other_key, d.project_id, d.title, d.status,
				    d.resolved_at is not null as resolved, d.updated_at
				from bugs d join projects p on p.id = d.project_id
				where d.duplicate_of = :bug
				order by d.number
				limit 100
				""")
			.param("bug", bugId)
			.query((rs, n) -> new SideRow(null, "duplicate", false, rs.getObject("other_id", UUID.class),
					rs.getString("other_key"), rs.getObject("project_id", UUID.class), rs.getString("title"),
					rs.getString("status"), rs.getBoolean("resolved"), rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	/** How many sub-bugs a bug has and how many of them are done. */
	record Progress(int total, int done) {
	}

	Progress subBugProgress(UUID parentId) {
		return this.jdbc.sql("""
				select count(*) as total, count(*) filter (where c.resolved_at is not null) as done
				from bug_links l join bugs c on c.id = l.target_id
				where l.source_id = :id and l.kind = 'parent'
				""")
			.param("id", parentId)
			.query((rs, n) -> new Progress(rs.getInt("total"), rs.getInt("done")))
			.single();
	}

	/**
	 * Serializes link changes that could close a loop: two concurrent links {@code A → B}
	 * and {@code B → A} would each pass the check alone. Held until the transaction ends.
	 */
	void lockForCycleCheck() {
		this.jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('fixpoint.bug_links'))) l")
			.query(Integer.class)
			.single();
	}

}
