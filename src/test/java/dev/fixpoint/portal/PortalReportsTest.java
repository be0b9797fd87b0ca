package dev.fixpoint.portal;

import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sending reports through the portal's API: what is refused (closed portals, the
 * honeypot, unsolved challenges, floods, oversized input) and what a filed report
 * becomes.
 */
class PortalReportsTest extends IntegrationTest {

	@Autowired
	ApplicationContext context;

	PortalFixture portal;

	@BeforeEach
	void fixture() {
		this.portal = new PortalFixture(this.api, baseUrl(), this.context, this.clock);
	}

	@Test
	void aReportWithoutConfirmationIsFiledAsAPortalBugWithARandomTicket() {
		PortalFixture.Project project = this.portal.openPortal(false);
		JsonNode receipt = this.portal.file(project.key(), PortalFixture.newEmail(), "Saving fails");

		assertThat(receipt.path("ticket").asString()).matches(project.key() + "-[0-9A-HJKMNP-TV-Z]{6}");
		assertThat(receipt.path("tracking_url").asString())
			.contains("/portal/tickets/" + receipt.path("ticket").asString() + "?token=");
		JsonNode bugs = this.api.get("/api/projects/" + project.key() + "/bugs", project.admin().token()).body();
		assertThat(bugs.path("items")).hasSize(1);
		JsonNode bug = bugs.path("items").get(0);
		assertThat(bug.path("title").asString()).isEqualTo("Saving fails");
		assertThat(bug.path("reporter").path("name").asString()).isEqualTo("Portal");
		assertThat(bug.path("tags").toString()).contains("portal");
		assertThat(bug.path("environment").path("browser").asString()).isEqualTo("Firefox");
		JsonNode ticket = this.portal.ticket(receipt);
		assertThat(ticket.path("status").asString()).isEqualTo("investigating");
		assertThat(ticket.path("title").asString()).isEqualTo("Saving fails");
	}

	@Test
	void ticketsDoNotCountReports() {
		PortalFixture.Project project = this.portal.openPortal(false);
		String first = this.portal.file(project.key(), PortalFixture.newEmail(), "One").path("ticket").asString();
		String second = this.portal.file(project.key(), PortalFixture.newEmail(), "Two").path("ticket").asString();
		assertThat(first).isNotEqualTo(second);
		assertThat(first.substring(first.indexOf('-') + 1)).isNotEqualTo("000001");
	}

	@Test
	void aClosedOrPrivatePortalIsNotFound() {
		Api.TestUser owner = this.api.newUser("closed");
		JsonNode priv = this.api.newProject(owner);
		String key = priv.path("key").asString();
		this.api.put("/api/projects/" + key + "/portal", owner.token(), Map.of("enabled", true));
		assertThat(this.api.get("/api/portal/" + key + "/challenge", null).status()).isEqualTo(404);
		assertThat(this.portal.getPage("/portal/" + key).statusCode()).isEqualTo(404);

		PortalFixture.Project open = this.portal.openPortal(true);
		this.api.put("/api/projects/" + open.key() + "/portal", open.admin().token(), Map.of("enabled", false));
		assertThat(this.api.get("/api/portal/" + open.key() + "/challenge", null).status()).isEqualTo(404);
		assertThat(this.api.post("/api/portal/" + open.key() + "/reports", null, Map.of()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/portal/NOPE1/challenge", null).status()).isEqualTo(404);
	}

	@Test
	void aFilledHoneypotIsRefused() {
		PortalFixture.Project project = this.portal.openPortal(false);
		String ip = PortalFixture.newAddress();
		Map<String, Object> body = this.portal.report(project.key(), ip, PortalFixture.newEmail(), "Bot");
		body.put("website", "http://spam.example");
		Api.Response r = this.portal.send(project.key(), ip, body);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.body().path("errors").get(0).path("field").asString()).isEqualTo("website");
		assertThat(bugCount(project)).isZero();
	}

	@Test
	void anUnknownFieldIsRefusedLikeEverywhere() {
		PortalFixture.Project project = this.portal.openPortal(false);
		String ip = PortalFixture.newAddress();
		Map<String, Object> body = this.portal.report(project.key(), ip, PortalFixture.newEmail(), "Extra");
		body.put("severity", "critical");
		Api.Response r = this.portal.send(project.key(), ip, body);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.raw()).contains("severity");
	}

	@Test
	void theChallengeMustBeSolvedOnce() {
		PortalFixture.Project project = this.portal.openPortal(false);
		String ip = PortalFixture.newAddress();
		Map<String, Object> missing = this.portal.report(project.key(), ip, PortalFixture.newEmail(), "No challenge");
		missing.remove("challenge");
		missing.remove("answer");
		assertThat(field(this.portal.send(project.key(), ip, missing))).isEqualTo("challenge");

		Map<String, Object> wrong = this.portal.report(project.key(), ip, PortalFixture.newEmail(), "Wrong answer");
		wrong.put("answer", "1000");
		assertThat(field(this.portal.send(project.key(), ip, wrong))).isEqualTo("challenge");

		Map<String, Object> forged = this.portal.report(project.key(), ip, PortalFixture.newEmail(), "Forged");
		forged.put("challenge", "9999999999.AAAAAAAAAAAAAAAA.forged");
		assertThat(field(this.portal.send(project.key(), ip, forged))).isEqualTo("challenge");

		JsonNode c = this.portal.challenge(project.key(), ip);
		Map<String, Object> worked = this.portal.report(project.key(), ip, PortalFixture.newEmail(), "Proof of work");
		worked.remove("answer");
		worked.put("challenge", c.path("challenge").asString());
		worked.put("nonce", PortalFixture.solve(c.path("challenge").asString(), c.path("difficulty").asInt()));
		assertThat(this.portal.send(project.key(), ip, worked).status()).isEqualTo(201);
		assertThat(field(this.portal.send(project.key(), ip, worked))).as("a challenge answers once")
			.isEqualTo("challenge");
	}

	@Test
	void floodsFromOneAddressOrOneEmailAreLimitedWith429AndRetryAfter() {
		PortalFixture.Project project = this.portal.openPortal(false);
		String ip = PortalFixture.newAddress();
		Api.Response last = null;
		for (int i = 0; i < 11; i++) {
			last = this.portal.send(project.key(), ip,
					this.portal.report(project.key(), ip, PortalFixture.newEmail(), "Flood " + i));
			if (i < 10) {
				assertThat(last.status()).as("report %d", i).isEqualTo(201);
				assertThat(last.header("RateLimit-Remaining")).isEqualTo(String.valueOf(9 - i));
			}
		}
		assertThat(last.status()).isEqualTo(429);
		assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();

		String email = PortalFixture.newEmail();
		Api.Response byEmail = null;
		for (int i = 0; i < 6; i++) {
			String other = PortalFixture.newAddress();
			byEmail = this.portal.send(project.key(), other,
					this.portal.report(project.key(), other, email, "Same " + i));
		}
		assertThat(byEmail.status()).isEqualTo(429);
		assertThat(byEmail.header("Retry-After")).isNotBlank();
	}

	@Test
	void everyFieldHasASizeLimitAndTheBodyOne() {
		PortalFixture.Project project = this.portal.openPortal(false);
		String ip = PortalFixture.newAddress();
		Map<String, Object> body = this.portal.report(project.key(), ip, PortalFixture.newEmail(), "x".repeat(201));
		body.put("description", "y".repeat(10_001));
		body.put("email", "not-an-email");
		Api.Response r = this.portal.send(project.key(), ip, body);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.raw()).contains("\"title\"").contains("\"description\"").contains("\"email\"");

		Map<String, Object> huge = this.portal.report(project.key(), ip, PortalFixture.newEmail(), "Huge");
		huge.put("description", "z".repeat(2_000_000));
		assertThat(this.portal.send(project.key(), ip, huge).status()).isEqualTo(413);
	}

	@Test
	void htmlInAReportIsShownAsText() {
		PortalFixture.Project project = this.portal.openPortal(false);
		JsonNode receipt = this.portal.file(project.key(), PortalFixture.newEmail(), "<script>alert(1)</script>");
		String page = this.portal.getPage(PortalFixture.path(receipt.path("tracking_url").asString())).body();
		assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	private int bugCount(PortalFixture.Project project) {
		return this.api.get("/api/projects/" + project.key() + "/bugs", project.admin().token())
			.body()
			.path("items")
			.size();
	}

	private static String field(Api.Response r) {
		assertThat(r.status()).as(r.raw()).isEqualTo(400);
		return r.body().path("errors").get(0).path("field").asString();
	}

}
