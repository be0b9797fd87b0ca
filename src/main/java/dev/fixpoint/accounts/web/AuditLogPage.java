package dev.fixpoint.accounts.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.fixpoint.audit.AuditEntry;
import dev.fixpoint.platform.Page;

/**
 * An audit log page (an organization's, or the installation's at
 * {@code /admin/audit-log}): where it lives, the filters as typed (days as yyyy-mm-dd),
 * one page of entries.
 */
public record AuditLogPage(String base, boolean siteAdmin, String action, String actor, String from, String to,
		Page<AuditEntry> entries, String error) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String when(AuditEntry entry) {
		return WHEN.format(entry.createdAt());
	}

	public String actorOf(AuditEntry entry) {
		return entry.actor() == null ? "—" : entry.actor().username();
	}

	public String targetOf(AuditEntry entry) {
		if (entry.target() == null) {
			return "";
		}
		return entry.target().type() + (entry.target().name() != null ? " " + entry.target().name() : "");
	}

	public String change(AuditEntry entry) {
		return (entry.before() == null ? "" : entry.before() + " → ") + (entry.after() == null ? "" : entry.after());
	}

	public String query() {
		return "action=" + enc(this.action) + "&actor=" + enc(this.actor) + "&from=" + enc(this.from) + "&to="
				+ enc(this.to);
	}

	public String nextUrl() {
		return this.base + "?" + query() + "&cursor=" + enc(this.entries.nextCursor());
	}

	public String exportUrl() {
		return this.base + "/export.csv?" + query();
	}

	private static String enc(String value) {
		return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
