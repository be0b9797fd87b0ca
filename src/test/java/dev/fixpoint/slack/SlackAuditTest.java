package dev.fixpoint.slack;

import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Slack connection and channel subscriptions in the audit log: who, from where,
 * before and after, never the bot token or the signing secret.
 */
class SlackAuditTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	record Entry(String action, String ip, String userAgent, String before, String after) {
	}

	@Test
	void connectionAndSubscriptionsAreRecordedWithoutSecrets() {
		TestUser admin = this.api.newUser("slackaudit");
		TestWorkspace slack = new TestWorkspace(baseUrl(), this.api, this.clock, this.json, admin).connect();
		String path = "/api/orgs/" + slack.org + "/integrations/slack";
		String newSecret = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";
		assertThat(this.api.put(path, admin.token(), Map.of("signing_secret", newSecret)).status()).isEqualTo(200);
		String project = this.api.newProject(admin).get("key").asString();
		String subscriptions = "/api/projects/" + project + "/integrations/slack/subscriptions";
		Api.Response created = this.api.post(subscriptions, admin.token(),
				Map.of("channel_id", "C0123ABCD", "channel_name", "qa", "events", List.of("bug.created")));
		assertThat(created.status()).isEqualTo(201);
		assertThat(this.api.delete(subscriptions + "/" + created.body().get("id").asString(), admin.token()).status())
			.isEqualTo(204);
		assertThat(this.api.delete(path, admin.token()).status()).isEqualTo(204);

		List<Entry> entries = this.jdbc.sql("""
				select action, ip, user_agent, before::text as before, after::text as after from audit_events
				where actor_id = :actor and action like 'integration.slack_%' order by created_at, id
				""").param("actor", admin.id()).query(Entry.class).list();
		assertThat(entries).extracting(Entry::action)
			.containsExactly("integration.slack_connected", "integration.slack_changed", "integration.slack_subscribed",
					"integration.slack_unsubscribed", "integration.slack_disconnected");
		assertThat(entries).allSatisfy(e -> {
			assertThat(e.ip()).isNotBlank();
			assertThat(e.userAgent()).isNotBlank();
		});
		assertThat(entries.get(0).after()).contains(slack.teamId).contains("\"bot_token_set\": true");
		assertThat(entries.get(2).after()).contains("C0123ABCD").contains("bug.created");
		assertThat(entries.get(4).after()).isNull();
		for (String secret : List.of(slack.token, slack.signingSecret, newSecret)) {
			assertThat(this.jdbc.sql("""
					select count(*) from audit_events
					where coalesce(before::text, '') || coalesce(after::text, '') like '%' || :secret || '%'
					""").param("secret", secret).query(Long.class).single()).isZero();
		}
	}

}
