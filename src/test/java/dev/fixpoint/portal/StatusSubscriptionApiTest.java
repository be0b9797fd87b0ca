package dev.fixpoint.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jakarta.mail.internet.MimeMessage;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Status page subscriptions by API (double opt-in, no enumeration, the portal's rate
 * limits) and the organization admins' list of subscribers; subscribers hear of entry
 * changes in one digest per window, exactly once.
 */
class StatusSubscriptionApiTest extends IntegrationTest {

	@Autowired
	ApplicationContext context;

	PortalFixture portal;

	@BeforeEach
	void fixture() {
		this.portal = new PortalFixture(this.api, baseUrl(), this.context, this.clock);
	}

	@Test
	void subscribingConfirmingAndEndingByApiAnswersTheSameForKnownAddresses() {
		PortalFixture.Project project = this.portal.openPortal(false);
		String org = project.orgSlug();
		String email = PortalFixture.newEmail();
		Api.Response asked = subscribe(org, Map.of("email", email));
		assertThat(asked.status()).as(asked.raw()).isEqualTo(202);
		assertThat(asked.header("RateLimit-Limit")).isNotNull();
		List<MimeMessage> mail = this.portal.mailTo(email);
		assertThat(mail).hasSize(1);
		String token = PortalFixture.link(mail.get(0), "/status/" + org + "/subscription").replaceAll("^.*token=", "");

		assertThat(this.api.post("/api/status/subscriptions/confirm", null, Map.of("token", token + "x")).status())
			.isEqualTo(404);
		assertThat(this.api.post("/api/status/subscriptions/confirm", null, Map.of("token", token)).status())
			.isEqualTo(204);
		Api.Response again = subscribe(org, Map.of("email", email.toUpperCase(java.util.Locale.ROOT)));
		assertThat(again.status()).as("same answer for a subscribed address").isEqualTo(202);
		assertThat(again.raw()).isEqualTo(asked.raw());
		assertThat(this.portal.mailTo(email)).as("nothing tells a stranger it was subscribed").hasSize(1);

		Api.Response bad = subscribe(org, Map.of("email", "not-an-address"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.header("content-type")).startsWith("application/problem+json");
		assertThat(bad.body().path("errors").get(0).path("field").asString()).isEqualTo("email");
		assertThat(subscribe("no-such-org-anywhere", Map.of("email", email)).status()).isEqualTo(404);

		publish(project, "Logins fail");
		assertThat(this.portal.mailTo(email)).hasSize(2);
		assertThat(this.api.post("/api/status/subscriptions/unsubscribe", null, Map.of("token", token)).status())
			.isEqualTo(204);
		assertThat(this.api.post("/api/status/subscriptions/unsubscribe", null, Map.of("token", token)).status())
			.isEqualTo(404);
		publish(project, "Exports fail");
		assertThat(this.portal.mailTo(email)).hasSize(2);
	}

	@Test
	void aFloodOfSubscriptionsFromOneAddressGets429WithRetryAfter() {
		PortalFixture.Project project = this.portal.openPortal(false);
		String ip = PortalFixture.newAddress();
		Api.Response last = null;
		for (int i = 0; i < 40 && (last == null || last.status() == 202); i++) {
			last = this.api.send("POST", "/api/status/" + project.orgSlug() + "/subscriptions", null,
					Map.of("email", PortalFixture.newEmail()), Map.of("X-Forwarded-For", ip));
		}
		assertThat(last.status()).isEqualTo(429);
		assertThat(last.header("content-type")).startsWith("application/problem+json");
		assertThat(last.header("Retry-After")).isNotNull();
	}

	@Test
	void threeChangesWithinTheWindowReachASubscriberAsOneEmailExactlyOnce() throws Exception {
		PortalFixture.Project project = this.portal.openPortal(false);
		String org = project.orgSlug();
		String email = confirmedSubscriber(org);

		String first = publish(project, "Checkout <b>fails</b> & retries");
		publish(project, "Invoices are late");
		this.api.patch("/api/bugs/" + first, project.admin().token(), Map.of("status", "in_progress"));
		publish(project, "Search is slow");

		PortalWorkers.sendDue(this.context, this.clock.instant());
		assertThat(PortalFixture.received(email)).as("the window has not passed yet").hasSize(1);

		List<MimeMessage> mail = this.portal.mailTo(email);
		assertThat(mail).hasSize(2);
		MimeMessage digest = mail.get(1);
		assertThat(PortalFixture.subject(digest)).contains("3 updates");
		String text = PortalFixture.text(digest);
		assertThat(text).contains("Checkout <b>fails</b> & retries: Fix in progress")
			.contains("Invoices are late: Investigating")
			.contains("Search is slow: Investigating")
			.contains("/status/" + org + "/unsubscribe?token=");
		assertThat(digest.getHeader("List-Unsubscribe")).isNotNull();
		assertThat(html(digest)).contains("Checkout &lt;b&gt;fails&lt;/b&gt; &amp; retries");

		assertThat(this.portal.mailTo(email)).as("exactly once").hasSize(2);
		PortalWorkers.sendDue(this.context, this.clock.instant().plusSeconds(7200));
		assertThat(PortalFixture.received(email)).hasSize(2);
	}

	@Test
	void orgAdminsListSubscribersPageByPageAndRemoveOne() {
		PortalFixture.Project project = this.portal.openPortal(false);
		String org = project.orgSlug();
		List<String> emails = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String email = PortalFixture.newEmail();
			emails.add(email);
			assertThat(subscribe(org, Map.of("email", email)).status()).isEqualTo(202);
			this.clock.advance(java.time.Duration.ofSeconds(1));
		}
		TestUser admin = project.admin();
		JsonNode page = this.api.get("/api/orgs/" + org + "/status/subscribers?limit=2", admin.token()).body();
		assertThat(page.path("items")).hasSize(2);
		assertThat(page.path("items").get(0).path("email").asString()).isEqualTo(emails.get(2));
		assertThat(page.path("items").get(0).path("confirmed_at").isNull()).isTrue();
		String next = page.path("next_cursor").asString();
		JsonNode rest = this.api.get("/api/orgs/" + org + "/status/subscribers?limit=2&cursor=" + next, admin.token())
			.body();
		assertThat(rest.path("items")).hasSize(1);
		assertThat(rest.path("items").get(0).path("email").asString()).isEqualTo(emails.get(0));
		assertThat(rest.path("next_cursor").isNull()).isTrue();

		TestUser member = this.api.newUser("smember");
		this.api.post("/api/orgs/" + org + "/members", admin.token(),
				Map.of("username", member.username(), "role", "member"));
		assertThat(this.api.get("/api/orgs/" + org + "/status/subscribers", member.token()).status()).isEqualTo(403);
		String id = rest.path("items").get(0).path("id").asString();
		assertThat(this.api.delete("/api/orgs/" + org + "/status/subscribers/" + id, member.token()).status())
			.isEqualTo(403);
		assertThat(this.api.delete("/api/orgs/" + org + "/status/subscribers/" + id, admin.token()).status())
			.isEqualTo(204);
		assertThat(this.api.delete("/api/orgs/" + org + "/status/subscribers/" + id, admin.token()).status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/orgs/" + org + "/status/subscribers", admin.token()).body().path("items"))
			.hasSize(2);
	}

	private Api.Response subscribe(String org, Map<String, Object> body) {
		return this.api.send("POST", "/api/status/" + org + "/subscriptions", null, body,
				Map.of("X-Forwarded-For", PortalFixture.newAddress()));
	}

	private String confirmedSubscriber(String org) {
		String email = PortalFixture.newEmail();
		assertThat(subscribe(org, Map.of("email", email)).status()).isEqualTo(202);
		String token = PortalFixture.link(this.portal.mailTo(email).get(0), "/status/" + org + "/subscription")
			.replaceAll("^.*token=", "");
		assertThat(this.api.post("/api/status/subscriptions/confirm", null, Map.of("token", token)).status())
			.isEqualTo(204);
		return email;
	}

	/** Publishes a new bug with this public title; returns the bug's id. */
	private String publish(PortalFixture.Project project, String title) {
		JsonNode bug = this.api.newBug(project.admin(), project.key(), "internal " + title, "high");
		String id = bug.path("id").asString();
		Api.Response put = this.api.put("/api/bugs/" + id + "/status-entry", project.admin().token(),
				Map.of("public_title", title));
		assertThat(put.status()).as(put.raw()).isEqualTo(200);
		return id;
	}

	static String html(MimeMessage message) throws Exception {
		StringBuilder all = new StringBuilder();
		collect(message.getContent(), all);
		return all.toString();
	}

	private static void collect(Object content, StringBuilder all) throws Exception {
		if (content instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				var part = multipart.getBodyPart(i);
				if (part.isMimeType("text/html")) {
					all.append(part.getContent());
				}
				else {
					collect(part.getContent(), all);
				}
			}
		}
	}

}
