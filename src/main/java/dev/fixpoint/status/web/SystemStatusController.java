package dev.fixpoint.status.web;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.status.SystemStatuses;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The system status page of site admins. */
@Controller
class SystemStatusController {

	private final SystemStatuses statuses;

	SystemStatusController(SystemStatuses statuses) {
		this.statuses = statuses;
	}

	@GetMapping("/admin/status")
	String page(@Authenticated CurrentUser user, Model model) {
		model.addAttribute("page", new SystemStatusPage(this.statuses.read(user)));
		return "status/status";
	}

}
