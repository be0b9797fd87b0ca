package dev.fixpoint.portal.web;

import java.net.URI;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.ClientAddress;
import dev.fixpoint.platform.web.RateLimitHeaders;
import dev.fixpoint.platform.web.RateLimited;
import dev.fixpoint.portal.Portal;
import dev.fixpoint.portal.PortalAdmin;
import dev.fixpoint.portal.PortalChallenge;
import dev.fixpoint.portal.PortalReceipt;
import dev.fixpoint.portal.PortalReport;
import dev.fixpoint.portal.PortalSettings;
import dev.fixpoint.portal.PortalTicketInfo;
import dev.fixpoint.portal.TicketView;
import dev.fixpoint.portal.Tickets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The portal's API: public reports and tickets (no account), the project's portal
 * settings and a bug's portal ticket for the team.
 */
@ApiController
@Tag(name = "Portal")
class PortalApiController {

	private final Portal portal;

	private final Tickets tickets;

	private final PortalAdmin admin;

	PortalApiController(Portal portal, Tickets tickets, PortalAdmin admin) {
		this.portal = portal;
		this.tickets = tickets;
		this.admin = admin;
	}

	@GetMapping("/api/portal/{project_key}/challenge")
	@Operation(operationId = "getPortalChallenge",
			summary = "A fresh challenge for a report: answer it with a proof-of-work nonce (SHA-256 of "
					+ "`challenge:nonce` starts with `difficulty` zero bits) or the answer to its question")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "A challenge, valid for 30 minutes, answered once")
	@ApiResponse(responseCode = "404", description = "No open portal: unknown key, private project or portal off")
	PortalChallenge challenge(@PathVariable("project_key") String projectKey) {
		return this.portal.challenge(projectKey);
	}

	@PostMapping("/api/portal/{project_key}/reports")
	@Operation(operationId = "createPortalReport",
			summary = "Report a bug without an account. The honeypot `website` must be empty; the challenge answered. "
					+ "Unless the project turned it off, the bug is filed only once the email is confirmed")
	@SecurityRequirements
	@RateLimited("reports per client address and per email address")
	@ApiResponse(responseCode = "201", description = "Received: the ticket and its private tracking link")
	@ApiResponse(responseCode = "404", description = "No open portal: unknown key, private project or portal off")
	ResponseEntity<PortalReceipt> report(@PathVariable("project_key") String projectKey,
			@RequestBody PortalReport report, HttpServletRequest request, HttpServletResponse response) {
		String address = ClientAddress.of(request);
		try {
			PortalReceipt receipt = this.portal.report(projectKey, report, List.of(), address);
			return ResponseEntity.created(URI.create(receipt.trackingUrl())).body(receipt);
		}
		finally {
			RateLimitHeaders.write(response, this.portal.quota(address));
		}
	}

	@GetMapping("/api/portal/tickets/{ticket}")
	@Operation(operationId = "getPortalTicket",
			summary = "A ticket as its reporter sees it: status in plain words and the comments visible to the reporter")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "The ticket")
	@ApiResponse(responseCode = "404", description = "Unknown ticket, or a missing or wrong tracking token")
	TicketView ticket(@PathVariable String ticket,
			@Parameter(description = "The tracking link's token") @RequestParam(required = false) String token) {
		return this.tickets.track(ticket, token);
	}

	@GetMapping("/api/projects/{project}/portal")
	@Operation(operationId = "getPortalSettings", summary = "The project's portal settings")
	PortalSettings settings(@PathVariable String project, @Authenticated CurrentUser user) {
		return this.admin.settings(project, user);
	}

	@PutMapping("/api/projects/{project}/portal")
	@Operation(operationId = "replacePortalSettings",
			summary = "Replace the project's portal settings (admins); absent values take their defaults")
	@ApiResponse(responseCode = "200", description = "The settings as saved")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	PortalSettings replace(@PathVariable String project, @RequestBody PortalSettings settings,
			@Authenticated CurrentUser user) {
		return this.admin.update(project, settings, user);
	}

	@GetMapping("/api/bugs/{bug}/portal")
	@Operation(operationId = "getBugPortalTicket",
			summary = "The portal ticket a bug came from; the reporter's email only for admins and developers")
	@ApiResponse(responseCode = "200", description = "The ticket")
	@ApiResponse(responseCode = "404", description = "No such bug, or it did not come through the portal")
	PortalTicketInfo ticketOf(@PathVariable String bug, @Authenticated CurrentUser user) {
		return this.admin.ticketOf(bug, user);
	}

	@PostMapping("/api/bugs/{bug}/portal/spam")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "markPortalReportSpam",
			summary = "Mark a portal bug as spam (admins): the bug is deleted, its email blocked for the project")
	@ApiResponse(responseCode = "204", description = "Marked as spam")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "404", description = "No such bug, or it did not come through the portal")
	void spam(@PathVariable String bug, @Authenticated CurrentUser user) {
		this.admin.markSpam(bug, user);
	}

}
