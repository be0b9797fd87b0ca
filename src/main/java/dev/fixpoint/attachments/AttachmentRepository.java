package dev.fixpoint.attachments;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AttachmentRepository {

	record AttachmentRow(UUID id, UUID bugId, UUID projectId, UUID orgId, UUID commentId, UUID annotationOf,
			String filename, String mimeType, long fileSize, String objectKey, String thumbnailKey,
			String thumbnailType, long thumbnailSize, Integer width, Integer height, UUID uploadedBy,
			Instant createdAt) {
	}

	private static final String COLUMNS = """
			id, bug_id, project_id, org_id, comment_id, annotation_of, filename, mime_type, file_size, object_key,
			thumbnail_key, thumbnail_type, thumbnail_size, width, height, uploaded_by, created_at
			""";

	private final JdbcClient jdbc;

	AttachmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(AttachmentRow a) {
		this.jdbc.sql("insert into attachments (" + COLUMNS + """
				) values (:id, :bug, :project, :org, :comment, :annotationOf, :filename, :mime, :size, :key, :thumbKey,
				    :thumbType, :thumbSize, :width, :height, :uploadedBy, :createdAt)
				""")
			.param("id", a.id())
			.param("bug", a.bugId())
			.param("project", a.projectId())
			.param("org", a.orgId())
			.param("comment", a.commentId())
			.param("annotationOf", a.annotationOf())
			.param("filename", a.filename())
			.param("mime", a.mimeType())
			.param("size", a.fileSize())
			.param("key", a.objectKey())
			.param("thumbKey", a.thumbnailKey())
			.param("thumbType", a.thumbnailType())
			.param("thumbSize", a.thumbnailSize())
			.param("width", a.width())
			.param("height", a.height())
			.param("uploadedBy", a.uploadedBy())
			.param("createdAt", Timestamp.from(a.createdAt()))
			.update();
	}

	Optional<AttachmentRow> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from attachments where id = :id")
			.param("id", id)
			.query(AttachmentRepository::map)
			.optional();
	}

	/** Oldest first, keyset-paginated on (created_at, id). */
	List<AttachmentRow> page(UUID bugId, Instant afterTime, UUID afterId, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				from attachments
				where bug_id = :bug
				  and (cast(:afterTime as timestamptz) is null or (created_at, id) > (:afterTime, :afterId))
				order by created_at, id
				limit :limit
				""")
			.param("bug", bugId)
			.param("afterTime", afterTime == null ? null : Timestamp.from(afterTime))
			.param("afterId", afterId)
			.param("limit", limit)
			.query(AttachmentRepository::map)
			.list();
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from attachments where id = :id").param("id", id).update();
	}

	/** Serializes quota checks of one organization until the transaction ends. */
	void lockOrganization(UUID orgId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:org, 7))")
			.param("org", "attachments-quota:" + orgId)
			.query((rs, n) -> 1)
			.single();
	}

	record Usage(long bytes, long count) {
	}

	Usage usage(UUID orgId) {
		return this.jdbc.sql("""
				select coalesce(sum(file_size + thumbnail_size), 0) as bytes, count(*) as count
				from attachments where org_id = :org
				""").param("org", orgId).query((rs, n) -> new Usage(rs.getLong("bytes"), rs.getLong("count"))).single();
	}

	// settings

	Optional<dev.fixpoint.attachments.AttachmentSettings> settings(UUID projectId) {
		return this.jdbc.sql("""
				select allowed_types, retention_days_after_close from attachment_settings where project_id = :project
				""")
			.param("project", projectId)
			.query((rs, n) -> new AttachmentSettings(strings(rs.getArray("allowed_types")),
					(Integer) rs.getObject("retention_days_after_close")))
			.optional();
	}

	void saveSettings(UUID projectId, AttachmentSettings settings) {
		this.jdbc.sql("""
				insert into attachment_settings (project_id, allowed_types, retention_days_after_close)
				values (:project, :types, :days)
				on conflict (project_id) do update
				set allowed_types = excluded.allowed_types,
				    retention_days_after_close = excluded.retention_days_after_close
				""")
			.param("project", projectId)
			.param("types", settings.allowedTypes().toArray(String[]::new))
			.param("days", settings.retentionDaysAfterClose())
			.update();
	}

	// housekeeping

	record Retention(UUID projectId, int days) {
	}

	List<Retention> retentions() {
		return this.jdbc.sql("""
				select project_id, retention_days_after_close from attachment_settings
				where retention_days_after_close is not null
				""")
			.query((rs, n) -> new Retention(rs.getObject("project_id", UUID.class),
					rs.getInt("retention_days_after_close")))
			.list();
	}

	/**
	 * Deletes the attachments of the project's bugs that were closed before
	 * {@code cutoff} (the trigger queues their objects). Reads {@code bugs.closed_at}:
	 * the one column of another module this module relies on.
	 */
	int deleteOfBugsClosedBefore(UUID projectId, Instant cutoff) {
		return this.jdbc.sql("""
				delete from attachments a
				using bugs b
				where a.project_id = :project and b.id = a.bug_id and b.closed_at < :cutoff
				""").param("project", projectId).param("cutoff", Timestamp.from(cutoff)).update();
	}

	/**
	 * Takes up to {@code limit} queued object keys, locked so that other nodes skip them.
	 */
	List<String> lockPurges(int limit) {
		return this.jdbc.sql("""
				select object_key from attachment_purges
				order by queued_at
				limit :limit
				for update skip locked
				""").param("limit", limit).query(String.class).list();
	}

	List<String> lockPurges(Collection<String> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select object_key from attachment_purges where object_key in (:keys) for update skip locked")
			.param("keys", keys)
			.query(String.class)
			.list();
	}

	void deletePurges(Collection<String> keys) {
		if (!keys.isEmpty()) {
			this.jdbc.sql("delete from attachment_purges where object_key in (:keys)").param("keys", keys).update();
		}
	}

	/** Of the given object keys, those a row still refers to. */
	List<String> referenced(Collection<String> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select object_key from attachments where object_key in (:keys)
				union all
				select thumbnail_key from attachments where thumbnail_key in (:keys)
				""").param("keys", keys).query(String.class).list();
	}

	/**
	 * Held shared until the transaction ends: false while a backup copies the objects
	 * ({@link StoredObjects#pausePurges}), then nothing may be deleted from the store.
	 */
	boolean tryHoldPurges() {
		return Boolean.TRUE
			.equals(this.jdbc.sql("select pg_try_advisory_xact_lock_shared(" + StoredObjects.PURGE_LOCK + ")")
				.query(Boolean.class)
				.single());
	}

	/** Held until the transaction ends: one node at a time sweeps the store. */
	boolean tryLockSweep() {
		return Boolean.TRUE
			.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('attachments-sweep', 7))")
				.query(Boolean.class)
				.single());
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static AttachmentRow map(ResultSet rs, int n) throws SQLException {
		Timestamp created = rs.getTimestamp("created_at");
		return new AttachmentRow(rs.getObject("id", UUID.class), rs.getObject("bug_id", UUID.class),
				rs.getObject("project_id", UUID.class), rs.getObject("org_id", UUID.class),
				rs.getObject("comment_id", UUID.class), rs.getObject("annotation_of", UUID.class),
				rs.getString("filename"), rs.getString("mime_type"), rs.getLong("file_size"),
				rs.getString("object_key"), rs.getString("thumbnail_key"), rs.getString("thumbnail_type"),
				rs.getLong("thumbnail_size"), (Integer) rs.getObject("width"), (Integer) rs.getObject("height"),
				rs.getObject("uploaded_by", UUID.class), created.toInstant());
	}

}
