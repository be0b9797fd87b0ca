package dev.fixpoint.comments;

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
class CommentRepository {

	record CommentRow(UUID id, UUID bugId, UUID authorId, UUID parentId, String content, String contentHtml,
			boolean isInternal, boolean visibleToReporter, Instant createdAt, Instant updatedAt, Instant editedAt,
			Instant deletedAt) {
	}

	private static final String COLUMNS = """
			id, bug_id, author_id, parent_id, content, content_html, is_internal, visible_to_reporter, created_at,
			updated_at, edited_at, deleted_at
			""";

	private final JdbcClient jdbc;

	CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param renderer the markdown renderer that made its HTML
	 */
	void insert(CommentRow c, int renderer) {
		this.jdbc.sql("""
				insert into comments (id, bug_id, author_id, parent_id, content, content_html, is_internal,
				    visible_to_reporter, created_at, updated_at, renderer)
				values (:id, :bug, :author, :parent, :content, :html, :internal, :reporter, :at, :at, :renderer)
				""")
			.param("renderer", renderer)
			.param("id", c.id())
			.param("bug", c.bugId())
			.param("author", c.authorId())
			.param("parent", c.parentId())
			.param("content", c.content())
			.param("html", c.contentHtml())
			.param("internal", c.isInternal())
			.param("reporter", c.visibleToReporter())
			.param("at", Timestamp.from(c.createdAt()))
			.update();
	}

	/** A comment of an imported bug ({@link CommentImport}). */
	record ImportedRow(UUID id, UUID bugId, UUID authorId, String content, String contentHtml, Instant createdAt,
			String importId) {
	}

	/** One statement for the batch; a comment imported before is left as it is. */
	int insertImported(List<ImportedRow> rows, int renderer) {
		return this.jdbc.sql("""
				insert into comments (id, bug_id, author_id, content, content_html, created_at, updated_at, renderer,
				    import_id)
				select u.id, u.bug, u.author, u.content, u.html, u.at, u.at, :renderer, u.import_id
				from unnest(cast(:ids as uuid[]), cast(:bugs as uuid[]), cast(:authors as uuid[]),
				    cast(:contents as text[]), cast(:htmls as text[]), cast(:ats as timestamptz[]),
				    cast(:importIds as text[])) as u(id, bug, author, content, html, at, import_id)
				order by u.bug, u.at
				on conflict (bug_id, import_id) where import_id is not null do nothing
				""")
			.param("renderer", renderer)
			.param("ids", rows.stream().map(r -> r.id().toString()).toArray(String[]::new))
			.param("bugs", rows.stream().map(r -> r.bugId().toString()).toArray(String[]::new))
			.param("authors", rows.stream().map(r -> r.authorId().toString()).toArray(String[]::new))
			.param("contents", rows.stream().map(ImportedRow::content).toArray(String[]::new))
			.param("htmls", rows.stream().map(ImportedRow::contentHtml).toArray(String[]::new))
			.param("ats", rows.stream().map(r -> r.createdAt().toString()).toArray(String[]::new))
			.param("importIds", rows.stream().map(ImportedRow::importId).toArray(String[]::new))
			.update();
	}

	Optional<CommentRow> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from comments where id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/**
	 * Oldest first, keyset-paginated on (created_at, id). Internal notes only if
	 * {@code withInternal}.
	 */
	List<CommentRow> page(UUID bugId, boolean withInternal, Instant afterTime, UUID afterId, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ """
							from comments
							where bug_id = :bug and (:internal or not is_internal)
							  and (cast(:afterTime as timestamptz) is null or (created_at, id) > (cast(:afterTime as timestamptz), :afterId))
							  and (deleted_at is null or exists (select 1 from comments r where r.parent_id = comments.id
							                                     and r.deleted_at is null))
							order by created_at, id
							limit :limit
							""")
			.param("bug", bugId)
			.param("internal", withInternal)
			.param("afterTime", afterTime == null ? null : Timestamp.from(afterTime))
			.param("afterId", afterId)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	/**
	 * The comments a portal reporter sees: visible to reporter, not deleted, oldest
	 * first.
	 */
	List<CommentRow> visibleToReporter(UUID bugId) {
		return this.jdbc.sql("select " + COLUMNS + """
				from comments
				where bug_id = :bug and visible_to_reporter and not is_internal and deleted_at is null
				order by created_at, id
				""").param("bug", bugId).query(this::map).list();
	}

	void update(UUID id, String content, String html, int renderer, boolean internal, boolean reporter, Instant at) {
		this.jdbc.sql("""
				update comments set content = :content, content_html = :html, renderer = :renderer,
				    is_internal = :internal, visible_to_reporter = :reporter, updated_at = :at, edited_at = :at
				where id = :id
				""")
			.param("renderer", renderer)
			.param("id", id)
			.param("content", content)
			.param("html", html)
			.param("internal", internal)
			.param("reporter", reporter)
			.param("at", Timestamp.from(at))
			.update();
	}

	void markDeleted(UUID id, Instant at) {
		this.jdbc.sql("""
				update comments set content = '', content_html = '', deleted_at = :at, updated_at = :at where id = :id
				""").param("id", id).param("at", Timestamp.from(at)).update();
	}

	/** A comment whose HTML an older markdown renderer made. */
	record Outdated(UUID id, UUID bugId, String content) {
	}

	/**
	 * The next comments after {@code after} (by id; null: from the first) whose HTML is
	 * older than {@code renderer}: a walk along the primary key. Deleted ones have none.
	 */
	List<Outdated> findOutdated(UUID after, int renderer, int limit) {
		return this.jdbc.sql("""
				select id, bug_id, content from comments
				where (cast(:after as uuid) is null or id > :after) and renderer < :renderer and deleted_at is null
				order by id
				limit :limit
				""")
			.param("after", after)
			.param("renderer", renderer)
			.param("limit", limit)
			.query(Outdated.class)
			.list();
	}

	/**
	 * Stores a new rendering of a comment unless it was edited (or rendered) since it was
	 * read.
	 */
	void saveRendering(UUID id, String content, String html, int renderer) {
		this.jdbc.sql("""
				update comments set content_html = :html, renderer = :renderer
				where id = :id and content = :content and renderer < :renderer and deleted_at is null
				""").param("id", id).param("content", content).param("html", html).param("renderer", renderer).update();
	}

	/**
	 * Whether this transaction is the one (of all nodes) that renders the next batch;
	 * held until it ends.
	 */
	boolean claimBackfill() {
		return Boolean.TRUE
			.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('comment-texts-backfill', 7))")
				.query(Boolean.class)
				.single());
	}

	private CommentRow map(ResultSet rs, int row) throws SQLException {
		return new CommentRow(rs.getObject("id", UUID.class), rs.getObject("bug_id", UUID.class),
				rs.getObject("author_id", UUID.class), rs.getObject("parent_id", UUID.class), rs.getString("content"),
				rs.getString("content_html"), rs.getBoolean("is_internal"), rs.getBoolean("visible_to_reporter"),
				instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "edited_at"),
				instant(rs, "deleted_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

}
