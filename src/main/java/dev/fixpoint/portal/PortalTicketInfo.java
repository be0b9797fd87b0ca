package dev.fixpoint.portal;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a bug came through the portal, for the team ({@code GET /api/bugs/{id}/portal}):
 * the ticket, whether the reporter confirmed and still gets emails, and the reporter's
 * email only for project admins and developers (absent for QA and viewers).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortalTicketInfo(String ticket, String email, Instant confirmedAt, boolean emailUpdates,
		Instant createdAt, boolean canMarkSpam) {
}
