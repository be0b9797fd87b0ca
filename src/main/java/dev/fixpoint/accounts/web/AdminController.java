package dev.fixpoint.accounts.web;

import java.util.UUID;

import dev.fixpoint.accounts.Plans;
import dev.fixpoint.accounts.SiteAdmin;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The site admin's page (403 for everyone else, from {@code SiteAdmin}). */
@Controller
class AdminController {

	private final SiteAdmin admin;

	private final Plans plans;

	AdminController(SiteAdmin admin, Plans plans) {
		this.admin = admin;
		this.plans = plans;
	}

	@GetMapping("/admin")
	String page(@RequestParam(required = false) String q, @Authenticated CurrentUser user, Model model) {
		model.addAttribute("page", new AdminUsersPage(q, this.admin.users(user, q, 100), this.admin.organizations(user),
				this.plans.enabled(), (String) model.getAttribute("notice")));
		return "accounts/admin";
	}

	@PostMapping("/admin/users/{id}/deactivate")
	String deactivate(@PathVariable UUID id, @Authenticated CurrentUser user, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", this.admin.deactivate(user, id).name() + " is deactivated.");
		return "redirect:/admin";
	}

	@PostMapping("/admin/users/{id}/reactivate")
	String reactivate(@PathVariable UUID id, @Authenticated CurrentUser user, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", this.admin.reactivate(user, id).name() + " can sign in again.");
		return "redirect:/admin";
	}

	@PostMapping("/admin/organizations/{id}/plan")
	String plan(@PathVariable UUID id, @RequestParam String plan, @Authenticated CurrentUser user,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				this.admin.setPlan(user, id, plan).name() + " is on the " + plan + " plan.");
		return "redirect:/admin#organizations";
	}

}
