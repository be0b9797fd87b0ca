package dev.fixpoint.portal.web;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.portal.PortalAdmin;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The portal panel the bug page loads by URL ({@code hx-get="/bugs/{KEY}/portal"}): the
 * ticket a bug came from; "Mark as spam" for admins. A bug that did not come through the
 * portal answers an empty fragment.
 */
@Controller
class BugPanelController {

	private final PortalAdmin admin;

	BugPanelController(PortalAdmin admin) {
		this.admin = admin;
	}

	@GetMapping("/bugs/{bug}/portal")
	ModelAndView panel(@PathVariable String bug, @Authenticated CurrentUser user) {
		try {
			return new ModelAndView("portal/bug-panel", "panel", new BugPanel(bug, this.admin.ticketOf(bug, user)));
		}
		catch (NotFoundException ex) {
			ModelAndView empty = new ModelAndView("portal/empty");
			empty.setStatus(HttpStatus.OK);
			return empty;
		}
	}

	@PostMapping("/bugs/{bug}/portal/spam")
	String spam(@PathVariable String bug, @Authenticated CurrentUser user) {
		return "redirect:/p/" + this.admin.markSpam(bug, user) + "/bugs";
	}

}
