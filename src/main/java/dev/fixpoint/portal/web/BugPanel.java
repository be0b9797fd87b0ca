package dev.fixpoint.portal.web;

import dev.fixpoint.portal.PortalTicketInfo;

/**
 * The bug page's portal panel: the ticket, and the reporter's email for admins and
 * developers.
 */
public record BugPanel(String bugKey, PortalTicketInfo info) {

	public String spamAction() {
		return PortalRoutes.bugPanel(this.bugKey) + "/spam";
	}

}
