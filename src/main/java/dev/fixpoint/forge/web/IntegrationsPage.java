package dev.fixpoint.forge.web;

import java.util.List;

import dev.fixpoint.forge.Delivery;
import dev.fixpoint.forge.RepositoryLink;
import dev.fixpoint.imports.ImportJob;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.projects.Capabilities;
import dev.fixpoint.workflow.Workflow;

/**
 * The integrations settings page: linked repositories, how to set up the webhook, the
 * delivery log.
 *
 * @param secret a webhook secret just created or rotated, shown this once
 * @param secretFor the repository it belongs to
 * @param lastImports each link's latest import of its issues, if any
 */
public record IntegrationsPage(Capabilities can, List<RepositoryLink> links, List<Delivery> deliveries,
		List<Workflow.Status> statuses, String githubUrl, String gitlabUrl, String secret, String secretFor,
		String notice, FormErrors errors, LinkForm form, java.util.Map<java.util.UUID, ImportJob> lastImports) {

	/** The link's latest import, or null. */
	public ImportJob lastImport(RepositoryLink link) {
		return this.lastImports.get(link.id());
	}

	/** An import's page (the imports module's progress bar and summary). */
	public String importUrl(ImportJob job) {
		return "/p/" + projectKey() + "/imports/" + job.id();
	}

	public String projectKey() {
		return this.can.projectKey();
	}

	public String url() {
		return IntegrationSettingsController.url(projectKey());
	}

	public String repositoryOf(Delivery delivery) {
		return this.links.stream()
			.filter(l -> l.id().equals(delivery.linkId()))
			.map(RepositoryLink::repository)
			.findFirst()
			.orElse(delivery.repository() == null ? "" : delivery.repository());
	}

	/** The typed values of the link form. */
	public record LinkForm(String forge, String repository, String instanceUrl) {

		static LinkForm empty() {
			return new LinkForm("github", "", "");
		}

	}

}
