package dev.fixpoint.platform.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import dev.fixpoint.platform.Names;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springdoc.core.annotations.ParameterObject;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A NUL and a lone surrogate sent to every API write endpoint (in a string field of its
 * JSON body, or a parameter where it takes no body) and in every query parameter of every
 * API read endpoint: 400 problem+json naming the field, and nothing in the database
 * changed. Complete by construction: the endpoints come from the registered handler
 * methods, and a write endpoint without a sample here fails the test.
 */
class BadTextEverywhereTest extends IntegrationTest {

	/** The two kinds of text the edge refuses, as JSON escapes and as query encodings. */
	private static final List<Bad> BAD = List.of(new Bad("\\u0000", "%00", "NUL"),
			new Bad("\\ud800", "%ED%A0%80", "lone surrogate"));

	/** Tables changed by the machinery rather than by requests. */
	private static final Set<String> NOT_COMPARED = Set.of("scheduled_tasks", "spring_session",
			"spring_session_attributes", "flyway_schema_history", "attachment_signing_key");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcClient jdbc;

	private TestUser owner;

	private TestUser member;

	private Map<String, String> vars;

	record Bad(String json, String query, String name) {
	}

	/**
	 * How to put bad text into one write endpoint: the field named in the answer, and the
	 * body with the text in it (null: the text goes into a query parameter of that name).
	 */
	record Sample(String field, Function<String, String> body) {

		static Sample json(String field, Function<String, String> body) {
			return new Sample(field, body);
		}

		static Sample parameter(String name) {
			return new Sample(name, null);
		}

	}

	private static final Map<String, Sample> WRITES = new LinkedHashMap<>();

	static {
		WRITES.put("POST /api/auth/signup", Sample.json("name", t -> """
				{"email": "edge@example.com", "password": "a-long-enough-password", "name": "a%sb",
				 "username": "edge-user"}""".formatted(t)));
		WRITES.put("POST /api/auth/login", Sample.json("email", t -> """
				{"email": "x%s@example.com", "password": "a-long-enough-password"}""".formatted(t)));
		WRITES.put("POST /api/auth/logout", Sample.parameter("reason"));
		WRITES.put("POST /api/me/tokens", Sample.json("name", t -> """
				{"name": "ci%s"}""".formatted(t)));
		WRITES.put("POST /api/orgs/{org}/members", Sample.json("username", t -> """
				{"username": "x%s", "role": "member"}""".formatted(t)));
		WRITES.put("POST /api/me/2fa/totp", Sample.parameter("reason"));
		WRITES.put("POST /api/me/2fa/totp/confirm", Sample.json("code", t -> """
				{"code": "1%s"}""".formatted(t)));
		WRITES.put("POST /api/me/2fa/disable", Sample.json("otp", t -> """
				{"password": "a-long-enough-password", "otp": "1%s"}""".formatted(t)));
		WRITES.put("POST /api/me/2fa/recovery-codes", Sample.json("otp", t -> """
				{"otp": "1%s"}""".formatted(t)));
		WRITES.put("PUT /api/orgs/{org}/two-factor", Sample.parameter("reason"));
		WRITES.put("PATCH /api/me/2fa/passkeys/{passkey}", Sample.json("label", t -> """
				{"label": "laptop%s"}""".formatted(t)));
		WRITES.put("PUT /api/orgs/{org}/sso", Sample.json("name", t -> """
				{"name": "Acme%s", "issuer": "https://idp.example.com", "client_id": "c", "client_secret": "s"}"""
			.formatted(t)));
		WRITES.put("POST /api/orgs/{org}/sso/email-domains/{domain}/confirmation", Sample.json("email", t -> """
				{"email": "it%s@example.com"}""".formatted(t)));
		WRITES.put("PUT /api/projects/{project}/retention", Sample.json("retention_action", t -> """
				{"retention_days": 30, "retention_action": "delete%s"}""".formatted(t)));
		WRITES.put("POST /api/projects", Sample.json("name", t -> """
				{"name": "P%s", "key": "EDGE"}""".formatted(t)));
		WRITES.put("PATCH /api/projects/{project}", Sample.json("description", t -> """
				{"description": "d%s"}""".formatted(t)));
		WRITES.put("POST /api/projects/{project}/members", Sample.json("username", t -> """
				{"username": "x%s", "role": "developer"}""".formatted(t)));
		WRITES.put("PATCH /api/projects/{project}/members/{userId}", Sample.json("role", t -> """
				{"role": "qa%s"}""".formatted(t)));
		WRITES.put("POST /api/projects/{project}/components", Sample.json("name", t -> """
				{"name": "c%s"}""".formatted(t)));
		WRITES.put("PATCH /api/projects/{project}/components/{id}", Sample.json("name", t -> """
				{"name": "c%s"}""".formatted(t)));
		WRITES.put("POST /api/projects/{project}/bugs", Sample.json("environment.os", t -> """
				{"title": "t", "severity": "high", "environment": {"os": "Linux%s"}}""".formatted(t)));
		WRITES.put("PATCH /api/bugs/{bug}", Sample.json("tags[1]", t -> """
				{"tags": ["ok", "b%s"]}""".formatted(t)));
		WRITES.put("POST /api/projects/{project}/bugs/bulk", Sample.json("set.tags_add[0]", t -> """
				{"ids": ["%s"], "set": {"tags_add": ["x%s"]}}""".formatted("{bug}", t)));
		WRITES.put("POST /api/bugs/{bug}/comments", Sample.json("content", t -> """
				{"content": "hello%s"}""".formatted(t)));
		WRITES.put("PATCH /api/comments/{id}", Sample.json("content", t -> """
				{"content": "hello%s"}""".formatted(t)));
		WRITES.put("POST /api/bugs/{bug}/attachments", Sample.parameter("comment_id"));
		WRITES.put("PUT /api/projects/{project}/attachment-settings", Sample.json("allowed_types[0]", t -> """
				{"allowed_types": ["image%s"]}""".formatted(t)));
		WRITES.put("POST /api/notifications/read", Sample.json("ids[0]", t -> """
				{"ids": ["x%s"]}""".formatted(t)));
		WRITES.put("POST /api/notifications/done", Sample.json("ids[0]", t -> """
				{"ids": ["x%s"]}""".formatted(t)));
		WRITES.put("POST /api/notifications/snooze", Sample.json("choice", t -> """
				{"ids": ["%s"], "choice": "tomorrow%s"}""".formatted("00000000-0000-0000-0000-000000000000", t)));
		WRITES.put("POST /api/notifications/restore", Sample.json("ids[0]", t -> """
				{"ids": ["x%s"]}""".formatted(t)));
		WRITES.put("PUT /api/me/notification-preferences", Sample.json("email", t -> """
				{"email": {"assig%sned": "off"}}""".formatted(t)));
		WRITES.put("POST /api/unsubscribe/{token}", Sample.parameter("list"));
		WRITES.put("PUT /api/me/weekly-reports/{project}", Sample.parameter("reason"));
		WRITES.put("POST /api/bugs/{bug}/watchers", Sample.parameter("reason"));
		WRITES.put("PUT /api/bugs/{bug}/mute", Sample.parameter("reason"));
		WRITES.put("POST /api/projects/{project}/imports", Sample.parameter("source"));
		WRITES.put("POST /api/imports/{id}/cancel", Sample.parameter("reason"));
		WRITES.put("POST /api/imports/{id}/run", Sample.parameter("reason"));
		WRITES.put("POST /api/imports/{id}/undo", Sample.parameter("reason"));
		WRITES.put("POST /api/webhooks/github", Sample.parameter("reason"));
		WRITES.put("POST /api/webhooks/gitlab", Sample.parameter("reason"));
		WRITES.put("POST /api/projects/{project}/integrations", Sample.json("repository", t -> """
				{"forge": "github", "repository": "a/b%s"}""".formatted(t)));
		WRITES.put("PATCH /api/projects/{project}/integrations/{link}", Sample.json("access_token", t -> """
				{"access_token": "t%s"}""".formatted(t)));
		WRITES.put("POST /api/projects/{project}/integrations/{link}/secret", Sample.parameter("reason"));
		WRITES.put("POST /api/projects/{project}/integrations/{link}/imports", Sample.json("mapping.base_url", t -> """
				{"dry_run": true, "mapping": {"base_url": "https://x%s"}}""".formatted(t)));
		WRITES.put("POST /api/projects/{project}/integrations/deliveries/{delivery}/redeliver",
				Sample.parameter("reason"));
		WRITES.put("POST /api/projects/{project}/filters", Sample.json("query", t -> """
				{"name": "mine", "query": "assignee:me%s"}""".formatted(t)));
		WRITES.put("PUT /api/projects/{project}/sla-config", Sample.json("critical", t -> """
				{"critical": "4h%s"}""".formatted(t)));
		WRITES.put("POST /api/projects/{project}/webhooks", Sample.json("url", t -> """
				{"url": "https://example.com/h%s", "events": ["bug.created"]}""".formatted(t)));
		WRITES.put("PATCH /api/webhooks/{id}", Sample.json("filter", t -> """
				{"filter": "severity:high%s"}""".formatted(t)));
		WRITES.put("POST /api/webhooks/{id}/deliveries/{delivery}/redeliver", Sample.parameter("reason"));
		WRITES.put("POST /api/webhooks/{id}/ping", Sample.parameter("reason"));
		WRITES.put("POST /api/integrations/slack/commands", Sample.parameter("reason"));
		WRITES.put("POST /api/integrations/slack/interactions", Sample.parameter("reason"));
		WRITES.put("POST /api/integrations/slack/events", Sample.parameter("reason"));
		WRITES.put("PUT /api/orgs/{org}/integrations/slack", Sample.json("bot_token", t -> """
				{"bot_token": "xoxb-%s"}""".formatted(t)));
		WRITES.put("POST /api/projects/{project}/integrations/slack/subscriptions", Sample.json("channel_id", t -> """
				{"channel_id": "C1%s", "events": ["bug.created"]}""".formatted(t)));
		WRITES.put("PUT /api/me/integrations/slack", Sample.json("notifications", t -> """
				{"notifications": "on%s"}""".formatted(t)));
		WRITES.put("POST /api/portal/{project_key}/reports", Sample.json("title", t -> """
				{"email": "a@example.com", "title": "t%s", "description": "d"}""".formatted(t)));
		WRITES.put("PUT /api/projects/{project}/portal", Sample.json("intro", t -> """
				{"enabled": true, "intro": "hi%s"}""".formatted(t)));
		WRITES.put("POST /api/bugs/{bug}/portal/spam", Sample.parameter("reason"));
		WRITES.put("PUT /api/bugs/{bug}/status-entry", Sample.json("public_title", t -> """
				{"public_title": "t%s"}""".formatted(t)));
		WRITES.put("POST /api/status/{org}/subscriptions", Sample.json("email", t -> """
				{"email": "a%s@example.com"}""".formatted(t)));
		WRITES.put("POST /api/status/subscriptions/confirm", Sample.json("token", t -> """
				{"token": "t%s"}""".formatted(t)));
		WRITES.put("POST /api/status/subscriptions/unsubscribe", Sample.json("token", t -> """
				{"token": "t%s"}""".formatted(t)));
		WRITES.put("PUT /api/orgs/{org}/branding", Sample.json("accent", t -> """
				{"accent": "#aabbcc%s"}""".formatted(t)));
		WRITES.put("POST /api/orgs/{org}/branding/logo", Sample.parameter("reason"));
		WRITES.put("POST /api/bugs/{bug}/suggestions/feedback", Sample.json("value", t -> """
				{"kind": "severity", "value": "low%s", "decision": "dismissed"}""".formatted(t)));
		WRITES.put("PUT /api/projects/{project}/triage", Sample.parameter("reason"));
		WRITES.put("PATCH /api/me", Sample.json("name", t -> """
				{"name": "a%sb"}""".formatted(t)));
		WRITES.put("POST /api/me/password", Sample.json("new_password", t -> """
				{"current_password": "a-long-enough-password", "new_password": "another-long%s-password"}"""
			.formatted(t)));
		WRITES.put("POST /api/me/email", Sample.json("email", t -> """
				{"email": "new%s@example.com"}""".formatted(t)));
		WRITES.put("POST /api/me/delete", Sample.json("password", t -> """
				{"password": "a-long%s-enough-password"}""".formatted(t)));
		WRITES.put("POST /api/me/email/verification", Sample.parameter("reason"));
		WRITES.put("POST /api/auth/password-reset", Sample.json("email", t -> """
				{"email": "x%s@example.com"}""".formatted(t)));
		WRITES.put("POST /api/auth/password-reset/confirm", Sample.json("token", t -> """
				{"token": "fxp_x%s", "password": "a-long-enough-password"}""".formatted(t)));
		WRITES.put("POST /api/auth/verify-email", Sample.json("token", t -> """
				{"token": "fxp_x%s"}""".formatted(t)));
		WRITES.put("POST /api/admin/users/{id}/deactivate", Sample.parameter("reason"));
		WRITES.put("POST /api/admin/users/{id}/reactivate", Sample.parameter("reason"));
		WRITES.put("PUT /api/admin/organizations/{id}/plan", Sample.json("plan", t -> """
				{"plan": "team%s"}""".formatted(t)));
		WRITES.put("PATCH /api/admin/settings", Sample.json("instance_name", t -> """
				{"instance_name": "Ours%s"}""".formatted(t)));
		WRITES.put("POST /api/admin/settings/test-email", Sample.parameter("reason"));
		WRITES.put("POST /api/orgs/{org}/invitations", Sample.json("email", t -> """
				{"email": "invitee%s@example.com", "role": "member"}""".formatted(t)));
		WRITES.put("POST /api/invitations/accept", Sample.json("token", t -> """
				{"token": "fxp_x%s"}""".formatted(t)));
		WRITES.put("POST /api/bugs/{bug}/links", Sample.json("target", t -> """
				{"type": "blocks", "target": "X%s"}""".formatted(t)));
		WRITES.put("POST /api/projects/{project}/releases", Sample.json("name", t -> """
				{"name": "1.%s"}""".formatted(t)));
		WRITES.put("PATCH /api/releases/{id}", Sample.json("description", t -> """
				{"description": "d%s"}""".formatted(t)));
		WRITES.put("POST /api/projects/{project}/templates", Sample.json("steps_to_reproduce", t -> """
				{"name": "Crash", "steps_to_reproduce": "1.%s"}""".formatted(t)));
		WRITES.put("PATCH /api/templates/{id}", Sample.json("required_fields[0]", t -> """
				{"required_fields": ["x%s"]}""".formatted(t)));
		WRITES.put("PUT /api/projects/{project}/workflow", Sample.json("statuses[0].name", t -> """
				{"statuses": [{"key": "open", "name": "Open%s", "category": "todo", "initial": true}],
				 "transitions": []}""".formatted(t)));
	}

	@BeforeEach
	void fixture() {
		this.owner = this.api.newUser("Edge");
		this.member = this.api.newUser("EdgeMember");
		JsonNode project = this.api.newProject(this.owner);
		String key = project.get("key").asString();
		this.api.addMember(this.owner, key, this.member, "developer");
		JsonNode bug = this.api.newBug(this.owner, key, "A bug", "high");
		JsonNode comment = this.api
			.post("/api/bugs/" + bug.get("key").asString() + "/comments", this.owner.token(), Map.of("content", "hi"))
			.body();
		JsonNode component = this.api
			.post("/api/projects/" + key + "/components", this.owner.token(), Map.of("name", "ui"))
			.body();
		this.vars = Map.of("{project}", key, "{bug}", bug.get("key").asString(), "{userId}",
				this.member.id().toString(), "{org}", project.get("org_id").asString(), "{token}", "some-token",
				"{comment}", comment.get("id").asString(), "{id}", "");
		this.vars = new LinkedHashMap<>(this.vars);
		this.vars.put("{component}", component.get("id").asString());
		this.vars.put("{link}", java.util.UUID.randomUUID().toString());
		this.vars.put("{delivery}", java.util.UUID.randomUUID().toString());
		this.vars.put("{project_key}", key);
		this.vars.put("{ticket}", key + "-AAAAAA");
		this.vars.put("{passkey}", "some-passkey");
		this.vars.put("{domain}", "example.com");
	}

	@Test
	void everyWriteEndpointRefusesBadTextNamingTheField() {
		Set<String> writes = endpoints(Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH)).keySet();
		assertThat(WRITES.keySet()).as("a sample for every API write endpoint, and none for a removed one")
			.containsExactlyInAnyOrderElementsOf(writes);
		for (Map.Entry<String, Sample> write : WRITES.entrySet()) {
			String method = write.getKey().substring(0, write.getKey().indexOf(' '));
			String path = path(write.getKey().substring(method.length() + 1));
			Sample sample = write.getValue();
			for (Bad bad : BAD) {
				String what = write.getKey() + " with a " + bad.name();
				Map<String, String> before = snapshot();
				Api.Response response = sample.body() == null
						? this.api.send(method, path + "?" + sample.field() + "=x" + bad.query(), this.owner.token(),
								null, Map.of())
						: this.api.send(method, path, this.owner.token(), substitute(sample.body().apply(bad.json())),
								Map.of());
				assertRefused(what, response, sample.field());
				assertThat(snapshot()).as(what + ": nothing changed").isEqualTo(before);
			}
		}
	}

	@Test
	void everyQueryParameterOfEveryReadEndpointRefusesBadText() {
		Map<String, HandlerMethod> reads = endpoints(Set.of(RequestMethod.GET));
		int checked = 0;
		for (Map.Entry<String, HandlerMethod> read : reads.entrySet()) {
			String path = path(read.getKey().substring("GET ".length()));
			for (String parameter : queryParameters(read.getValue())) {
				for (Bad bad : BAD) {
					Api.Response response = this.api.get(path + "?" + parameter + "=a" + bad.query() + "b",
							this.owner.token());
					assertRefused(read.getKey() + " ?" + parameter + " with a " + bad.name(), response, parameter);
					checked++;
				}
			}
		}
		// the bug list alone has 16 filters: make sure the walk found them
		assertThat(checked).isGreaterThan(2 * 25);
	}

	private void assertRefused(String what, Api.Response response, String field) {
		assertThat(response.status()).as(what + ": " + response.raw()).isEqualTo(400);
		assertThat(response.header("content-type")).as(what).startsWith("application/problem+json");
		assertThat(response.body().path("errors").path(0).path("field").asString("")).as(what + ": " + response.raw())
			.isEqualTo(field);
	}

	/** "METHOD /path" of every API handler answering one of {@code methods}. */
	private Map<String, HandlerMethod> endpoints(Set<RequestMethod> methods) {
		Map<String, HandlerMethod> endpoints = new TreeMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
				if (!methods.contains(method)) {
					continue;
				}
				for (String pattern : entry.getKey().getPatternValues()) {
					if (pattern.startsWith("/api/")) {
						endpoints.put(method + " " + pattern, entry.getValue());
					}
				}
			}
		}
		return endpoints;
	}

	/**
	 * The query parameters a handler reads: @RequestParam and @ParameterObject records.
	 */
	private static Set<String> queryParameters(HandlerMethod handler) {
		Set<String> names = new TreeSet<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null) {
				String name = !param.name().isEmpty() ? param.name() : param.value();
				parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
				names.add(!name.isEmpty() ? name : parameter.getParameterName());
			}
			if (parameter.hasParameterAnnotation(ParameterObject.class) && parameter.getParameterType().isRecord()) {
				for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
					names.add(Names.snakeCase(component.getName()));
				}
			}
		}
		return names;
	}

	private String path(String pattern) {
		String path = pattern;
		if (path.startsWith("/api/comments/{id}")) {
			path = path.replace("{id}", this.vars.get("{comment}"));
		}
		if (path.contains("/components/{id}")) {
			path = path.replace("{id}", this.vars.get("{component}"));
		}
		if (path.contains("{id}")) {
			path = path.replace("{id}", java.util.UUID.randomUUID().toString());
		}
		return substitute(path);
	}

	private String substitute(String text) {
		String out = text;
		for (Map.Entry<String, String> var : this.vars.entrySet()) {
			out = out.replace(var.getKey(), var.getValue());
		}
		return out;
	}

	/** Every table's content (its rows' text, hashed), keyed by table. */
	private Map<String, String> snapshot() {
		List<String> tables = this.jdbc
			.sql("select table_name from information_schema.tables where table_schema = 'public' "
					+ "and table_type = 'BASE TABLE'")
			.query(String.class)
			.list();
		Map<String, String> snapshot = new TreeMap<>();
		for (String table : new ArrayList<>(tables)) {
			if (NOT_COMPARED.contains(table)) {
				continue;
			}
			String sql = table.equals("api_tokens") ? "select count(*)::text from api_tokens"
					: "select coalesce(md5(string_agg(t::text, ',' order by t::text)), '') from " + table + " t";
			snapshot.put(table, this.jdbc.sql(sql).query(String.class).single());
		}
		return snapshot;
	}

}
