package dev.fixpoint.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's strictness (docs/API.md): JSON types as declared, exact enum values, unknown
 * and read-only fields named, null refused where it would be a silent no-op, invalid
 * UTF-8, and Tomcat's own refusals as problem+json.
 */
class StrictInputTest extends IntegrationTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private TestUser owner;

	private String project;

	private String bug;

	@BeforeEach
	void fixture() {
		this.owner = this.api.newUser("Strict");
		this.project = this.api.newProject(this.owner).get("key").asString();
		this.bug = this.api.newBug(this.owner, this.project, "A bug", "high").get("key").asString();
	}

	@Test
	void aNumberIsNotAStringNorAStringABoolean() {
		assertField(this.api.post(bugs(), this.owner.token(), """
				{"title": 123, "severity": "high"}"""), "title", "must be a string");
		assertField(this.api.post("/api/bugs/" + this.bug + "/comments", this.owner.token(), """
				{"content": "x", "is_internal": "true"}"""), "is_internal", "must be true or false");
		assertField(this.api.post("/api/bugs/" + this.bug + "/comments", this.owner.token(), """
				{"content": "x", "is_internal": 1}"""), "is_internal", "must be true or false");
		assertField(this.api.put("/api/me/notification-preferences", this.owner.token(), """
				{"digest_hour": 7.5}"""), "digest_hour", "must be an integer");
		assertField(this.api.put("/api/me/notification-preferences", this.owner.token(), """
				{"digest_hour": "7"}"""), "digest_hour", "must be an integer");
		assertField(this.api.patch("/api/bugs/" + this.bug, this.owner.token(), """
				{"environment": {"version": 15}}"""), "environment", "value of 'version' must be a string");
	}

	@Test
	void enumValuesMatchExactly() {
		for (String severity : List.of("HIGH", "High ", " high", "high\\u0000", "high\\t")) {
			Api.Response filed = this.api.post(bugs(), this.owner.token(), """
					{"title": "t", "severity": "%s"}""".formatted(severity));
			assertThat(filed.status()).as(severity).isEqualTo(400);
			assertThat(filed.body().get("errors").get(0).get("field").asString()).isEqualTo("severity");
			Api.Response edited = this.api.patch("/api/bugs/" + this.bug, this.owner.token(), """
					{"severity": "%s"}""".formatted(severity));
			assertThat(edited.status()).as(severity).isEqualTo(400);
		}
		assertField(this.api.post(bugs(), this.owner.token(), """
				{"title": "t", "severity": "HIGH"}"""), "severity", "must be one of critical, high, medium, low");
		assertField(this.api.post(bugs(), this.owner.token(), """
				{"title": "t", "severity": "high", "priority": "p1"}"""), "priority", "must be one of P0, P1, P2, P3");
		assertField(this.api.post(bugs(), this.owner.token(), """
				{"title": "t", "severity": 1}"""), "severity", "must be one of critical, high, medium, low");
		assertThat(this.api.get(bugs() + "?severity=HIGH", this.owner.token()).status()).isEqualTo(400);
		TestUser other = this.api.newUser("Other");
		assertField(this.api.post("/api/projects/" + this.project + "/members", this.owner.token(), """
				{"username": "%s", "role": "Developer"}""".formatted(other.username())), "role",
				"must be one of admin, developer, qa, viewer");
		assertThat(this.api.put("/api/projects/" + this.project + "/workflow", this.owner.token(), """
				{"statuses": [{"key": "open", "name": "Open", "category": "TODO", "initial": true}],
				 "transitions": []}""").body().get("errors").get(0).get("field").asString())
			.isEqualTo("statuses[0].category");
	}

	@Test
	void unknownAndReadOnlyFieldsAreNamedAllAtOnceAndNothingChanges() {
		JsonNode before = this.api.get("/api/projects/" + this.project, this.owner.token()).body();
		Api.Response response = this.api.patch("/api/projects/" + this.project, this.owner.token(), """
				{"name": "Renamed", "key": "ZZZ", "sla_config": {"critical": "1h"}, "github_repo": "a/b",
				 "nonsense": [1, {"x": 2}]}""");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("errors").findValuesAsString("field")).containsExactly("key", "sla_config",
				"nonsense");
		assertThat(response.body().get("errors").get(0).get("message").asString())
			.isEqualTo("is unknown or read-only; this request takes description, github_repo, github_webhook_secret, "
					+ "gitlab_project, gitlab_webhook_token, is_public, name");
		assertThat(this.api.get("/api/projects/" + this.project, this.owner.token()).body()).isEqualTo(before);

		assertField(this.api.post(bugs(), this.owner.token(), """
				{"title": "t", "severity": "high", "status": "closed"}"""), "status",
				"is unknown or read-only; this request takes actual_behavior, affects, assignee_id, component, "
						+ "description, due_date, environment, expected_behavior, priority, severity, steps_to_reproduce, "
						+ "tags, template, title");
		assertField(this.api.patch("/api/bugs/" + this.bug, this.owner.token(), """
				{"key": "X-1"}"""), "key", "is not an editable field");
		assertThat(this.api.put("/api/projects/" + this.project + "/workflow", this.owner.token(), """
				{"statuses": [{"key": "open", "name": "Open", "category": "todo", "initial": true, "color": "red"}],
				 "transitions": []}""").body().get("errors").get(0).get("field").asString())
			.isEqualTo("statuses[0].color");
	}

	@Test
	void nullForARequiredFieldInAPatchIsRefusedAndNullClearsWhereItMeansClear() {
		String comment = this.api
			.post("/api/bugs/" + this.bug + "/comments", this.owner.token(), Map.of("content", "hello"))
			.body()
			.get("id")
			.asString();
		assertField(this.api.patch("/api/comments/" + comment, this.owner.token(), """
				{"content": null}"""), "content", "must not be null");
		assertField(this.api.patch("/api/bugs/" + this.bug, this.owner.token(), """
				{"title": null}"""), "title", "must not be null (a bug always has a title)");
		assertField(this.api.patch("/api/bugs/" + this.bug, this.owner.token(), """
				{"severity": null}"""), "severity", "is required (critical, high, medium or low)");
		assertField(this.api.patch("/api/projects/" + this.project, this.owner.token(), """
				{"name": null}"""), "name", "must not be null");
		assertField(this.api.patch("/api/projects/" + this.project, this.owner.token(), """
				{"is_public": null}"""), "is_public", "must not be null");

		assertField(this.api.patch("/api/projects/" + this.project, this.owner.token(), """
				{"description": null}"""), "description", "must not be null");
		Api.Response renamed = this.api.patch("/api/projects/" + this.project, this.owner.token(), """
				{"name": "Renamed"}""");
		assertThat(renamed.status()).as("a field left out stays as it is").isEqualTo(200);

		String component = this.api
			.post("/api/projects/" + this.project + "/components", this.owner.token(),
					Map.of("name", "ui", "owner_id", this.owner.id().toString()))
			.body()
			.get("id")
			.asString();
		Api.Response unowned = this.api.patch("/api/projects/" + this.project + "/components/" + component,
				this.owner.token(), """
						{"name": "ui", "owner_id": null}""");
		assertThat(unowned.status()).as(unowned.raw()).isEqualTo(200);
		assertThat(unowned.body().get("owner_id").isNull()).isTrue();
		Api.Response unassigned = this.api.patch("/api/bugs/" + this.bug, this.owner.token(), """
				{"assignee_id": null, "due_date": null, "component": null}""");
		assertThat(unassigned.status()).isEqualTo(200);
	}

	@Test
	void invalidUtf8InTheQueryOrTheBodyIs400() throws Exception {
		for (String query : List.of("q=a%C3%28b", "q=%FF", "%FF=1", "q=%E2%82", "q=%ED%A0%80")) {
			Api.Response response = this.api.get(bugs() + "?" + query, this.owner.token());
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.header("content-type")).startsWith("application/problem+json");
		}
		byte[] json = "{\"title\": \"a\u00ff\u00feb\", \"severity\": \"high\"}".getBytes(StandardCharsets.ISO_8859_1);
		String answer = raw("POST " + bugs() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
				+ this.owner.token() + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length
				+ "\r\nConnection: close\r\n\r\n", json);
		assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json");
	}

	@Test
	void aJsonBodyOverTheLimitIs413() {
		String big = "{\"content\": \"" + "x".repeat(1024 * 1024) + "\"}";
		Api.Response response = this.api.post("/api/bugs/" + this.bug + "/comments", this.owner.token(), big);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.body().get("max_bytes").asLong()).isEqualTo(1024 * 1024);
	}

	@Test
	void tomcatsOwnRefusalsAreProblemJson() throws Exception {
		String longQuery = raw("GET " + bugs() + "?cursor=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "Connection: close\r\n\r\n", new byte[0]);
		assertThat(longQuery).startsWith("HTTP/1.1 400").contains("application/problem+json");
		assertThat(longQuery).contains("\"type\":\"https://fixpoint.dev/problems/malformed-request\"")
			.doesNotContainIgnoringCase("tomcat")
			.doesNotContain("<html");

		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> bigHeader = http.send(
				HttpRequest.newBuilder(URI.create(baseUrl() + "/api/me")).header("X-Big", "a".repeat(20_000)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(bigHeader.statusCode()).isEqualTo(400);
		assertThat(bigHeader.headers().firstValue("content-type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(bigHeader.body());
		assertThat(problem.get("status").asInt()).isEqualTo(400);

		String nulInPath = raw("GET /api/bugs/a%00b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
				new byte[0]);
		assertThat(nulInPath).startsWith("HTTP/1.1 400").contains("application/problem+json");

		String page = raw(
				"GET /bugs/a%00b HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close" + "\r\n\r\n",
				new byte[0]);
		assertThat(page).startsWith("HTTP/1.1 400").contains("text/html").doesNotContainIgnoringCase("tomcat");
	}

	@Test
	void springsOwnRefusalsAreProblemJson() {
		Api.Response wrongMethod = this.api.send("PUT", "/api/bugs/" + this.bug, this.owner.token(), null, Map.of());
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.header("content-type")).startsWith("application/problem+json");
		Api.Response wrongType = this.api.send("POST", bugs(), this.owner.token(), null,
				Map.of("Content-Type", "text/plain"));
		assertThat(wrongType.status()).isEqualTo(415);
		assertThat(wrongType.header("content-type")).startsWith("application/problem+json");
		Api.Response brokenMultipart = this.api.send("POST", "/api/bugs/" + this.bug + "/attachments",
				this.owner.token(), null, Map.of("Content-Type", "multipart/form-data; boundary=XX"));
		assertThat(brokenMultipart.status()).isEqualTo(400);
		assertThat(brokenMultipart.header("content-type")).startsWith("application/problem+json");
	}

	@Test
	void aPageFormWithANulIsRefusedWithASentence() throws Exception {
		byte[] form = "email=a%00b%40example.com&password=x".getBytes(StandardCharsets.US_ASCII);
		String answer = raw("POST /login HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nContent-Type: "
				+ "application/x-www-form-urlencoded\r\nContent-Length: " + form.length
				+ "\r\nConnection: close\r\n\r\n", form);
		assertThat(answer).startsWith("HTTP/1.1 400").contains("Email must not contain the NUL character");
	}

	private String bugs() {
		return "/api/projects/" + this.project + "/bugs";
	}

	private static void assertField(Api.Response response, String field, String message) {
		assertThat(response.status()).as(response.raw()).isEqualTo(400);
		assertThat(response.header("content-type")).startsWith("application/problem+json");
		JsonNode error = response.body().get("errors").get(0);
		assertThat(error.get("field").asString()).as(response.raw()).isEqualTo(field);
		assertThat(error.get("message").asString()).as(response.raw()).isEqualTo(message);
	}

	/** A request written by hand, so the container (not a client library) decides. */
	private String raw(String head, byte[] body) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
