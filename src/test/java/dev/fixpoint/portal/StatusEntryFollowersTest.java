package dev.fixpoint.portal;

import java.util.List;
import java.util.Map;
import jakarta.mail.internet.MimeMessage;

import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor follows one entry of the status page: double opt-in by email (signed token),
 * then that entry's updates only (its public status, its new wording), each email with
 * the link that ends the subscription. Real SMTP (GreenMail).
 */
class StatusEntryFollowersTest extends IntegrationTest {

	@Autowired
	ApplicationContext context;

	PortalFixture portal;

	@BeforeEach
	void fixture() {
		this.portal = new PortalFixture(this.api, baseUrl(), this.context, this.clock);
	}

	@Test
	void aFollowerConfirmsThenHearsOfThatEntryOnly() throws Exception {
		PortalFixture.Project project = this.portal.openPortal(false);
		String org = project.orgSlug();
		String followed = publish(project, "Exports time out", "Use CSV meanwhile.");
		String other = publish(project, "Avatars do not load", "");
		String email = PortalFixture.newEmail();

		assertThat(this.portal
			.postForm("/status/" + org + "/entries/" + entryId(project, "Exports time out") + "/subscribe",
					Map.of("email", email))
			.headers()
			.firstValue("Location")
			.orElseThrow()).contains("/status/" + org + "?following=");
		List<MimeMessage> mail = this.portal.mailTo(email);
		assertThat(mail).hasSize(1);
		assertThat(PortalFixture.subject(mail.get(0))).contains("Exports time out");
		String confirm = PortalFixture.link(mail.get(0), "/status/" + org + "/subscription");
		String token = confirm.replaceAll("^.*token=", "");

		this.api.patch("/api/bugs/" + followed, project.admin().token(), Map.of("status", "in_progress"));
		assertThat(this.portal.mailTo(email)).as("nothing before the confirmation").hasSize(1);

		assertThat(this.portal.getPage(confirm).body()).contains("Exports time out")
			.contains("Confirm the subscription");
		String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
		assertThat(this.portal.postForm("/status/" + org + "/subscription", Map.of("token", forged)).statusCode())
			.isEqualTo(404);
		assertThat(this.portal.postForm("/status/" + org + "/subscription", Map.of("token", token)).statusCode())
			.isEqualTo(200);

		this.api.patch("/api/bugs/" + other, project.admin().token(), Map.of("status", "in_progress"));
		assertThat(this.portal.mailTo(email)).as("another entry's change is not this follower's").hasSize(1);

		this.api.patch("/api/bugs/" + followed, project.admin().token(),
				Map.of("status", "resolved", "resolution", "fixed"));
		mail = this.portal.mailTo(email);
		assertThat(mail).hasSize(2);
		assertThat(PortalFixture.subject(mail.get(1))).contains("Exports time out").contains("Fixed");
		assertThat(PortalFixture.text(mail.get(1))).contains("you follow this problem");
		assertThat(mail.get(1).getHeader("List-Unsubscribe")).isNotNull();

		this.api.put("/api/bugs/" + followed + "/status-entry", project.admin().token(),
				Map.of("public_title", "Exports time out", "public_note", "Fixed in 4.2: update the app."));
		mail = this.portal.mailTo(email);
		assertThat(mail).as("new wording reaches the entry's followers").hasSize(3);
		assertThat(PortalFixture.text(mail.get(2))).contains("Fixed in 4.2");

		String unsubscribe = PortalFixture.link(mail.get(2), "/status/" + org + "/unsubscribe");
		assertThat(this.portal
			.postForm("/status/" + org + "/unsubscribe", Map.of("token", unsubscribe.replaceAll("^.*token=", "")))
			.statusCode()).isEqualTo(200);
		this.api.patch("/api/bugs/" + followed, project.admin().token(), Map.of("status", "in_progress"));
		assertThat(this.portal.mailTo(email)).hasSize(3);
	}

	@Test
	void followingAnEntryOfAnotherOrganizationOrABadAddressIsRefused() {
		PortalFixture.Project project = this.portal.openPortal(false);
		PortalFixture.Project elsewhere = this.portal.openPortal(false);
		publish(elsewhere, "Someone else's problem", "");
		String foreign = entryId(elsewhere, "Someone else's problem");
		assertThat(this.portal
			.postForm("/status/" + project.orgSlug() + "/entries/" + foreign + "/subscribe",
					Map.of("email", PortalFixture.newEmail()))
			.statusCode()).isEqualTo(404);
		publish(project, "Ours", "");
		var refused = this.portal.postForm(
				"/status/" + project.orgSlug() + "/entries/" + entryId(project, "Ours") + "/subscribe",
				Map.of("email", "not-an-address"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("is not an email address");
	}

	private String publish(PortalFixture.Project project, String title, String note) {
		JsonNode bug = this.api.newBug(project.admin(), project.key(), "internal " + title, "high");
		String id = bug.path("id").asString();
		assertThat(this.api
			.put("/api/bugs/" + id + "/status-entry", project.admin().token(),
					Map.of("public_title", title, "public_note", note))
			.status()).isEqualTo(200);
		return id;
	}

	private String entryId(PortalFixture.Project project, String title) {
		for (JsonNode entry : this.api.get("/api/status/" + project.orgSlug(), null).body().path("open")) {
			if (entry.path("title").asString().equals(title)) {
				return entry.path("id").asString();
			}
		}
		throw new IllegalStateException("no entry " + title);
	}

}
