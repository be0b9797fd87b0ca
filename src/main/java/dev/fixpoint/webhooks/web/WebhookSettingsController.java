package dev.fixpoint.webhooks.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.webhooks.NewWebhook;
import dev.fixpoint.webhooks.Webhook;
import dev.fixpoint.webhooks.WebhookChanges;
import dev.fixpoint.webhooks.WebhookDeliveries;
import dev.fixpoint.webhooks.Webhooks;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The webhook settings of a project, for its administrators: the same services and rules
 * as the API ({@link Webhooks}, {@link WebhookDeliveries}: project and organization
 * admins, other members 403, others 404). A generated secret is shown once, on the page
 * the add redirects to (a flash attribute, never in a URL).
 */
@Controller
class WebhookSettingsController {

	private final Webhooks webhooks;

	private final WebhookDeliveries deliveries;

	private final ProjectAccess access;

	WebhookSettingsController(Webhooks webhooks, WebhookDeliveries deliveries, ProjectAccess access) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.access = access;
	}

	@GetMapping("/p/{project}/settings/webhooks")
	ModelAndView list(@PathVariable String project, Model flashed, @Authenticated CurrentUser user) {
		Membership admin = this.access.administration(project, user);
		return listPage(admin, user, WebhookPages.Typed.EMPTY, FormErrors.none(), flashed(flashed, "secret"),
				flashed(flashed, "notice"), HttpStatus.OK);
	}

	@PostMapping("/p/{project}/settings/webhooks")
	ModelAndView add(@PathVariable String project, @RequestParam(defaultValue = "") String url,
			@RequestParam(required = false) List<String> events, @RequestParam(defaultValue = "") String filter,
			@RequestParam(name = "internal_notes", required = false) String internalNotes,
			@RequestParam(defaultValue = "") String secret, @Authenticated CurrentUser user, RedirectAttributes flash) {
		Membership admin = this.access.administration(project, user);
		List<String> chosen = events == null ? List.of() : events;
		NewWebhook hook = new NewWebhook(url, chosen, secret.isBlank() ? null : secret, filter, internalNotes != null);
		return switch (Forms.submit(() -> this.webhooks.add(project, hook, user))) {
			case Accepted<Webhook> ok -> {
				flash.addFlashAttribute("secret", ok.value().secret() == null ? "" : ok.value().secret());
				flash.addFlashAttribute("notice", "Webhook to " + ok.value().url() + " added.");
				yield new ModelAndView("redirect:" + WebhookPages.list(admin.project().key()));
			}
			case Rejected<Webhook> rejected -> listPage(admin, user,
					new WebhookPages.Typed(url, new LinkedHashSet<>(chosen), filter, internalNotes != null),
					rejected.errors(), null, null, rejected.status());
		};
	}

	@GetMapping("/p/{project}/settings/webhooks/{id}")
	ModelAndView show(@PathVariable String project, @PathVariable UUID id, Model flashed,
			@Authenticated CurrentUser user) {
		Membership admin = this.access.administration(project, user);
		Webhook hook = inProject(admin, this.webhooks.get(id, user));
		return new ModelAndView("webhooks/webhook", "view", new WebhookPages.DetailView(admin.capabilities(), hook,
				this.deliveries.list(id, null, 50, user).items(), flashed(flashed, "notice")));
	}

	@PostMapping("/p/{project}/settings/webhooks/{id}/ping")
	String ping(@PathVariable String project, @PathVariable UUID id, @Authenticated CurrentUser user,
			RedirectAttributes flash) {
		Membership admin = this.access.administration(project, user);
		inProject(admin, this.webhooks.get(id, user));
		this.deliveries.ping(id, user);
		flash.addFlashAttribute("notice", "Test ping sent.");
		return "redirect:" + WebhookPages.one(admin.project().key(), id);
	}

	@PostMapping("/p/{project}/settings/webhooks/{id}/deliveries/{delivery}/redeliver")
	String redeliver(@PathVariable String project, @PathVariable UUID id, @PathVariable UUID delivery,
			@Authenticated CurrentUser user, RedirectAttributes flash) {
		Membership admin = this.access.administration(project, user);
		inProject(admin, this.webhooks.get(id, user));
		this.deliveries.redeliver(id, delivery, user);
		flash.addFlashAttribute("notice", "Delivery sent again.");
		return "redirect:" + WebhookPages.one(admin.project().key(), id);
	}

	@PostMapping("/p/{project}/settings/webhooks/{id}/active")
	String active(@PathVariable String project, @PathVariable UUID id, @RequestParam boolean active,
			@Authenticated CurrentUser user, RedirectAttributes flash) {
		Membership admin = this.access.administration(project, user);
		inProject(admin, this.webhooks.get(id, user));
		this.webhooks.change(id, new WebhookChanges(null, null, null, null, null, active), user);
		flash.addFlashAttribute("notice", active ? "Webhook enabled." : "Webhook disabled.");
		return "redirect:" + WebhookPages.one(admin.project().key(), id);
	}

	@PostMapping("/p/{project}/settings/webhooks/{id}/delete")
	String delete(@PathVariable String project, @PathVariable UUID id, @Authenticated CurrentUser user,
			RedirectAttributes flash) {
		Membership admin = this.access.administration(project, user);
		Webhook hook = inProject(admin, this.webhooks.get(id, user));
		this.webhooks.remove(id, user);
		flash.addFlashAttribute("notice", "Webhook to " + hook.url() + " removed.");
		return "redirect:" + WebhookPages.list(admin.project().key());
	}

	private ModelAndView listPage(Membership admin, CurrentUser user, WebhookPages.Typed typed, FormErrors errors,
			String secret, String notice, HttpStatus status) {
		ModelAndView mav = new ModelAndView("webhooks/settings", "view", new WebhookPages.ListView(admin.capabilities(),
				this.webhooks.list(admin.project().key(), user), typed, errors, secret, notice));
		mav.setStatus(status);
		return mav;
	}

	/** A webhook of another project than the page's is not found here. */
	private static Webhook inProject(Membership admin, Webhook hook) {
		if (!hook.projectId().equals(admin.projectId())) {
			throw dev.fixpoint.platform.NotFoundException.of("Webhook");
		}
		return hook;
	}

	/** What the redirect before put in the flash (never a request parameter). */
	private static String flashed(Model model, String name) {
		return model.getAttribute(name) instanceof String value && !value.isBlank() ? value : null;
	}

}
