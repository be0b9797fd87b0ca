package dev.fixpoint.accounts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.fixpoint.audit.AuditEntry;
import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.audit.AuditQuery;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Page;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's audit log for its admins (404 for non-members, 403 for members), and
 * the whole installation's for site admins: the list with filters, and the CSV export (an
 * Enterprise feature when plans are on; the export itself is audited).
 */
@Service
public class OrgAuditLog {

	/** The filters as given: the actor by username, email or id. */
	public record Filters(String action, String actor, Instant from, Instant to) {

		public static Filters none() {
			return new Filters(null, null, null, null);
		}

	}

	private static final String[] HEADER = { "created_at", "action", "actor", "target_type", "target_id", "target_name",
			"ip", "user_agent", "before", "after" };

	private final Organizations organizations;

	private final Accounts accounts;

	private final AuditLog audit;

	private final Plans plans;

	private final JsonMapper json;

	private final SiteAdmin admins;

	OrgAuditLog(Organizations organizations, Accounts accounts, AuditLog audit, Plans plans, JsonMapper json,
			SiteAdmin admins) {
		this.admins = admins;
		this.json = json;
		this.organizations = organizations;
		this.accounts = accounts;
		this.audit = audit;
		this.plans = plans;
	}

	@Transactional(readOnly = true)
	public Page<AuditEntry> search(String orgRef, CurrentUser user, Filters filters, String cursor, int limit) {
		OrganizationMembership org = this.organizations.administered(orgRef, user);
		return this.audit.search(query(org.id(), filters), cursor, limit);
	}

	/** The whole installation's log, for site admins (403 for everyone else). */
	@Transactional(readOnly = true)
	public Page<AuditEntry> searchInstance(CurrentUser user, Filters filters, String cursor, int limit) {
		this.admins.require(user);
		return this.audit.search(query(null, filters), cursor, limit);
	}

	/** {@link #startExport} of the whole installation's log (site admins). */
	@Transactional
	public AuditQuery startInstanceExport(CurrentUser user, Filters filters) {
		this.admins.require(user);
		AuditQuery query = query(null, filters);
		this.audit.record(AuditEvent.of("audit.exported", user.id())
			.target("instance", "audit-log", null)
			.change(null, filters.action() == null ? null : java.util.Map.of("action", filters.action())));
		return query;
	}

	/**
	 * Checks the caller and the filters before a download starts (so errors are proper
	 * answers, not a cut-off file) and records the export; returns the query to stream.
	 */
	@Transactional
	public AuditQuery startExport(String orgRef, CurrentUser user, Filters filters) {
		OrganizationMembership org = this.organizations.administered(orgRef, user);
		this.plans.checkEnterprise(org.id(), "The audit log export");
		AuditQuery query = query(org.id(), filters);
		this.audit.record(AuditEvent.of("audit.exported", user.id())
			.org(org.id())
			.target("organization", org.id(), org.slug())
			.change(null, filters.action() == null ? null : java.util.Map.of("action", filters.action())));
		return query;
	}

	/** Writes the entries as CSV (UTF-8 with a BOM), newest first, 500 at a time. */
	public void writeCsv(AuditQuery query, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
			try {
				this.audit.forEach(query, entry -> print(csv, entry));
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
		}
	}

	private void print(CSVPrinter csv, AuditEntry e) {
		try {
			csv.printRecord(e.createdAt(), e.action(), e.actor() == null ? "" : safe(e.actor().username()),
					e.target() == null ? "" : e.target().type(), e.target() == null ? "" : safe(e.target().id()),
					e.target() == null ? "" : safe(e.target().name()), safe(e.ip()), safe(e.userAgent()),
					e.before() == null ? "" : safe(this.json.writeValueAsString(e.before())),
					e.after() == null ? "" : safe(this.json.writeValueAsString(e.after())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** No formula in a spreadsheet (CSV injection). */
	private static String safe(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

	private AuditQuery query(UUID orgId, Filters filters) {
		UUID actor = null;
		if (filters.actor() != null && !filters.actor().isBlank()) {
			actor = this.accounts.findByReference(filters.actor())
				.map(UserSummary::id)
				.orElseThrow(() -> InvalidInputException.of("actor", "no such user"));
		}
		if (filters.action() != null && !filters.action().isBlank()
				&& !filters.action().matches("^[a-z_]+(\\.[a-z_]*)*$")) {
			throw InvalidInputException.of("action",
					"must be an action such as auth.signed_in, or a prefix like auth.");
		}
		if (filters.from() != null && filters.to() != null && !filters.from().isBefore(filters.to())) {
			throw InvalidInputException.of("to", "must be after from");
		}
		return new AuditQuery(orgId, filters.action(), actor, filters.from(), filters.to());
	}

}
