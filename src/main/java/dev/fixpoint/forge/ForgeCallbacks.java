package dev.fixpoint.forge;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.fixpoint.bugs.BugStatusChanged;
import dev.fixpoint.bugs.CodeLinks;
import dev.fixpoint.bugs.LinkedCode;
import dev.fixpoint.platform.FixpointProperties;
import dev.fixpoint.platform.SecretBox;
import dev.fixpoint.platform.outbox.OutboxConsumer;
import dev.fixpoint.platform.outbox.OutboxDelivery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Back to the forge, after commit (the {@code forge} outbox consumer, in order per bug):
 * when a bug's status changes, one comment per linked open pull/merge request, posted
 * once and then edited ("WEB-42 is now Resolved"), and linked forge issues closed or
 * reopened with it. Only for links with an access token. A change the forge itself made
 * (its system actor) is not pushed back to it, and what we push is remembered
 * ({@code forge_issues.pushed_state}) so its webhook echo is ignored.
 */
@Configuration(proxyBeanMethods = false)
class ForgeCallbacks {

	@Bean
	OutboxConsumer forgeConsumer(Callbacks callbacks) {
		return OutboxConsumer.named("forge")
			.callsOut()
			.orderedPerAggregate()
			.on(BugStatusChanged.class, BugStatusChanged::bugId, callbacks::on)
			.build();
	}

	@org.springframework.stereotype.Component
	static class Callbacks {

		private final CodeLinks code;

		private final LinkRepository links;

		private final IssueRepository issues;

		private final Clients clients;

		Callbacks(CodeLinks code, LinkRepository links, IssueRepository issues, Clients clients) {
			this.code = code;
			this.links = links;
			this.issues = issues;
			this.clients = clients;
		}

		void on(OutboxDelivery<BugStatusChanged> delivery) {
			BugStatusChanged changed = delivery.event();
			List<LinkRow> projectLinks = this.links.findByProject(changed.projectId());
			if (projectLinks.stream().noneMatch(l -> l.accessToken() != null)) {
				return;
			}
			String text = "**" + changed.key() + "** is now **" + label(changed.to()) + "**: "
					+ this.clients.bugUrl(changed.key());
			for (LinkedCode request : this.code.linked(changed.bugId())) {
				if (request.kind().equals("commit")
						|| !(request.state().equals("open") || request.state().equals("draft"))) {
					continue;
				}
				linkOf(projectLinks, request)
					.ifPresent(link -> comment(link, Long.parseLong(request.number()), changed, text));
			}
			boolean done = "done".equals(changed.toCategory());
			boolean wasDone = "done".equals(changed.fromCategory());
			if (done == wasDone) {
				return;
			}
			String state = done ? "closed" : "open";
			for (IssueRepository.LinkedIssue issue : this.issues.findByBug(changed.bugId())) {
				LinkRow link = projectLinks.stream()
					.filter(l -> l.id().equals(issue.linkId()))
					.findFirst()
					.orElse(null);
				if (link == null || link.accessToken() == null || link.forge().actor().id().equals(changed.actorId())) {
					continue;
				}
				this.clients.setIssueState(link, issue.number(), done);
				this.issues.pushed(link.id(), issue.number(), state);
			}
		}

		private void comment(LinkRow link, long number, BugStatusChanged changed, String text) {
			Optional<Long> existing = this.issues.commentId(link.id(), number, changed.bugId());
			if (existing.isPresent()) {
				this.clients.editComment(link, number, existing.get(), text);
			}
			else {
				this.issues.saveComment(link.id(), number, changed.bugId(), this.clients.comment(link, number, text));
			}
		}

		private static Optional<LinkRow> linkOf(List<LinkRow> links, LinkedCode request) {
			return links.stream()
				.filter(l -> l.accessToken() != null && l.forge().key().equals(request.forge())
						&& l.repository().equalsIgnoreCase(request.repository()))
				.findFirst();
		}

		private static String label(String status) {
			String words = status.replace('_', ' ');
			return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
		}

	}

	/** The forges' REST APIs through one {@link RestClient}; the token per link. */
	@org.springframework.stereotype.Component
	static class Clients {

		private final RestClient http;

		private final SecretBox secrets;

		private final String baseUrl;

		Clients(SecretBox secrets, FixpointProperties properties) {
			this.http = RestClient.create();
			this.secrets = secrets;
			this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
		}

		String bugUrl(String key) {
			return this.baseUrl + "/bugs/" + key;
		}

		long comment(LinkRow link, long number, String text) {
			Map<?, ?> created = request(link, "POST",
					link.forge() == Forge.GITHUB ? "/repos/" + link.repository() + "/issues/" + number + "/comments"
							: project(link) + "/merge_requests/" + number + "/notes",
					Map.of("body", text));
			return ((Number) created.get("id")).longValue();
		}

		void editComment(LinkRow link, long number, long commentId, String text) {
			if (link.forge() == Forge.GITHUB) {
				request(link, "PATCH", "/repos/" + link.repository() + "/issues/comments/" + commentId,
						Map.of("body", text));
			}
			else {
				request(link, "PUT", project(link) + "/merge_requests/" + number + "/notes/" + commentId,
						Map.of("body", text));
			}
		}

		void setIssueState(LinkRow link, long number, boolean closed) {
			if (link.forge() == Forge.GITHUB) {
				request(link, "PATCH", "/repos/" + link.repository() + "/issues/" + number,
						Map.of("state", closed ? "closed" : "open"));
			}
			else {
				request(link, "PUT", project(link) + "/issues/" + number,
						Map.of("state_event", closed ? "close" : "reopen"));
			}
		}

		private static String project(LinkRow link) {
			return "/projects/" + URLEncoder.encode(link.repository(), StandardCharsets.UTF_8);
		}

		private Map<?, ?> request(LinkRow link, String method, String path, Map<String, ?> body) {
			String token = this.secrets.open(link.forge().tokenPurpose(), link.accessToken());
			RestClient.RequestBodySpec spec = this.http.method(org.springframework.http.HttpMethod.valueOf(method))
				.uri(java.net.URI.create(link.apiBase() + path))
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON);
			if (link.forge() == Forge.GITHUB) {
				spec = spec.header("Authorization", "Bearer " + token).header("X-GitHub-Api-Version", "2022-11-28");
			}
			else {
				spec = spec.header("PRIVATE-TOKEN", token);
			}
			Map<?, ?> answer = spec.body(body).retrieve().body(Map.class);
			return answer == null ? Map.of() : answer;
		}

	}

}
