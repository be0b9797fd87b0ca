package dev.fixpoint.accounts.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.fixpoint.accounts.OrgAuditLog;
import dev.fixpoint.audit.AuditEntry;
import dev.fixpoint.audit.AuditQuery;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** An organization's audit log for its admins: list with filters, CSV export. */
@ApiController
@Tag(name = "Organizations")
class AuditLogApiController {

	private final OrgAuditLog log;

	AuditLogApiController(OrgAuditLog log) {
		this.log = log;
	}

	@GetMapping("/api/orgs/{org}/audit-log")
	@ApiResponse(responseCode = "200", description = "OK")
	@Operation(operationId = "listAuditLog",
			summary = "The organization's audit log, newest first (organization admins; keyset pagination)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	Page<AuditEntry> list(@PathVariable String org,
			@Parameter(description = "an action (auth.signed_in) or a prefix ending in a dot (auth.)") @RequestParam(
					required = false) String action,
			@Parameter(description = "username, email or id of who acted") @RequestParam(required = false) String actor,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit,
			@Authenticated CurrentUser user) {
		return this.log.search(org, user, new OrgAuditLog.Filters(action, actor, from, to), cursor, Page.limit(limit));
	}

	@GetMapping("/api/orgs/{org}/audit-log/export.csv")
	@ApiResponse(responseCode = "200", description = "OK")
	@Operation(operationId = "exportAuditLogCsv",
			summary = "The filtered audit log as CSV, streamed (organization admins; Enterprise when plans are on)")
	@ApiResponse(responseCode = "403",
			description = "The caller is not an admin of the organization, or the plan has no audit log export")
	ResponseEntity<StreamingResponseBody> export(@PathVariable String org,
			@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@Authenticated CurrentUser user) {
		return csv(this.log, this.log.startExport(org, user, new OrgAuditLog.Filters(action, actor, from, to)), org);
	}

	@GetMapping("/api/admin/audit-log")
	@ApiResponse(responseCode = "200", description = "OK")
	@Operation(operationId = "listInstanceAuditLog",
			summary = "The whole installation's audit log, newest first (site admins; keyset pagination)")
	@ApiResponse(responseCode = "403", description = "The caller is not a site admin")
	Page<AuditEntry> instance(
			@Parameter(description = "an action (auth.signed_in) or a prefix ending in a dot (auth.)") @RequestParam(
					required = false) String action,
			@Parameter(description = "username, email or id of who acted") @RequestParam(required = false) String actor,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit,
			@Authenticated CurrentUser user) {
		return this.log.searchInstance(user, new OrgAuditLog.Filters(action, actor, from, to), cursor,
				Page.limit(limit));
	}

	static ResponseEntity<StreamingResponseBody> csv(OrgAuditLog log, AuditQuery query, String org) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(org + "-audit-log.csv").build().toString())
			.body(out -> log.writeCsv(query, out));
	}

}
