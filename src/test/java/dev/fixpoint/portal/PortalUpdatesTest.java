package dev.fixpoint.portal;

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
 * What a reporter hears is batched (issue 18: "batching applies"): a ticket's changes
 * within the batch window are one email in its thread, several tickets of one address are
 * one digest with a tracking and a stop link per ticket, and the digest's one-click
 * unsubscribe stops them all. Real SMTP (GreenMail).
 */
class PortalUpdatesTest extends IntegrationTest {

	@Autowired
	ApplicationContext context;

	PortalFixture portal;

	@BeforeEach
	void fixture() {
		this.portal = new PortalFixture(this.api, baseUrl(), this.context, this.clock);
	}

	@Test
	void aTicketsChangesWithinTheWindowAreOneEmail() throws Exception {
		PortalFixture.Project project = this.portal.openPortal(false);
		TestUser dev = developer(project);
		String email = PortalFixture.newEmail();
		JsonNode receipt = this.portal.file(project.key(), email, "Crash on upload");
		assertThat(this.portal.mailTo(email)).as("the ticket's first email").hasSize(1);
		String bug = bugId(project);

		reply(dev, bug, "We can reproduce it");
		this.api.patch("/api/bugs/" + bug, dev.token(), Map.of("status", "in_progress"));
		reply(dev, bug, "A fix is on its way");
		PortalWorkers.sendDue(this.context, this.clock.instant());
		assertThat(PortalFixture.received(email)).as("nothing before the batch window passed").hasSize(1);

		List<MimeMessage> mail = this.portal.mailTo(email);
		assertThat(mail).hasSize(2);
		String text = PortalFixture.text(mail.get(1));
		assertThat(PortalFixture.subject(mail.get(1)))
			.isEqualTo("[" + receipt.path("ticket").asString() + "] Crash on upload");
		assertThat(text).contains("Updates on your report")
			.contains("Your report is now: Fix in progress")
			.contains("We can reproduce it")
			.contains("A fix is on its way")
			.contains(dev.name());
		assertThat(mail.get(1).getHeader("List-Unsubscribe")[0])
			.contains("/portal/tickets/" + receipt.path("ticket").asString() + "/unsubscribe?token=");
		assertThat(mail.get(1).getHeader("In-Reply-To")).as("in the ticket's thread").isNotNull();
		assertThat(this.portal.mailTo(email)).as("each update is sent once").hasSize(2);
	}

	@Test
	void severalTicketsOfOneAddressBecomeOneDigest() throws Exception {
		PortalFixture.Project project = this.portal.openPortal(false);
		TestUser dev = developer(project);
		String email = PortalFixture.newEmail();
		JsonNode first = this.portal.file(project.key(), email, "Export is slow");
		JsonNode second = this.portal.file(project.key(), email.toUpperCase(java.util.Locale.ROOT), "Logo is blurry");
		assertThat(this.portal.mailTo(email)).hasSize(2);
		List<JsonNode> bugs = bugs(project);
		String exportBug = bugs.stream()
			.filter(b -> b.path("title").asString().equals("Export is slow"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		String logoBug = bugs.stream()
			.filter(b -> b.path("title").asString().equals("Logo is blurry"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();

		reply(dev, exportBug, "Which file size?");
		this.api.patch("/api/bugs/" + logoBug, dev.token(), Map.of("status", "in_progress"));
		this.api.post("/api/bugs/" + logoBug + "/comments", dev.token(), Map.of("content", "Team-only remark"));

		List<MimeMessage> mail = this.portal.mailTo(email);
		assertThat(mail).as("one digest for both tickets").hasSize(3);
		MimeMessage digest = mail.get(2);
		String text = PortalFixture.text(digest);
		assertThat(PortalFixture.subject(digest)).isEqualTo("Updates on your 2 reports");
		assertThat(text).contains(first.path("ticket").asString())
			.contains(second.path("ticket").asString())
			.contains("Which file size?")
			.contains("Now: Fix in progress")
			.doesNotContain("Team-only remark")
			.contains("/portal/tickets/" + first.path("ticket").asString() + "/unsubscribe?token=")
			.contains("/portal/tickets/" + second.path("ticket").asString() + "/unsubscribe?token=");
		String stopAll = digest.getHeader("List-Unsubscribe")[0].replaceAll("^<https?://[^/]+", "")
			.replaceAll(">$", "");
		assertThat(stopAll).startsWith("/portal/emails/unsubscribe?token=");

		assertThat(this.portal.getPage(stopAll).body()).contains("all of your reports");
		String forged = stopAll.substring(0, stopAll.length() - 3) + "AAA";
		assertThat(this.portal.postForm(forged, Map.of("List-Unsubscribe", "One-Click")).statusCode()).isEqualTo(404);
		assertThat(this.portal.postForm(stopAll, Map.of("List-Unsubscribe", "One-Click")).statusCode())
			.as("RFC 8058 one-click")
			.isEqualTo(200);
		reply(dev, exportBug, "Still there?");
		this.api.patch("/api/bugs/" + logoBug, dev.token(), Map.of("status", "resolved", "resolution", "fixed"));
		assertThat(this.portal.mailTo(email)).as("both tickets stopped").hasSize(3);
		assertThat(this.portal.ticket(second).path("email_updates").asBoolean()).isFalse();
	}

	@Test
	void aReplyMadeInternalBeforeTheEmailIsLeftOut() {
		PortalFixture.Project project = this.portal.openPortal(false);
		TestUser dev = developer(project);
		String email = PortalFixture.newEmail();
		this.portal.file(project.key(), email, "Typo on the pricing page");
		this.portal.mailTo(email);
		String bug = bugId(project);
		Api.Response reply = reply(dev, bug, "Oops, wrong audience");
		Api.Response edited = this.api.patch("/api/comments/" + reply.body().path("id").asString(), dev.token(),
				Map.of("visible_to_reporter", false));
		assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
		assertThat(this.portal.mailTo(email)).as("nothing left to tell").hasSize(1);
	}

	private TestUser developer(PortalFixture.Project project) {
		TestUser dev = this.api.newUser("pdev");
		this.api.addMember(project.admin(), project.key(), dev, "developer");
		return dev;
	}

	private Api.Response reply(TestUser dev, String bug, String text) {
		Api.Response r = this.api.post("/api/bugs/" + bug + "/comments", dev.token(),
				Map.of("content", text, "visible_to_reporter", true));
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r;
	}

	private String bugId(PortalFixture.Project project) {
		return bugs(project).get(0).path("id").asString();
	}

	private List<JsonNode> bugs(PortalFixture.Project project) {
		List<JsonNode> list = new java.util.ArrayList<>();
		this.api.get("/api/projects/" + project.key() + "/bugs", project.admin().token())
			.body()
			.path("items")
			.forEach(list::add);
		return list;
	}

}
