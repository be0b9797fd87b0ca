package dev.fixpoint.imports;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import dev.fixpoint.platform.SecretBox;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opens an API source's issues for a job: its connection, its token (sealed with
 * {@link SecretBox} while the job waits or runs, dropped when it ends) as the tracker
 * expects it (Jira: basic with an email, else bearer; Redmine: {@code X-Redmine-API-Key};
 * GitHub: bearer; GitLab: {@code PRIVATE-TOKEN}).
 */
@Component
class RemoteSources {

	static final String PURPOSE = "import-api-token";

	private final ImportJobRepository jobs;

	private final SecretBox secrets;

	private final JsonMapper json;

	private final Clock clock;

	/**
	 * The longest a rate limit or a retry waits (tests shorten it and record the waits).
	 */
	private volatile Duration maxWait;

	private volatile RemoteHttp.Sleeper sleeper = Thread::sleep;

	private final Duration configuredMaxWait;

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	RemoteSources(ImportJobRepository jobs, SecretBox secrets, JsonMapper json, Clock clock,
			@Value("${fixpoint.imports.max-retry-wait:PT60S}") Duration maxWait) {
		this.jobs = jobs;
		this.secrets = secrets;
		this.json = json;
		this.clock = clock;
		this.maxWait = maxWait;
		this.configuredMaxWait = maxWait;
	}

	byte[] seal(String token) {
		return this.secrets.seal(PURPOSE, token);
	}

	RemoteIssues open(ImportJobRepository.JobRow job) {
		ImportConnection c = connection(job);
		Map<String, String> headers = headers(job, c);
		String label = job.source().label();
		return switch (job.source()) {
			case JIRA_API -> new RemoteIssues.Jira(http(label, headers), c.url(), c.scope());
			case REDMINE_API -> new RemoteIssues.Redmine(http(label, headers), c.url(), c.scope());
			case GITHUB_API -> new RemoteIssues.GitHub(http(label, headers), address(job).orElseThrow(), c.scope());
			case GITLAB_API -> new RemoteIssues.GitLab(http(label, headers), address(job).orElseThrow(), c.scope());
			default -> throw new IllegalStateException(job.source() + " is not read from an API");
		};
	}

	/**
	 * Where an API source's issues come from, its address resolved (no user, no token);
	 * null for a file.
	 */
	ImportConnection origin(ImportJobRepository.JobRow job) {
		if (!job.source().remote()) {
			return null;
		}
		return new ImportConnection(address(job).orElse(null), null, connection(job).scope().strip());
	}

	private ImportConnection connection(ImportJobRepository.JobRow job) {
		return this.jobs.connection(job.id())
			.orElseThrow(() -> new RemoteHttp.RemoteException("This import has no connection"));
	}

	/**
	 * The tracker's address: the API connection's, else the mapping's {@code base_url}.
	 */
	java.util.Optional<String> address(ImportJobRepository.JobRow job) {
		if (job.source() == ImportSource.GITHUB_API) {
			String url = connection(job).url();
			return java.util.Optional.of(url == null || url.isBlank() ? "https://api.github.com" : url);
		}
		if (job.source() == ImportSource.GITLAB_API) {
			String url = connection(job).url();
			String root = (url == null || url.isBlank() ? "https://gitlab.com" : url.strip()).replaceAll("/+$", "");
			// an instance's address or its API root
			return java.util.Optional.of(root.endsWith("/api/v4") ? root : root + "/api/v4");
		}
		if (job.source().remote()) {
			return java.util.Optional.of(connection(job).url());
		}
		return java.util.Optional.ofNullable(job.mapping().baseUrl()).filter(u -> !u.isBlank());
	}

	/** What an API source sends with each request (none for a file's job). */
	private Map<String, String> headers(ImportJobRepository.JobRow job, ImportConnection c) {
		if (!job.source().remote()) {
			return Map.of();
		}
		byte[] sealed = this.jobs.secret(job.id())
			.orElseThrow(() -> new RemoteHttp.RemoteException(
					"The API token of this import is gone (the import ended): start a new import"));
		String token = this.secrets.open(PURPOSE, sealed);
		return switch (job.source()) {
			case JIRA_API -> jiraAuth(c, token);
			case REDMINE_API -> Map.of("X-Redmine-API-Key", token);
			case GITLAB_API -> Map.of("PRIVATE-TOKEN", token);
			default -> Map.of("Authorization", "Bearer " + token, "X-GitHub-Api-Version", "2022-11-28", "Accept",
					"application/vnd.github+json");
		};
	}

	/**
	 * GETs a file the source names (an attachment), with the API's credentials; the
	 * caller closes the body. Never inside a database transaction.
	 */
	java.net.http.HttpResponse<java.io.InputStream> download(ImportJobRepository.JobRow job, String url)
			throws java.io.IOException, InterruptedException {
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
			.timeout(Duration.ofMinutes(2))
			.GET();
		headers(job, job.source().remote() ? connection(job) : null).forEach((name, value) -> {
			if (!name.equals("Accept")) {
				request.setHeader(name, value);
			}
		});
		return this.client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
	}

	private static Map<String, String> jiraAuth(ImportConnection c, String token) {
		if (c.user() == null || c.user().isBlank()) {
			return Map.of("Authorization", "Bearer " + token);
		}
		String basic = Base64.getEncoder().encodeToString((c.user() + ":" + token).getBytes(StandardCharsets.UTF_8));
		return Map.of("Authorization", "Basic " + basic);
	}

	private RemoteHttp http(String label, Map<String, String> headers) {
		return new RemoteHttp(this.client, this.json, label, headers, this.maxWait, this.sleeper, this.clock);
	}

	/**
	 * Waits with {@code sleeper}, at most {@code maxWait} each time, from now on (tests:
	 * a recorder instead of sleeping).
	 */
	void waitWith(RemoteHttp.Sleeper sleeper, Duration maxWait) {
		this.sleeper = sleeper;
		this.maxWait = maxWait;
	}

	/** Back to sleeping, at most {@code fixpoint.imports.max-retry-wait}. */
	void waitAsConfigured() {
		waitWith(Thread::sleep, this.configuredMaxWait);
	}

}
