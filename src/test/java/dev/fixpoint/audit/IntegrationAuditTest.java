package dev.fixpoint.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change of an integration's settings is in the audit log: who, from where, the
 * values before and after, and never a secret (tokens, webhook secrets, a webhook URL's
 * path).
 */
class IntegrationAuditTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	/** An audit entry as a test reads it. */
	record Entry(String action, UUID actorId, UUID orgId, String targetType, String targetName, String ip,
			String userAgent, String before, String after) {
	}

	@Test
	void repositoryLinksAreRecordedWithoutTheirSecretOrToken() {
		TestUser admin = this.api.newUser("forgeaudit");
		String project = this.api.newProject(admin).get("key").asString();
		String secret = "whsec-" + UUID.randomUUID();
		String token = "ghp_" + UUID.randomUUID().toString().replace("-", "");
		Api.Response linked = this.api.post("/api/projects/" + project + "/integrations", admin.token(), Map.of("forge",
				"github", "repository", "octo-org/shop", "webhook_secret", secret, "access_token", token));
		assertThat(linked.status()).as(linked.raw()).isEqualTo(201);
		String link = "/api/projects/" + project + "/integrations/" + linked.body().get("link").get("id").asString();
		String newToken = "ghp_" + UUID.randomUUID().toString().replace("-", "");
		assertThat(this.api.patch(link, admin.token(), Map.of("access_token", newToken, "opened_status", "in_progress"))
			.status()).isEqualTo(200);
		Api.Response rotated = this.api.post(link + "/secret", admin.token(), Map.of());
		assertThat(rotated.status()).isEqualTo(200);
		assertThat(this.api.delete(link, admin.token()).status()).isEqualTo(204);

		List<Entry> entries = entries(admin.id(), "integration.forge_%");
		assertThat(entries).extracting(Entry::action)
			.containsExactly("integration.forge_linked", "integration.forge_changed",
					"integration.forge_secret_rotated", "integration.forge_unlinked");
		assertThat(entries).allSatisfy(entry -> {
			assertThat(entry.orgId()).isNotNull();
			assertThat(entry.targetType()).isEqualTo("project");
			assertThat(entry.targetName()).isEqualTo(project);
			assertThat(entry.ip()).isNotBlank();
			assertThat(entry.userAgent()).isNotBlank();
		});
		assertThat(entries.get(0).before()).isNull();
		assertThat(entries.get(0).after()).contains("\"repository\": \"octo-org/shop\"")
			.contains("\"access_token_set\": true");
		assertThat(entries.get(1).before()).contains("\"opened_status\": null");
		assertThat(entries.get(1).after()).contains("\"opened_status\": \"in_progress\"");
		assertThat(entries.get(3).after()).isNull();
		assertNoSecret(secret, token, newToken, rotated.body().get("webhook_secret").asString());
	}

	@Test
	void outboundWebhooksAreRecordedWithoutTheirSecretOrTheirUrlsPath() {
		TestUser admin = this.api.newUser("hookaudit");
		String project = this.api.newProject(admin).get("key").asString();
		String secret = "hook-secret-" + UUID.randomUUID();
		String path = "/services/T000/B000/" + UUID.randomUUID();
		Api.Response added = this.api.post("/api/projects/" + project + "/webhooks", admin.token(),
				Map.of("url", "https://hooks.example.com" + path, "events", List.of("bug.created"), "secret", secret));
		assertThat(added.status()).as(added.raw()).isEqualTo(201);
		String hook = "/api/webhooks/" + added.body().get("id").asString();
		String newSecret = "hook-secret-" + UUID.randomUUID();
		assertThat(this.api.patch(hook, admin.token(), Map.of("secret", newSecret, "active", false)).status())
			.isEqualTo(200);
		assertThat(this.api.delete(hook, admin.token()).status()).isEqualTo(204);

		List<Entry> entries = entries(admin.id(), "integration.webhook_%");
		assertThat(entries).extracting(Entry::action)
			.containsExactly("integration.webhook_added", "integration.webhook_changed", "integration.webhook_removed");
		assertThat(entries).allSatisfy(entry -> {
			assertThat(entry.orgId()).isNotNull();
			assertThat(entry.ip()).isNotBlank();
			assertThat(entry.userAgent()).isNotBlank();
		});
		assertThat(entries.get(0).after()).contains("https://hooks.example.com/…").contains("bug.created");
		assertThat(entries.get(1).before()).contains("\"active\": true");
		assertThat(entries.get(1).after()).contains("\"active\": false").contains("\"secret_changed\": true");
		assertThat(entries.get(2).before()).isNotNull();
		assertThat(entries.get(2).after()).isNull();
		assertNoSecret(secret, newSecret, path);
	}

	@Test
	void portalSettingsAndStatusPageEntriesAreRecorded() {
		TestUser admin = this.api.newUser("portalaudit");
		String project = this.api.newProject(admin).get("key").asString();
		assertThat(this.api
			.put("/api/projects/" + project + "/portal", admin.token(), Map.of("enabled", true, "intro", "Tell us"))
			.status()).isEqualTo(200);
		var filed = this.api.newBug(admin, project, "Checkout fails", "critical");
		String bug = filed.get("key").asString();
		String entry = "/api/bugs/" + filed.get("id").asString() + "/status-entry";
		assertThat(this.api.put(entry, admin.token(), Map.of("public_title", "Checkout is down")).status())
			.isEqualTo(200);
		assertThat(this.api.put(entry, admin.token(), Map.of("public_title", "Checkout is slow")).status())
			.isEqualTo(200);
		assertThat(this.api.delete(entry, admin.token()).status()).isEqualTo(204);

		List<Entry> portal = entries(admin.id(), "integration.portal_changed");
		assertThat(portal).hasSize(1);
		assertThat(portal.get(0).before()).contains("\"enabled\": false");
		assertThat(portal.get(0).after()).contains("\"enabled\": true").contains("\"intro_length\": 7");
		List<Entry> status = entries(admin.id(), "integration.status_%");
		assertThat(status).extracting(Entry::action)
			.containsExactly("integration.status_published", "integration.status_changed",
					"integration.status_unpublished");
		assertThat(status).allSatisfy(e -> {
			assertThat(e.targetName()).isEqualTo(bug);
			assertThat(e.orgId()).isNotNull();
			assertThat(e.ip()).isNotBlank();
		});
		assertThat(status.get(1).before()).contains("Checkout is down");
		assertThat(status.get(1).after()).contains("Checkout is slow");
	}

	@Test
	void aSecretNamedInAnyValueIsRedactedByTheLogItself() {
		Map<String, ?> redacted = SecretValues.redacted(Map.of("client_secret", "abc", "bot_token", "xoxb-1", "nested",
				Map.of("password", "hunter2", "name", "Ann"), "secret_set", true, "token_id", 4, "tokens", List.of("a"),
				"api_tokens", List.of("t1", "t2"), "tokens_revoked", 3));
		assertThat(redacted.get("client_secret")).isEqualTo(SecretValues.REDACTED);
		assertThat(redacted.get("bot_token")).isEqualTo(SecretValues.REDACTED);
		assertThat(redacted.get("nested")).isEqualTo(Map.of("password", SecretValues.REDACTED, "name", "Ann"));
		assertThat(redacted.get("secret_set")).isEqualTo(true);
		assertThat(redacted.get("token_id")).isEqualTo(4);
		assertThat(redacted.get("tokens")).as("a list under a secret's name, whole").isEqualTo(SecretValues.REDACTED);
		assertThat(redacted.get("api_tokens")).isEqualTo(SecretValues.REDACTED);
		assertThat(redacted.get("tokens_revoked")).isEqualTo(3);
	}

	private List<Entry> entries(UUID actor, String actions) {
		return this.jdbc.sql("""
				select action, actor_id, org_id, target_type, target_name, ip, user_agent, before::text as before,
				    after::text as after
				from audit_events where actor_id = :actor and action like :actions order by created_at, id
				""").param("actor", actor).param("actions", actions).query(Entry.class).list();
	}

	private void assertNoSecret(String... secrets) {
		for (String secret : secrets) {
			assertThat(this.jdbc
				.sql("select count(*) from audit_events where coalesce(before::text, '') || coalesce(after::text, '') "
						+ "|| coalesce(target_name, '') like '%' || :secret || '%'")
				.param("secret", secret)
				.query(Long.class)
				.single()).as("no audit entry holds " + secret).isZero();
		}
	}

}
