package dev.fixpoint.forge;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FixpointProperties;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.SecretBox;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.Projects;
import dev.fixpoint.projects.RepositoryLinks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's linked repositories, for its admins: link, change, rotate the secret,
 * unlink. Also the contract's {@code PATCH /api/projects/{id}} fields, which manage the
 * first GitHub and the first GitLab link ({@link RepositoryLinks}).
 */
@Service
public class ForgeLinks implements RepositoryLinks {

	private static final Pattern GITHUB_REPO = Pattern.compile("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}");

	private static final Pattern GITLAB_PROJECT = Pattern
		.compile("[0-9]{1,18}|[A-Za-z0-9_.-]{1,100}(/[A-Za-z0-9_.-]{1,100}){1,20}");

	private final LinkRepository links;

	private final DeliveryRepository deliveries;

	private final ProjectAccess access;

	private final Support support;

	/**
	 * What the services need besides the tables: kept together to keep constructors
	 * short.
	 */
	@org.springframework.stereotype.Component
	static class Support {

		final SecretBox secrets;

		final Projects projects;

		final Clock clock;

		final String webhookBase;

		Support(SecretBox secrets, Projects projects, Clock clock, FixpointProperties properties) {
			this.secrets = secrets;
			this.projects = projects;
			this.clock = clock;
			this.webhookBase = properties.baseUrl().replaceAll("/+$", "") + "/api/webhooks/";
		}

	}

	ForgeLinks(LinkRepository links, DeliveryRepository deliveries, ProjectAccess access, Support support) {
		this.links = links;
		this.deliveries = deliveries;
		this.access = access;
		this.support = support;
	}

	@Transactional(readOnly = true)
	public List<RepositoryLink> list(String projectRef, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		return this.links.findByProject(admin.projectId()).stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	public RepositoryLink get(String projectRef, UUID linkId, CurrentUser user) {
		return view(link(this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT), linkId));
	}

	@Transactional
	public CreatedLink create(String projectRef, NewLink link, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		CreatedLink created = create(admin, link);
		showSummary(admin.projectId());
		return created;
	}

	private CreatedLink create(Membership admin, NewLink link) {
		Forge forge = Forge.parse(link.forge())
			.orElseThrow(() -> InvalidInputException.of("forge", "must be github or gitlab"));
		String repository = repository(forge, link.repository(), "repository");
		String instance = instance(forge, link.instanceUrl());
		if (this.links.exists(admin.projectId(), forge, repository)) {
			throw ConflictException.on("repository", "is already linked to this project");
		}
		String secret = link.webhookSecret() != null ? link.webhookSecret() : this.support.secrets.newSecret();
		String token = link.accessToken() == null || link.accessToken().isBlank() ? null : link.accessToken();
		LinkRow row = new LinkRow(Ids.newId(), admin.projectId(), forge, repository,
				repository.matches("[0-9]+") ? Long.parseLong(repository) : null, instance,
				this.support.secrets.seal(forge.secretPurpose(), secret),
				token == null ? null : this.support.secrets.seal(forge.tokenPurpose(), token),
				status(admin, link.openedStatus(), "opened_status"),
				Optional.ofNullable(status(admin, link.mergedStatus(), "merged_status")).orElse(defaultMerged(admin)),
				Times.now(this.support.clock));
		this.links.insert(row);
		return new CreatedLink(view(row), secret);
	}

	@Transactional
	public CreatedLink rotateSecret(String projectRef, UUID linkId, CurrentUser user) {
		LinkRow link = link(this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT), linkId);
		String secret = this.support.secrets.newSecret();
		this.links.updateSecret(link.id(), this.support.secrets.seal(link.forge().secretPurpose(), secret));
		return new CreatedLink(view(link), secret);
	}

	@Transactional
	public RepositoryLink change(String projectRef, UUID linkId, LinkSettings settings, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		LinkRow link = link(admin, linkId);
		boolean changeToken = settings.accessToken() != null;
		byte[] token = changeToken && !settings.accessToken().isBlank()
				? this.support.secrets.seal(link.forge().tokenPurpose(), settings.accessToken()) : null;
		String opened = settings.openedStatus() == null ? link.openedStatus()
				: status(admin, settings.openedStatus(), "opened_status");
		String merged = settings.mergedStatus() == null ? link.mergedStatus()
				: Optional.ofNullable(status(admin, settings.mergedStatus(), "merged_status"))
					.orElse(defaultMerged(admin));
		this.links.updateSettings(link.id(), link.repository(), token, changeToken, opened, merged);
		return view(this.links.findById(link.id()).orElseThrow());
	}

	@Transactional
	public void unlink(String projectRef, UUID linkId, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		this.links.delete(link(admin, linkId).id());
		showSummary(admin.projectId());
	}

	@Transactional(readOnly = true)
	public List<Delivery> deliveries(String projectRef, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		return this.deliveries.findByProject(admin.projectId(), 100);
	}

	/** The webhook URL of a forge on this installation. */
	public String webhookUrl(Forge forge) {
		return this.support.webhookBase + forge.key();
	}

	@Override
	public RepositorySummary change(Membership admin, RepositoryChanges changes) {
		admin.require(ProjectAction.MANAGE_PROJECT);
		first(admin, Forge.GITHUB, changes.githubRepo(), changes.githubWebhookSecret(), "github_repo",
				"github_webhook_secret");
		first(admin, Forge.GITLAB, changes.gitlabProject(), changes.gitlabWebhookToken(), "gitlab_project",
				"gitlab_webhook_token");
		return summary(admin.projectId());
	}

	/**
	 * Creates, changes or (an empty repository) removes the project's first link of a
	 * forge.
	 */
	private void first(Membership admin, Forge forge, String repository, String secret, String repoField,
			String secretField) {
		if (repository == null && secret == null) {
			return;
		}
		Optional<LinkRow> first = this.links.findByProject(admin.projectId())
			.stream()
			.filter(l -> l.forge() == forge)
			.findFirst();
		if (repository != null && repository.isBlank()) {
			first.ifPresent(link -> this.links.delete(link.id()));
			return;
		}
		if (first.isEmpty()) {
			if (repository == null) {
				throw InvalidInputException.of(repoField, "is required: link a repository first");
			}
			if (secret == null || secret.length() < 8) {
				throw InvalidInputException.of(secretField, "is required (at least 8 characters) to link a repository");
			}
			create(admin, new NewLink(forge.key(), repository, null, secret, null, null, null));
			return;
		}
		LinkRow link = first.get();
		if (repository != null) {
			this.links.updateSettings(link.id(), repository(forge, repository, repoField), null, false,
					link.openedStatus(), link.mergedStatus());
		}
		if (secret != null) {
			if (secret.length() < 8) {
				throw InvalidInputException.of(secretField, "must be at least 8 characters");
			}
			this.links.updateSecret(link.id(), this.support.secrets.seal(forge.secretPurpose(), secret));
		}
	}

	private RepositorySummary summary(UUID projectId) {
		List<LinkRow> all = this.links.findByProject(projectId);
		Optional<LinkRow> github = all.stream().filter(l -> l.forge() == Forge.GITHUB).findFirst();
		Optional<LinkRow> gitlab = all.stream().filter(l -> l.forge() == Forge.GITLAB).findFirst();
		return new RepositorySummary(github.map(LinkRow::repository).orElse(null), github.isPresent(),
				gitlab.map(LinkRow::repository).orElse(null), gitlab.isPresent());
	}

	private void showSummary(UUID projectId) {
		this.support.projects.showRepositories(projectId, summary(projectId));
	}

	private LinkRow link(Membership admin, UUID linkId) {
		return this.links.findById(linkId)
			.filter(l -> l.projectId().equals(admin.projectId()))
			.orElseThrow(() -> NotFoundException.of("Integration"));
	}

	RepositoryLink view(LinkRow row) {
		Delivery last = this.deliveries.findByLink(row.id(), 1).stream().findFirst().orElse(null);
		return new RepositoryLink(row.id(), row.projectId(), row.forge().key(), row.repository(), row.instanceUrl(),
				webhookUrl(row.forge()), true, row.accessToken() != null, row.openedStatus(), row.mergedStatus(),
				row.createdAt(), last);
	}

	private static String repository(Forge forge, String repository, String field) {
		String value = repository.strip();
		if (value.toLowerCase(Locale.ROOT).startsWith("http")) {
			// a pasted URL: keep its path
			value = URI.create(value).getPath().replaceAll("^/+|/+$|\\.git$", "");
		}
		Pattern format = forge == Forge.GITHUB ? GITHUB_REPO : GITLAB_PROJECT;
		if (!format.matcher(value).matches()) {
			throw InvalidInputException.of(field, forge == Forge.GITHUB ? "must be owner/name, e.g. octo-org/shop"
					: "must be the project's path (group/project) or its numeric id");
		}
		return value;
	}

	private static String instance(Forge forge, String url) {
		if (url == null || url.isBlank()) {
			return forge.defaultInstance();
		}
		String value = url.strip().replaceAll("/+$", "");
		URI uri;
		try {
			uri = URI.create(value);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("instance_url", "must be an http(s) URL");
		}
		if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
			throw InvalidInputException.of("instance_url", "must be an http(s) URL");
		}
		return value;
	}

	private static String status(Membership admin, String status, String field) {
		if (status == null || status.isBlank()) {
			return null;
		}
		if (admin.project().workflow().statuses().stream().noneMatch(s -> s.key().equals(status))) {
			throw InvalidInputException.of(field, "must be a status of the project's workflow");
		}
		return status;
	}

	private static String defaultMerged(Membership admin) {
		return admin.project()
			.workflow()
			.statuses()
			.stream()
			.filter(s -> s.key().equals("resolved"))
			.findFirst()
			.or(() -> admin.project()
				.workflow()
				.statuses()
				.stream()
				.filter(s -> s.category() == dev.fixpoint.workflow.StatusCategory.DONE)
				.findFirst())
			.map(s -> s.key())
			.orElse("resolved");
	}

}
