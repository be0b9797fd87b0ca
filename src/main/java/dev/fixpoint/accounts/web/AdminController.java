package dev.fixpoint.accounts.web;

import java.util.UUID;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.accounts.InstanceSettings;
import dev.fixpoint.accounts.Plans;
import dev.fixpoint.accounts.SecondFactorReset;
import dev.fixpoint.accounts.SiteAdmin;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The site admin's pages: people and organizations, instance settings (403 for everyone
 * else, from {@code SiteAdmin}).
 */
@Controller
class AdminController {

	private final SiteAdmin admin;

	private final Plans plans;

	private final InstanceSettings settings;

	private final SecondFactorReset reset;

	AdminController(SiteAdmin admin, Plans plans, InstanceSettings settings, SecondFactorReset reset) {
		this.reset = reset;
		this.admin = admin;
		this.plans = plans;
		this.settings = settings;
	}

	@GetMapping("/admin")
	String page(@RequestParam(required = false) String q, @Authenticated CurrentUser user, Model model) {
		model.addAttribute("page", new AdminUsersPage(q, this.admin.users(user, q, 100), this.admin.organizations(user),
				this.plans.enabled(), (String) model.getAttribute("notice"), (String) model.getAttribute("error")));
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

	/** Someone lost their phone and recovery codes: their second factors go. */
	@PostMapping("/admin/users/{id}/two-factor/reset")
	String resetTwoFactor(@PathVariable UUID id, @Authenticated CurrentUser user, RedirectAttributes redirect) {
		this.reset.reset(user, id);
		redirect.addFlashAttribute("notice",
				"Their second factors are removed: they sign in with their password and set up a new one.");
		return "redirect:/admin";
	}

	@PostMapping("/admin/users/{id}/delete")
	String delete(@PathVariable UUID id, @Authenticated CurrentUser user, RedirectAttributes redirect) {
		switch (Forms.submit(() -> this.admin.deleteUser(user, id))) {
			case Accepted<String>(String name) ->
				redirect.addFlashAttribute("notice", "The account is deleted; it shows as " + name + ".");
			case Rejected<String> rejected -> redirect.addFlashAttribute("error", rejected.refusal().getMessage());
		}
		return "redirect:/admin";
	}

	@GetMapping("/admin/settings")
	String settings(@Authenticated CurrentUser user, Model model) {
		model.addAttribute("page", new AdminSettingsPage(this.settings.forAdmin(user), FormErrors.none(),
				(String) model.getAttribute("notice"), (String) model.getAttribute("error")));
		return "accounts/admin-settings";
	}

	@PostMapping("/admin/settings")
	String saveSettings(@RequestParam(name = "instance_name", required = false) String name,
			@RequestParam(name = "signup_mode", required = false) String signupMode,
			@RequestParam(name = "allowed_email_domains", required = false) String domains,
			@RequestParam(name = "require_verified_email", defaultValue = "false") boolean requireVerified,
			@RequestParam(name = "smtp_host", required = false) String host,
			@RequestParam(name = "smtp_port", required = false) String port,
			@RequestParam(name = "smtp_username", required = false) String username,
			@RequestParam(name = "smtp_password", required = false) String password,
			@RequestParam(name = "smtp_password_clear", defaultValue = "false") boolean clearPassword,
			@RequestParam(name = "smtp_tls", required = false) String tls,
			@RequestParam(name = "smtp_from", required = false) String from, @Authenticated CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		InstanceSettings.SiteSettingsChange changes = new InstanceSettings.SiteSettingsChange(name, signupMode,
				domains == null ? null : InstanceSettings.parseDomains(domains), requireVerified, host, port(port),
				username, clearPassword ? "" : (password == null || password.isEmpty() ? null : password), tls, from);
		return switch (Forms.apiStatuses().submit(() -> this.settings.update(user, changes))) {
			case Accepted<InstanceSettings.SiteSettings> ok -> {
				redirect.addFlashAttribute("notice", "Settings saved.");
				yield "redirect:/admin/settings";
			}
			case Rejected<InstanceSettings.SiteSettings> rejected -> {
				response.setStatus(rejected.status().value());
				model.addAttribute("page",
						new AdminSettingsPage(this.settings.forAdmin(user), rejected.errors(), null, null));
				yield "accounts/admin-settings";
			}
		};
	}

	private static Integer port(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	@PostMapping("/admin/organizations/{id}/plan")
	String plan(@PathVariable UUID id, @RequestParam String plan, @Authenticated CurrentUser user,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				this.admin.setPlan(user, id, plan).name() + " is on the " + plan + " plan.");
		return "redirect:/admin#organizations";
	}

}
