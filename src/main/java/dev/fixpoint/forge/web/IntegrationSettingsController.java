package dev.fixpoint.forge.web;

import java.util.UUID;

import dev.fixpoint.forge.CreatedLink;
import dev.fixpoint.forge.Forge;
import dev.fixpoint.forge.ForgeIssueImports;
import dev.fixpoint.forge.ForgeLinks;
import dev.fixpoint.forge.LinkSettings;
import dev.fixpoint.forge.NewLink;
import dev.fixpoint.forge.RepositoryLink;
import dev.fixpoint.forge.Webhooks;
import dev.fixpoint.imports.ImportJob;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;

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
 * For project admins: link GitHub repositories and GitLab projects, see the webhook URL
 * and what to tick in the forge, the delivery log with "redeliver" for failed ones. A new
 * or rotated secret travels to the next page once as a flash attribute. A link with an
 * access token imports its repository's issues: the job's own page (the imports module's
 * progress bar and summary) follows.
 */
@Controller
class IntegrationSettingsController {

	static final String PAGE = "/p/{project}/settings/integrations";

	private final ForgeLinks links;

	private final Webhooks webhooks;

	private final ProjectAccess access;

	private final ForgeIssueImports imports;

	IntegrationSettingsController(ForgeLinks links, Webhooks webhooks, ProjectAccess access,
			ForgeIssueImports imports) {
		this.links = links;
		this.webhooks = webhooks;
		this.access = access;
		this.imports = imports;
	}

	static String url(String projectKey) {
		return "/p/" + projectKey + "/settings/integrations";
	}

	@GetMapping(PAGE)
	ModelAndView show(@PathVariable String project, @Authenticated CurrentUser user, Model model) {
		return page(project, user, (String) model.getAttribute("secret"), (String) model.getAttribute("secretFor"),
				(String) model.getAttribute("notice"), FormErrors.none(), IntegrationsPage.LinkForm.empty(),
				HttpStatus.OK);
	}

	@PostMapping(PAGE)
	ModelAndView link(@PathVariable String project, @RequestParam(defaultValue = "github") String forge,
			@RequestParam(defaultValue = "") String repository,
			@RequestParam(name = "instance_url", defaultValue = "") String instanceUrl, @Authenticated CurrentUser user,
			RedirectAttributes redirect) {
		NewLink link = new NewLink(forge, repository, instanceUrl.isBlank() ? null : instanceUrl, null, null, null,
				null);
		return switch (Forms.submit(() -> this.links.create(project, link, user))) {
			case Accepted<CreatedLink>(CreatedLink created) -> secret(project, created, redirect);
			case Rejected<CreatedLink> rejected -> page(project, user, null, null, null, rejected.errors(),
					new IntegrationsPage.LinkForm(forge, repository, instanceUrl), rejected.status());
		};
	}

	@PostMapping(PAGE + "/{link}/secret")
	ModelAndView rotate(@PathVariable String project, @PathVariable UUID link, @Authenticated CurrentUser user,
			RedirectAttributes redirect) {
		return secret(project, this.links.rotateSecret(project, link, user), redirect);
	}

	@PostMapping(PAGE + "/{link}")
	ModelAndView change(@PathVariable String project, @PathVariable UUID link,
			@RequestParam(name = "access_token", required = false) String token,
			@RequestParam(name = "opened_status", defaultValue = "") String opened,
			@RequestParam(name = "merged_status", defaultValue = "") String merged, @Authenticated CurrentUser user,
			RedirectAttributes redirect) {
		LinkSettings settings = new LinkSettings(token == null || token.isEmpty() ? null : token, opened,
				merged.isEmpty() ? null : merged);
		return switch (Forms.submit(() -> this.links.change(project, link, settings, user))) {
			case Accepted<RepositoryLink>(RepositoryLink changed) ->
				notice(project, changed.repository() + ": settings saved.", redirect);
			case Rejected<RepositoryLink> rejected -> page(project, user, null, null, null, rejected.errors(),
					IntegrationsPage.LinkForm.empty(), rejected.status());
		};
	}

	@PostMapping(PAGE + "/{link}/delete")
	ModelAndView unlink(@PathVariable String project, @PathVariable UUID link, @Authenticated CurrentUser user,
			RedirectAttributes redirect) {
		this.links.unlink(project, link, user);
		return notice(project, "Repository unlinked.", redirect);
	}

	/** Starts an import of the link's issues and shows its job (a URL of imports). */
	@PostMapping(PAGE + "/{link}/import")
	ModelAndView importIssues(@PathVariable String project, @PathVariable UUID link,
			@RequestParam(name = "dry_run", defaultValue = "true") boolean dryRun,
			@RequestParam(name = "closed_status", defaultValue = "") String closedStatus,
			@RequestParam(defaultValue = "") String labels, @Authenticated CurrentUser user) {
		IssueImportForm form = new IssueImportForm(dryRun, closedStatus, labels);
		return switch (Forms.submit(() -> this.imports.start(project, link, form.toRequest(), user))) {
			case Accepted<ImportJob>(ImportJob job) ->
				new ModelAndView("redirect:/p/" + project + "/imports/" + job.id());
			case Rejected<ImportJob> rejected -> page(project, user, null, null, null, rejected.errors(),
					IntegrationsPage.LinkForm.empty(), rejected.status());
		};
	}

	@PostMapping(PAGE + "/deliveries/{delivery}/redeliver")
	ModelAndView redeliver(@PathVariable String project, @PathVariable UUID delivery, @Authenticated CurrentUser user,
			RedirectAttributes redirect) {
		return switch (Forms.submit(() -> this.webhooks.redeliver(project, delivery, user))) {
			case Accepted<Webhooks.Received>(Webhooks.Received received) ->
				notice(project, "Redelivered: " + received.verdict() + ".", redirect);
			case Rejected<Webhooks.Received> rejected -> page(project, user, null, null, null, rejected.errors(),
					IntegrationsPage.LinkForm.empty(), rejected.status());
		};
	}

	private ModelAndView secret(String project, CreatedLink created, RedirectAttributes redirect) {
		redirect.addFlashAttribute("secret", created.webhookSecret());
		redirect.addFlashAttribute("secretFor", created.link().repository());
		return new ModelAndView("redirect:" + url(keyOf(project)));
	}

	private ModelAndView notice(String project, String notice, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", notice);
		return new ModelAndView("redirect:" + url(keyOf(project)));
	}

	private String keyOf(String project) {
		return project;
	}

	private ModelAndView page(String project, CurrentUser user, String secret, String secretFor, String notice,
			FormErrors errors, IntegrationsPage.LinkForm form, HttpStatus status) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		java.util.List<RepositoryLink> links = this.links.list(project, user);
		java.util.Map<UUID, ImportJob> lastImports = new java.util.HashMap<>();
		for (RepositoryLink link : links) {
			this.imports.recent(project, link, user).stream().findFirst().ifPresent(j -> lastImports.put(link.id(), j));
		}
		ModelAndView mav = new ModelAndView("forge/integrations", "page",
				new IntegrationsPage(admin.capabilities(), links, this.links.deliveries(project, user),
						admin.project().workflow().statuses(), this.links.webhookUrl(Forge.GITHUB),
						this.links.webhookUrl(Forge.GITLAB), secret, secretFor, notice, errors, form, lastImports));
		mav.setStatus(status);
		return mav;
	}

}
