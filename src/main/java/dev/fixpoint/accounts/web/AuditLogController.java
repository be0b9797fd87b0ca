package dev.fixpoint.accounts.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.fixpoint.accounts.OrgAuditLog;
import dev.fixpoint.audit.AuditEntry;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.web.Authenticated;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit log pages and their CSV downloads: an organization's (its admins) and the
 * installation's (site admins).
 */
@Controller
class AuditLogController {

	private final OrgAuditLog log;

	AuditLogController(OrgAuditLog log) {
		this.log = log;
	}

	@GetMapping("/orgs/{org}/audit-log")
	String page(@PathVariable String org, @RequestParam(required = false) String action,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String cursor,
			@Authenticated CurrentUser user, Model model) {
		String base = "/orgs/" + org + "/audit-log";
		return render(model, base, false, action, actor, from, to,
				filters -> this.log.search(org, user, filters, cursor, 50),
				() -> this.log.search(org, user, OrgAuditLog.Filters.none(), null, 50));
	}

	@GetMapping("/orgs/{org}/audit-log/export.csv")
	ResponseEntity<StreamingResponseBody> export(@PathVariable String org,
			@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@Authenticated CurrentUser user) {
		return AuditLogApiController.csv(this.log, this.log.startExport(org, user, filters(action, actor, from, to)),
				org);
	}

	@GetMapping("/admin/audit-log")
	String instance(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String cursor, @Authenticated CurrentUser user, Model model) {
		return render(model, "/admin/audit-log", true, action, actor, from, to,
				filters -> this.log.searchInstance(user, filters, cursor, 50),
				() -> this.log.searchInstance(user, OrgAuditLog.Filters.none(), null, 50));
	}

	@GetMapping("/admin/audit-log/export.csv")
	ResponseEntity<StreamingResponseBody> exportInstance(@RequestParam(required = false) String action,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @Authenticated CurrentUser user) {
		return AuditLogApiController.csv(this.log, this.log.startInstanceExport(user, filters(action, actor, from, to)),
				"fixpoint");
	}

	private String render(Model model, String base, boolean siteAdmin, String action, String actor, String from,
			String to, Function<OrgAuditLog.Filters, Page<AuditEntry>> search, Supplier<Page<AuditEntry>> unfiltered) {
		Page<AuditEntry> entries;
		String error = null;
		try {
			entries = search.apply(filters(action, actor, from, to));
		}
		catch (InvalidInputException ex) {
			entries = unfiltered.get();
			error = ex.fieldErrors().isEmpty() ? ex.getMessage()
					: ex.fieldErrors().get(0).field() + " " + ex.fieldErrors().get(0).message();
		}
		model.addAttribute("page", new AuditLogPage(base, siteAdmin, action, actor, from, to, entries, error));
		return "accounts/audit-log";
	}

	private static OrgAuditLog.Filters filters(String action, String actor, String from, String to) {
		return new OrgAuditLog.Filters(blank(action), blank(actor), day("from", from, 0), day("to", to, 1));
	}

	/**
	 * A day typed as yyyy-mm-dd: its start (from) or the next day's start (to,
	 * inclusive).
	 */
	private static Instant day(String field, String text, int plusDays) {
		String value = blank(text);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw InvalidInputException.of(field, "must be a day such as 2026-01-31");
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
