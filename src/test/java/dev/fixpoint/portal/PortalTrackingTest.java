package dev.fixpoint.portal;

import java.net.http.HttpResponse;
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
 * After a report: the email confirmation (double opt-in), the private tracking link, what
 * the reporter sees and hears (comments visible to reporter only), and where the
 * reporter's email may appear (admins and developers only).
 */
class PortalTrackingTest extends IntegrationTest {

	@Autowired
	ApplicationContext context;

	PortalFixture portal;

	@BeforeEach
	void fixture() {
		this.portal = new PortalFixture(this.api, baseUrl(), this.context, this.clock);
	}

	@Test
	void aReportEntersTriageOnlyOnceItsEmailIsConfirmed() {
		PortalFixture.Project project = this.portal.openPortal(true);
		String email = PortalFixture.newEmail();
		JsonNode receipt = this.portal.file(project.key(), email, "Export button does nothing");
		assertThat(bugs(project)).as("no bug before the confirmation").isEmpty();
		assertThat(this.portal.ticket(receipt).path("status").asString()).isEqualTo("unconfirmed");

		List<MimeMessage> mail = this.portal.mailTo(email);
		assertThat(mail).hasSize(1);
		assertThat(PortalFixture.subject(mail.get(0))).contains(receipt.path("ticket").asString()).contains("confirm");
		String link = PortalFixture.link(mail.get(0), "/portal/tickets/");
		String confirm = link.replaceAll("^.*[?&]confirm=", "");
		HttpResponse<String> page = this.portal.getPage(link);
		assertThat(page.body()).contains("Confirm my report");

		HttpResponse<String> confirmed = this.portal.postForm("/portal/confirm", Map.of("confirm", confirm));
		assertThat(confirmed.statusCode()).isEqualTo(302);
		assertThat(confirmed.headers().firstValue("Location").orElseThrow())
			.contains("/portal/tickets/" + receipt.path("ticket").asString())
			.contains("&confirmed");
		assertThat(bugs(project)).hasSize(1);
		assertThat(this.portal.ticket(receipt).path("status").asString()).isEqualTo("investigating");
		assertThat(this.portal.postForm("/portal/confirm", Map.of("confirm", confirm)).statusCode())
			.as("a confirmation link works once")
			.isEqualTo(404);
	}

	@Test
	void theTrackingLinkOpensOnlyWithItsOwnToken() {
		PortalFixture.Project project = this.portal.openPortal(false);
		JsonNode one = this.portal.file(project.key(), PortalFixture.newEmail(), "One");
		JsonNode two = this.portal.file(project.key(), PortalFixture.newEmail(), "Two");
		String ticket = one.path("ticket").asString();
		String token = PortalFixture.token(one.path("tracking_url").asString());
		String other = PortalFixture.token(two.path("tracking_url").asString());
		assertThat(this.api.get("/api/portal/tickets/" + ticket + "?token=" + token, null).status()).isEqualTo(200);
		assertThat(this.api.get("/api/portal/tickets/" + ticket, null).status()).isEqualTo(404);
		assertThat(this.api.get("/api/portal/tickets/" + ticket + "?token=" + other, null).status()).isEqualTo(404);
		String tampered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
		assertThat(this.api.get("/api/portal/tickets/" + ticket + "?token=" + tampered, null).status()).isEqualTo(404);
		assertThat(this.portal.getPage("/portal/tickets/" + ticket + "?token=" + tampered).statusCode()).isEqualTo(404);
		assertThat(this.api.get("/api/portal/tickets/" + project.key() + "-000000?token=" + token, null).status())
			.isEqualTo(404);
	}

	@Test
	void theReporterSeesAndHearsOnlyCommentsVisibleToThem() throws Exception {
		PortalFixture.Project project = this.portal.openPortal(false);
		TestUser dev = this.api.newUser("pdev");
		this.api.addMember(project.admin(), project.key(), dev, "developer");
		String email = PortalFixture.newEmail();
		JsonNode receipt = this.portal.file(project.key(), email, "Crash on upload");
		this.portal.mailTo(email); // the first email
		String bug = bugs(project).get(0).path("id").asString();

		this.api.post("/api/bugs/" + bug + "/comments", dev.token(), Map.of("content", "Ordinary team chat"));
		this.api.post("/api/bugs/" + bug + "/comments", dev.token(),
				Map.of("content", "Secret internal note", "is_internal", true));
		Api.Response publicReply = this.api.post("/api/bugs/" + bug + "/comments", dev.token(),
				Map.of("content", "Thanks, we can **reproduce** it", "visible_to_reporter", true));
		assertThat(publicReply.status()).isEqualTo(201);
		assertThat(publicReply.body().path("visible_to_reporter").asBoolean()).isTrue();
		assertThat(this.api
			.post("/api/bugs/" + bug + "/comments", dev.token(),
					Map.of("content", "Both?", "is_internal", true, "visible_to_reporter", true))
			.status()).as("an internal note is never visible to the reporter").isEqualTo(400);

		JsonNode ticket = this.portal.ticket(receipt);
		assertThat(ticket.path("comments")).hasSize(1);
		assertThat(ticket.path("comments").get(0).path("content").asString()).contains("reproduce");
		assertThat(ticket.path("comments").get(0).path("author").asString()).isEqualTo(dev.name());
		assertThat(ticket.toString()).doesNotContain("Ordinary team chat", "Secret internal note", dev.email());
		String page = this.portal.getPage(PortalFixture.path(receipt.path("tracking_url").asString())).body();
		assertThat(page).contains("<strong>reproduce</strong>")
			.doesNotContain("Ordinary team chat", "Secret internal note");

		List<MimeMessage> mail = this.portal.mailTo(email);
		assertThat(mail).hasSize(2);
		String reply = PortalFixture.text(mail.get(1));
		assertThat(reply).contains("reproduce").doesNotContain("Ordinary team chat", "Secret internal note");
		assertThat(reply).contains("/portal/tickets/" + receipt.path("ticket").asString() + "?token=");

		Api.Response moved = this.api.patch("/api/bugs/" + bug, dev.token(), Map.of("status", "in_progress"));
		assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
		assertThat(this.portal.ticket(receipt).path("status").asString()).isEqualTo("fix_in_progress");
		mail = this.portal.mailTo(email);
		assertThat(mail).hasSize(3);
		assertThat(PortalFixture.text(mail.get(2))).contains("Your report is now: Fix in progress");
		assertThat(mail.get(2).getHeader("List-Unsubscribe")).isNotNull();
	}

	@Test
	void theReporterAddsInformationAndStopsTheEmails() {
		PortalFixture.Project project = this.portal.openPortal(false);
		String email = PortalFixture.newEmail();
		JsonNode receipt = this.portal.file(project.key(), email, "Slow search");
		String ticket = receipt.path("ticket").asString();
		String token = PortalFixture.token(receipt.path("tracking_url").asString());
		HttpResponse<String> added = this.portal.postForm("/portal/tickets/" + ticket + "/messages",
				Map.of("token", token, "message", "It also happens on my phone"));
		assertThat(added.statusCode()).isEqualTo(302);
		JsonNode view = this.portal.ticket(receipt);
		assertThat(view.path("comments").get(0).path("from_you").asBoolean()).isTrue();
		assertThat(view.path("comments").get(0).path("author").asString()).isEqualTo("You");
		String bug = bugs(project).get(0).path("id").asString();
		JsonNode comments = this.api.get("/api/bugs/" + bug + "/comments", project.admin().token()).body();
		assertThat(comments.path("items").get(0).path("content").asString()).isEqualTo("It also happens on my phone");
		assertThat(this.portal
			.postForm("/portal/tickets/" + ticket + "/messages", Map.of("token", "wrong", "message", "x"))
			.statusCode()).isEqualTo(404);

		int before = this.portal.mailTo(email).size();
		assertThat(
				this.portal.postForm("/portal/tickets/" + ticket + "/unsubscribe", Map.of("token", token)).statusCode())
			.isEqualTo(200);
		this.api.post("/api/bugs/" + bug + "/comments", project.admin().token(),
				Map.of("content", "Fixed soon", "visible_to_reporter", true));
		assertThat(this.portal.mailTo(email)).hasSize(before);
	}

	@Test
	void theReportersEmailIsShownToAdminsAndDevelopersOnly() {
		PortalFixture.Project project = this.portal.openPortal(false);
		String email = PortalFixture.newEmail();
		this.portal.file(project.key(), email, "Login loop");
		String bug = bugs(project).get(0).path("id").asString();
		String key = bugs(project).get(0).path("key").asString();
		TestUser dev = this.api.newUser("pdev");
		TestUser qa = this.api.newUser("pqa");
		TestUser viewer = this.api.newUser("pviewer");
		this.api.addMember(project.admin(), project.key(), dev, "developer");
		this.api.addMember(project.admin(), project.key(), qa, "qa");
		this.api.addMember(project.admin(), project.key(), viewer, "viewer");

		for (TestUser sees : List.of(project.admin(), dev)) {
			Api.Response info = this.api.get("/api/bugs/" + bug + "/portal", sees.token());
			assertThat(info.body().path("email").asString()).isEqualTo(email);
		}
		for (TestUser blind : List.of(qa, viewer)) {
			Api.Response info = this.api.get("/api/bugs/" + bug + "/portal", blind.token());
			assertThat(info.status()).isEqualTo(200);
			assertThat(info.raw()).doesNotContain(email);
			assertThat(info.body().has("email")).isFalse();
			assertThat(this.api.get("/api/bugs/" + bug, blind.token()).raw()).doesNotContain(email);
			assertThat(this.api.get("/api/bugs/" + bug + "/history", blind.token()).raw()).doesNotContain(email);
			assertThat(this.api.get("/api/projects/" + project.key() + "/bugs/export.csv", blind.token()).raw())
				.doesNotContain(email);
		}
		assertThat(this.api.get("/api/bugs/" + bug, project.admin().token()).raw())
			.as("not a field of the bug for anyone")
			.doesNotContain(email);
		assertThat(key).startsWith(project.key());
	}

	@Test
	void anAdminMarksAReportAsSpam() {
		PortalFixture.Project project = this.portal.openPortal(false);
		String email = PortalFixture.newEmail();
		JsonNode receipt = this.portal.file(project.key(), email, "Buy cheap watches");
		String bug = bugs(project).get(0).path("id").asString();
		TestUser dev = this.api.newUser("pdev");
		this.api.addMember(project.admin(), project.key(), dev, "developer");
		assertThat(this.api.post("/api/bugs/" + bug + "/portal/spam", dev.token(), null).status()).isEqualTo(403);
		assertThat(this.api.post("/api/bugs/" + bug + "/portal/spam", project.admin().token(), null).status())
			.isEqualTo(204);
		assertThat(bugs(project)).isEmpty();
		assertThat(this.api
			.get("/api/portal/tickets/" + receipt.path("ticket").asString() + "?token="
					+ PortalFixture.token(receipt.path("tracking_url").asString()), null)
			.status()).isEqualTo(404);
		String ip = PortalFixture.newAddress();
		Api.Response again = this.portal.send(project.key(), ip, this.portal.report(project.key(), ip, email, "Again"));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.body().path("errors").get(0).path("field").asString()).isEqualTo("email");
	}

	private List<JsonNode> bugs(PortalFixture.Project project) {
		JsonNode items = this.api.get("/api/projects/" + project.key() + "/bugs", project.admin().token())
			.body()
			.path("items");
		List<JsonNode> list = new java.util.ArrayList<>();
		items.forEach(list::add);
		return list;
	}

}
