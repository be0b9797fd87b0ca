package dev.fixpoint.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fixpoint.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports from Jira's, Redmine's and GitHub's REST APIs, against a real HTTP server on
 * this machine answering with payloads of the documented shapes
 * ({@code src/test/resources/imports/api}): pagination, comments fetched apart, links,
 * rate limits (429 with Retry-After) and refused credentials.
 */
class RemoteImportTest extends ImportProjectTest {

	private HttpServer server;

	private String base;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger limited = new AtomicInteger();

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.base = "http://127.0.0.1:" + this.server.getAddress().getPort();
		this.server.createContext("/", this::serve);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	/** Answers like the three trackers would, from the recorded-shape payloads. */
	private void serve(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String query = String.valueOf(exchange.getRequestURI().getRawQuery());
		this.requests.add(path + "?" + query);
		String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
		String redmineKey = String.valueOf(exchange.getRequestHeaders().getFirst("X-Redmine-API-Key"));
		if (path.equals("/secure/attachment/40001/crash.txt")) {
			byte[] bytes = "java.lang.IllegalStateException: cart is empty\n".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/plain");
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
			return;
		}
		if (path.startsWith("/rest/api/2/")) {
			if (!auth.equals("Basic " + java.util.Base64.getEncoder()
				.encodeToString("admin@acme.test:jira-token".getBytes(StandardCharsets.UTF_8)))) {
				answer(exchange, 401, "{\"errorMessages\": [\"Unauthorized\"]}", Map.of());
				return;
			}
			if (path.equals("/rest/api/2/search") && this.limited.getAndIncrement() == 0) {
				answer(exchange, 429, "{\"errorMessages\": [\"Rate limit exceeded\"]}", Map.of("Retry-After", "1"));
				return;
			}
			if (path.equals("/rest/api/2/search")) {
				answer(exchange, 200, payload(query.contains("startAt=0") ? "jira-search-0" : "jira-search-2"),
						Map.of());
				return;
			}
			if (path.equals("/rest/api/2/issue/WEB-1/comment") && query.contains("startAt=2")) {
				answer(exchange, 200, payload("jira-comments-WEB-1"), Map.of());
				return;
			}
		}
		if (path.startsWith("/issues") && redmineKey.equals("redmine-key")) {
			String name = path.equals("/issues.json") ? "redmine-issues"
					: "redmine-issue-" + path.replaceAll("\\D", "");
			answer(exchange, 200, payload(name), Map.of());
			return;
		}
		if (path.startsWith("/repos/acme/shop/") && auth.equals("Bearer github-token")) {
			if (path.equals("/repos/acme/shop/issues")) {
				boolean first = query.contains("&page=1");
				String link = first ? "<" + this.base + "/repos/acme/shop/issues?state=all&page=2>; rel=\"next\", <"
						+ this.base + "/repos/acme/shop/issues?state=all&page=2>; rel=\"last\"" : "";
				answer(exchange, 200, payload(first ? "github-issues-1" : "github-issues-2"),
						first ? Map.of("Link", link) : Map.of());
				return;
			}
			if (path.equals("/repos/acme/shop/issues/1/comments")) {
				answer(exchange, 200, payload("github-comments-1"), Map.of());
				return;
			}
		}
		answer(exchange, 404, "{\"message\": \"Not Found\"}", Map.of());
	}

	private String payload(String name) {
		try (InputStream in = getClass().getResourceAsStream("/imports/api/" + name + ".json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("FOX_EMAIL", this.fox.email())
				.replace("BASE", this.base);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void answer(HttpExchange exchange, int status, String body, Map<String, String> headers)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private JsonNode connect(String source, String scope, String user, String token, String mapping) {
		String body = """
				{"source": "%s", "connection": {"url": "%s", "user": %s, "scope": "%s"}, "token": "%s"%s}
				""".formatted(source, this.base, user == null ? "null" : "\"" + user + "\"", scope, token,
				mapping == null ? "" : ", \"mapping\": " + mapping);
		Api.Response started = this.api.send("POST", "/api/projects/" + this.key + "/imports", this.admin.token(),
				this.json.readTree(body), Map.of());
		assertThat(started.status()).as(started.raw()).isEqualTo(202);
		assertThat(started.raw()).doesNotContain(token);
		return runAll(started.body().get("id").asString());
	}

	private Map<String, Object> bug(String importKey) {
		return this.jdbc.sql("""
				select b.title, b.description, b.status, b.resolution, b.priority, b.assignee_id, b.tags, b.created_at,
				    b.import_url, b.duplicate_of, (select count(*) from comments c where c.bug_id = b.id) as comments
				from bugs b where b.project_id = :p and b.import_key = :k
				""").param("p", this.projectId).param("k", importKey).query().singleRow();
	}

	private String keyOf(String importKey) {
		return this.jdbc.sql("""
				select p.key || '-' || b.number from bugs b join projects p on p.id = b.project_id
				where b.project_id = :p and b.import_key = :k
				""").param("p", this.projectId).param("k", importKey).query(String.class).single();
	}

	private UUID idOf(String importKey) {
		return this.jdbc.sql("select id from bugs where project_id = :p and import_key = :k")
			.param("p", this.projectId)
			.param("k", importKey)
			.query(UUID.class)
			.single();
	}

	@Test
	void jiraIsReadPageByPageWithItsCommentsAndLinksAfterWaitingOutARateLimit() {
		JsonNode job = connect("jira_api", "WEB", "admin@acme.test", "jira-token", null);
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
		assertThat(job.get("total").asInt()).isEqualTo(3);
		assertThat(job.get("created").asInt()).isEqualTo(3);
		assertThat(job.get("comments").asInt()).isEqualTo(3);
		assertThat(this.requests).anyMatch(r -> r.startsWith("/rest/api/2/search?") && r.contains("startAt=2"))
			.anyMatch(r -> r.startsWith("/rest/api/2/issue/WEB-1/comment?startAt=2"));
		assertThat(this.limited.get()).isGreaterThan(1);
		Map<String, Object> web1 = bug("WEB-1");
		assertThat(web1.get("title")).isEqualTo("Checkout page crashes when the cart is empty");
		assertThat((String) web1.get("description")).contains("## Steps", "1. Empty the cart", "`/checkout`",
				"**500**");
		assertThat(web1.get("priority")).isEqualTo("P1");
		assertThat(web1.get("assignee_id")).isEqualTo(this.fox.id());
		assertThat(web1.get("comments")).isEqualTo(3L);
		assertThat(web1.get("import_url")).isEqualTo(this.base + "/browse/WEB-1");
		assertThat(bug("WEB-2").get("duplicate_of")).isEqualTo(idOf("WEB-1"));
		// an attachment on the tracker's host is downloaded through the pipeline, one
		// elsewhere is not
		assertThat(job.get("attachments").asInt()).isEqualTo(1);
		JsonNode files = this.api.get("/api/bugs/" + keyOf("WEB-1") + "/attachments", this.admin.token()).body();
		assertThat(files.get("items").valueStream().map(f -> f.get("filename").asString()))
			.containsExactly("crash.txt");
		assertThat(job.get("warnings").toString()).contains("attachment elsewhere.txt: not downloaded");
		assertThat(bug("WEB-2").get("resolution")).isEqualTo("duplicate");
		assertThat(bug("WEB-3").get("status")).isEqualTo("in_progress");
		// the token is gone with the job
		assertThat(this.jdbc.sql("select count(*) from import_jobs where project_id = :p and secret is not null")
			.param("p", this.projectId)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void refusedCredentialsFailTheJobWithWhatTheServerSaidAndWriteNothing() {
		JsonNode job = connect("jira_api", "project = WEB AND type = Bug", "admin@acme.test", "wrong", null);
		assertThat(job.get("state").asString()).isEqualTo("failed");
		assertThat(job.get("error").asString()).contains("Jira refused the credentials (401)");
		assertThat(this.jdbc.sql("select count(*) from bugs where project_id = :p")
			.param("p", this.projectId)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void redmineIssuesBringTheirJournalsRelationsAndTextileAsMarkdown() {
		JsonNode job = connect("redmine_api", "shop", null, "redmine-key", null);
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
		assertThat(job.get("created").asInt()).isEqualTo(2);
		assertThat(job.get("comments").asInt()).isEqualTo(1);
		Map<String, Object> refund = bug("#101");
		assertThat((String) refund.get("description")).contains("### What happens", "**Refund**", "`undefined`",
				"```\nTypeError: x is undefined\n```", "[the log](https://logs.example.com/101)");
		assertThat(refund.get("priority")).isEqualTo("P0");
		assertThat(refund.get("assignee_id")).isEqualTo(this.fox.id());
		assertThat(refund.get("import_url")).isEqualTo(this.base + "/issues/101");
		assertThat(bug("#102").get("duplicate_of")).isEqualTo(idOf("#101"));
		assertThat(bug("#102").get("status")).isEqualTo("closed");
	}

	@Test
	void gitHubIssuesFollowTheLinkHeaderAndSkipPullRequests() {
		JsonNode job = connect("github_api", "acme/shop", null, "github-token",
				"{\"people\": {\"fox\": \"" + this.fox.email() + "\"}}");
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
		assertThat(job.get("created").asInt()).isEqualTo(2);
		assertThat(job.get("skipped").asInt()).isEqualTo(1);
		assertThat(job.get("comments").asInt()).isEqualTo(1);
		Map<String, Object> dark = bug("shop#1");
		assertThat(dark.get("assignee_id")).isEqualTo(this.fox.id());
		assertThat(dark.get("import_url")).isEqualTo("https://github.com/acme/shop/issues/1");
		assertThat(bug("shop#3").get("resolution")).isEqualTo("wont_fix");
		JsonNode again = connect("github_api", "acme/shop", null, "github-token",
				"{\"people\": {\"fox\": \"" + this.fox.email() + "\"}}");
		assertThat(again.get("created").asInt()).isZero();
		assertThat(again.get("comments").asInt()).isZero();
	}

	@Test
	void aJiraCsvsAttachmentsOnTheTrackersAddressAreDownloadedOnceAcrossReRuns() {
		String csv = "Summary,Issue key,Issue id,Status,Attachment,Attachment\r\n"
				+ "Crash on empty cart,WEB-1,10001,Open,01/Mar/24 9:20 AM;fox;crash.txt;" + this.base
				+ "/secure/attachment/40001/crash.txt,01/Mar/24 9:21 AM;fox;missing.txt;" + this.base
				+ "/secure/attachment/40404/missing.txt\r\n";
		java.util.function.Supplier<JsonNode> upload = () -> runAll(start("jira_csv", "jira.csv",
				csv.getBytes(StandardCharsets.UTF_8), "{\"base_url\": \"" + this.base + "\"}"));
		JsonNode job = upload.get();
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
		assertThat(job.get("attachments").asInt()).isEqualTo(1);
		assertThat(job.get("warnings").toString()).contains("attachment missing.txt: the tracker answered 404");
		JsonNode again = upload.get();
		assertThat(again.get("attachments").asInt()).isZero();
		JsonNode files = this.api.get("/api/bugs/" + keyOf("WEB-1") + "/attachments", this.admin.token()).body();
		assertThat(files.get("items").size()).isEqualTo(1);
	}

	@Test
	void badTextInAConnectionIsRefusedAtTheEdgeNamingTheField() {
		Api.Response r = this.api.send("POST", "/api/projects/" + this.key + "/imports", this.admin.token(),
				"{\"source\": \"jira_api\", \"connection\": {\"url\": \"http://x.test\", \"scope\": \"W\\u0000\"}, "
						+ "\"token\": \"t\"}",
				Map.of());
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.raw()).contains("connection.scope");
		assertThat(this.jdbc.sql("select count(*) from import_jobs where project_id = :p")
			.param("p", this.projectId)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aConnectionWithoutScopeOrTokenIsRefused() {
		Api.Response r = this.api.send("POST", "/api/projects/" + this.key + "/imports", this.admin.token(),
				this.json.readTree("{\"source\": \"jira_api\", \"connection\": {\"url\": \"ftp://x\"}}"), Map.of());
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.raw()).contains("connection.url", "connection.scope", "token");
	}

}
