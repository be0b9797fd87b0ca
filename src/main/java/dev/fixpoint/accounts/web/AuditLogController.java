package dev.fixpoint.accounts.web;

import dev.fixpoint.accounts.OrgAuditLog;
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

/** An organization's audit log page and its CSV download (organization admins). */
@Controller
class AuditLogController {

	private final OrgAuditLog log;

	AuditLogController(OrgAuditLog log) {
		this.log = log;
	}

	@GetMapping("/orgs/{org}/audit-log")
	String page(@PathVariable String org, @RequestParam(required = false) String action,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String cursor,
			@Authenticated CurrentUser user, Model model) {
		OrgAuditLog.Filters filters = new OrgAuditLog.Filters(blank(action), blank(actor), null, null);
		Page<dev.fixpoint.audit.AuditEntry> entries;
		String error = null;
		try {
			entries = this.log.search(org, user, filters, cursor, 50);
		}
		catch (InvalidInputException ex) {
			entries = this.log.search(org, user, OrgAuditLog.Filters.none(), null, 50);
			error = ex.getMessage();
		}
		model.addAttribute("page", new AuditLogPage(org, action, actor, entries, error));
		return "accounts/audit-log";
	}

	@GetMapping("/orgs/{org}/audit-log/export.csv")
	ResponseEntity<StreamingResponseBody> export(@PathVariable String org,
			@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
			@Authenticated CurrentUser user) {
		return AuditLogApiController.csv(this.log,
				this.log.startExport(org, user, new OrgAuditLog.Filters(blank(action), blank(actor), null, null)), org);
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
