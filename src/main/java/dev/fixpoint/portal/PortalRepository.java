package dev.fixpoint.portal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The portal's settings, reports, waiting files and blocked addresses. */
@Repository
class PortalRepository {

	record ReportRow(UUID id, String ticket, UUID projectId, UUID bugId, String email, String draft,
			String trackingSalt, String trackingHash, Instant confirmedAt, boolean unsubscribed, Instant spamAt,
			Instant createdAt) {

		boolean confirmed() {
			return this.confirmedAt != null;
		}

		boolean spam() {
			return this.spamAt != null;
		}

	}

	record PendingFile(UUID id, String filename, byte[] content) {
	}

	private static final String REPORT_COLUMNS = """
			id, ticket, project_id, bug_id, email, draft::text as draft, tracking_salt, tracking_hash, confirmed_at, unsubscribed,
			spam_at, created_at
			""";

	private final JdbcClient jdbc;

	PortalRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- settings

	Optional<PortalSettings> settings(UUID projectId) {
		return this.jdbc.sql("""
				select enabled, require_email_confirmation, intro, fields, default_component, default_severity
				from portal_settings where project_id = :project
				""").param("project", projectId).query(PortalRepository::settings).optional();
	}

	void saveSettings(UUID projectId, PortalSettings s, Instant now) {
		this.jdbc.sql("""
				insert into portal_settings (project_id, enabled, require_email_confirmation, intro, fields,
				    default_component, default_severity, updated_at)
				values (:project, :enabled, :confirm, :intro, :fields, :component, :severity, :now)
				on conflict (project_id) do update set enabled = excluded.enabled,
				    require_email_confirmation = excluded.require_email_confirmation, intro = excluded.intro,
				    fields = excluded.fields, default_component = excluded.default_component,
				    default_severity = excluded.default_severity, updated_at = excluded.updated_at
				""")
			.param("project", projectId)
			.param("enabled", s.on())
			.param("confirm", s.confirmationRequired())
			.param("intro", s.intro())
			.param("fields", s.fields().toArray(String[]::new))
			.param("component", s.defaultComponent())
			.param("severity", s.defaultSeverity())
			.param("now", Timestamp.from(now))
			.update();
	}

	private static PortalSettings settings(ResultSet rs, int row) throws SQLException {
		Array fields = rs.getArray("fields");
		return new PortalSettings(rs.getBoolean("enabled"), rs.getBoolean("require_email_confirmation"),
				rs.getString("intro"), Arrays.asList((String[]) fields.getArray()), rs.getString("default_component"),
				rs.getString("default_severity"));
	}

	// --- reports

	/**
	 * @return false when the ticket is taken (the caller draws another)
	 */
	boolean insertReport(UUID id, String ticket, UUID projectId, String email, String draft, String trackingSalt,
			String trackingHash, String confirmHash, String clientIp, Instant now) {
		return this.jdbc.sql("""
				insert into portal_reports (id, ticket, project_id, email, draft, tracking_salt, tracking_hash,
				    confirm_hash, client_ip, created_at)
				values (:id, :ticket, :project, :email, cast(:draft as jsonb), :salt, :tracking, :confirm, :ip, :now)
				on conflict (ticket) do nothing
				""")
			.param("id", id)
			.param("ticket", ticket)
			.param("project", projectId)
			.param("email", email)
			.param("draft", draft)
			.param("salt", trackingSalt)
			.param("tracking", trackingHash)
			.param("confirm", confirmHash)
			.param("ip", clientIp)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	Optional<ReportRow> findByTicket(String ticket) {
		return this.jdbc.sql("select " + REPORT_COLUMNS + " from portal_reports where ticket = :ticket")
			.param("ticket", ticket)
			.query(PortalRepository::report)
			.optional();
	}

	Optional<ReportRow> findById(UUID id) {
		return this.jdbc.sql("select " + REPORT_COLUMNS + " from portal_reports where id = :id")
			.param("id", id)
			.query(PortalRepository::report)
			.optional();
	}

	Optional<ReportRow> findByBug(UUID bugId) {
		return this.jdbc.sql("select " + REPORT_COLUMNS + " from portal_reports where bug_id = :bug")
			.param("bug", bugId)
			.query(PortalRepository::report)
			.optional();
	}

	/** The unconfirmed report waiting for this confirmation hash, locked. */
	Optional<ReportRow> lockByConfirmHash(String hash) {
		return this.jdbc
			.sql("select " + REPORT_COLUMNS
					+ " from portal_reports where confirm_hash = :hash and confirmed_at is null for update")
			.param("hash", hash)
			.query(PortalRepository::report)
			.optional();
	}

	void markConfirmed(UUID id, UUID bugId, Instant now) {
		this.jdbc.sql("""
				update portal_reports set bug_id = :bug, confirmed_at = :now, confirm_hash = null, draft = null
				where id = :id
				""").param("id", id).param("bug", bugId).param("now", Timestamp.from(now)).update();
	}

	void markSpam(UUID id, Instant now) {
		this.jdbc.sql("update portal_reports set spam_at = :now where id = :id")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update();
	}

	void unsubscribe(UUID id) {
		this.jdbc.sql("update portal_reports set unsubscribed = true where id = :id").param("id", id).update();
	}

	/** Stops the emails of every report of an address; returns how many were on. */
	int unsubscribeAll(String email) {
		return this.jdbc.sql(
				"update portal_reports set unsubscribed = true where lower(email) = lower(:email) and not unsubscribed")
			.param("email", email)
			.update();
	}

	/**
	 * Deletes up to {@code limit} reports whose email was not confirmed before
	 * {@code before} (their waiting files go with them), claimed with
	 * {@code skip locked}: one being confirmed right now is left alone.
	 */
	int deleteUnconfirmed(Instant before, int limit) {
		return this.jdbc.sql("""
				delete from portal_reports where id in (
				    select id from portal_reports
				    where confirmed_at is null and created_at < :before
				    order by created_at
				    limit :limit
				    for update skip locked)
				""").param("before", Timestamp.from(before)).param("limit", limit).update();
	}

	private static ReportRow report(ResultSet rs, int row) throws SQLException {
		return new ReportRow(rs.getObject("id", UUID.class), rs.getString("ticket"),
				rs.getObject("project_id", UUID.class), rs.getObject("bug_id", UUID.class), rs.getString("email"),
				rs.getString("draft"), rs.getString("tracking_salt"), rs.getString("tracking_hash"),
				instant(rs, "confirmed_at"), rs.getBoolean("unsubscribed"), instant(rs, "spam_at"),
				instant(rs, "created_at"));
	}

	// --- files waiting for a confirmation

	void insertFile(UUID id, UUID reportId, String filename, byte[] content, Instant now) {
		this.jdbc.sql("""
				insert into portal_pending_files (id, report_id, filename, content, created_at)
				values (:id, :report, :name, :content, :now)
				""")
			.param("id", id)
			.param("report", reportId)
			.param("name", filename)
			.param("content", content)
			.param("now", Timestamp.from(now))
			.update();
	}

	List<PendingFile> files(UUID reportId) {
		return this.jdbc.sql(
				"select id, filename, content from portal_pending_files where report_id = :report order by created_at, id")
			.param("report", reportId)
			.query((rs, n) -> new PendingFile(rs.getObject("id", UUID.class), rs.getString("filename"),
					rs.getBytes("content")))
			.list();
	}

	void deleteFiles(UUID reportId) {
		this.jdbc.sql("delete from portal_pending_files where report_id = :report").param("report", reportId).update();
	}

	// --- blocked addresses

	void block(UUID projectId, String email, Instant now) {
		this.jdbc.sql("""
				insert into portal_blocked_emails (project_id, email, blocked_at) values (:project, lower(:email), :now)
				on conflict do nothing
				""").param("project", projectId).param("email", email).param("now", Timestamp.from(now)).update();
	}

	boolean blocked(UUID projectId, String email) {
		return this.jdbc.sql(
				"select exists (select 1 from portal_blocked_emails where project_id = :project and email = lower(:email))")
			.param("project", projectId)
			.param("email", email)
			.query(Boolean.class)
			.single();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

}
