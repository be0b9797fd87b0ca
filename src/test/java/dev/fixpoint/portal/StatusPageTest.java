package dev.fixpoint.portal;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import jakarta.mail.internet.MimeMessage;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organization's status page: publishing with public wording, the plain words
 * following the bug, the JSON, the Atom feed (checked as XML against RFC 4287's required
 * elements) and subscribers with double opt-in.
 */
class StatusPageTest extends IntegrationTest {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	@Autowired
	ApplicationContext context;

	PortalFixture portal;

	@BeforeEach
	void fixture() {
		this.portal = new PortalFixture(this.api, baseUrl(), this.context, this.clock);
	}

	@Test
	void aPublishedBugShowsWithPublicWordingAndFollowsItsStatus() throws Exception {
		PortalFixture.Project project = this.portal.openPortal(false);
		TestUser admin = project.admin();
		JsonNode bug = this.api.newBug(admin, project.key(), "NPE in InvoiceExporter#render", "high");
		String id = bug.path("id").asString();
		Api.Response published = this.api.put("/api/bugs/" + id + "/status-entry", admin.token(), Map.of("public_title",
				"Invoices <b>cannot</b> be exported", "public_note", "Use CSV meanwhile.", "eta", "2027-01-15"));
		assertThat(published.status()).as(published.raw()).isEqualTo(200);

		JsonNode status = this.api.get("/api/status/" + project.orgSlug(), null).body();
		assertThat(status.path("open")).hasSize(1);
		JsonNode entry = status.path("open").get(0);
		assertThat(entry.path("title").asString()).isEqualTo("Invoices <b>cannot</b> be exported");
		assertThat(entry.path("severity").asString()).isEqualTo("high");
		assertThat(entry.path("status").asString()).isEqualTo("investigating");
		assertThat(entry.path("eta").asString()).isEqualTo("2027-01-15");
		assertThat(status.toString()).doesNotContain("InvoiceExporter", bug.path("key").asString());

		String page = this.portal.getPage("/status/" + project.orgSlug()).body();
		assertThat(page).contains("Invoices &lt;b&gt;cannot&lt;/b&gt; be exported").contains("Use CSV meanwhile.");

		this.api.patch("/api/bugs/" + id, admin.token(), Map.of("status", "in_progress"));
		assertThat(this.api.get("/api/status/" + project.orgSlug(), null)
			.body()
			.path("open")
			.get(0)
			.path("status")
			.asString()).isEqualTo("fix_in_progress");
		this.api.patch("/api/bugs/" + id, admin.token(), Map.of("status", "resolved", "resolution", "fixed"));
		JsonNode after = this.api.get("/api/status/" + project.orgSlug(), null).body();
		assertThat(after.path("open")).isEmpty();
		assertThat(after.path("recently_fixed").get(0).path("status").asString()).isEqualTo("fixed");

		Document feed = atom(this.portal.getPage("/status/" + project.orgSlug() + "/feed.atom").body());
		Element root = feed.getDocumentElement();
		assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
		assertThat(root.getLocalName()).isEqualTo("feed");
		for (String required : List.of("id", "title", "updated")) {
			assertThat(children(root, required)).as("feed/%s", required).hasSize(1);
		}
		NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
		assertThat(entries.getLength()).isEqualTo(1);
		Element item = (Element) entries.item(0);
		for (String required : List.of("id", "title", "updated")) {
			assertThat(children(item, required)).as("entry/%s", required).hasSize(1);
		}
		assertThat(children(item, "id").get(0).getTextContent()).startsWith("urn:uuid:");
		assertThat(children(item, "title").get(0).getTextContent()).contains("<b>cannot</b>").contains("Fixed");
		java.time.OffsetDateTime.parse(children(item, "updated").get(0).getTextContent());
	}

	@Test
	void theRssFeedListsTheSameEntriesEscapedWithRfc822Dates() throws Exception {
		PortalFixture.Project project = this.portal.openPortal(false);
		TestUser admin = project.admin();
		String nasty = "Checkout <script>alert(1)</script> & totals";
		for (String title : List.of(nasty, "Exports are slow")) {
			JsonNode bug = this.api.newBug(admin, project.key(), "internal " + title, "high");
			assertThat(this.api
				.put("/api/bugs/" + bug.path("id").asString() + "/status-entry", admin.token(),
						Map.of("public_title", title, "public_note", "Note & <b>bold</b>"))
				.status()).isEqualTo(200);
		}
		var response = this.portal.getPage("/status/" + project.orgSlug() + "/feed.rss");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rss+xml");
		assertThat(response.body()).contains("&lt;script&gt;").contains("&amp; totals").doesNotContain("<script>");

		Element rss = atom(response.body()).getDocumentElement();
		assertThat(rss.getLocalName()).isEqualTo("rss");
		assertThat(rss.getAttribute("version")).isEqualTo("2.0");
		Element channel = (Element) rss.getElementsByTagName("channel").item(0);
		for (String required : List.of("title", "link", "description")) {
			assertThat(channel.getElementsByTagName(required).getLength()).as("channel/%s", required).isPositive();
		}
		java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
			.parse(channel.getElementsByTagName("lastBuildDate").item(0).getTextContent());
		NodeList items = channel.getElementsByTagName("item");
		assertThat(items.getLength()).isEqualTo(2);
		List<String> titles = new java.util.ArrayList<>();
		for (int i = 0; i < items.getLength(); i++) {
			Element item = (Element) items.item(i);
			titles.add(item.getElementsByTagName("title").item(0).getTextContent());
			assertThat(item.getElementsByTagName("guid").item(0).getTextContent()).startsWith("urn:uuid:");
			assertThat(item.getElementsByTagName("link").item(0).getTextContent())
				.matches("https?://[^/]+/status/" + project.orgSlug() + "#entry-[0-9a-f-]{36}");
			assertThat(item.getElementsByTagName("description").item(0).getTextContent())
				.contains("Note & <b>bold</b>");
			java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
				.parse(item.getElementsByTagName("pubDate").item(0).getTextContent());
		}
		assertThat(titles).containsExactlyInAnyOrder(nasty + " (Investigating)", "Exports are slow (Investigating)");

		String page = this.portal.getPage("/status/" + project.orgSlug()).body();
		assertThat(page).contains("<link rel=\"alternate\" type=\"application/rss+xml\"")
			.contains("<link rel=\"alternate\" type=\"application/atom+xml\"")
			.contains("href=\"/status/" + project.orgSlug() + "/feed.rss\"");
	}

	@Test
	void onlyAdminsPublishAndAnOrganizationWithoutPublicProjectsHasNoPage() {
		PortalFixture.Project project = this.portal.openPortal(false);
		TestUser dev = this.api.newUser("sdev");
		this.api.addMember(project.admin(), project.key(), dev, "developer");
		JsonNode bug = this.api.newBug(dev, project.key(), "Dev bug", "low");
		assertThat(this.api
			.put("/api/bugs/" + bug.path("id").asString() + "/status-entry", dev.token(), Map.of("public_title", "x"))
			.status()).isEqualTo(403);
		assertThat(this.api
			.put("/api/bugs/" + bug.path("id").asString() + "/status-entry", project.admin().token(),
					Map.of("public_title", ""))
			.status()).isEqualTo(400);

		TestUser loner = this.api.newUser("loner");
		this.api.newProject(loner);
		String org = this.api.get("/api/me", loner.token()).body().path("organizations").get(0).path("slug").asString();
		assertThat(this.api.get("/api/status/" + org, null).status()).isEqualTo(404);
		assertThat(this.portal.getPage("/status/" + org).statusCode()).isEqualTo(404);
		assertThat(this.api.get("/api/status/no-such-org-anywhere", null).status()).isEqualTo(404);
	}

	@Test
	void subscribersConfirmByEmailAndThenHearOfUpdates() {
		PortalFixture.Project project = this.portal.openPortal(false);
		String email = PortalFixture.newEmail();
		assertThat(this.portal.postForm("/status/" + project.orgSlug() + "/subscribe", Map.of("email", email))
			.statusCode()).isEqualTo(302);
		List<MimeMessage> mail = this.portal.mailTo(email);
		assertThat(mail).hasSize(1);
		String confirm = PortalFixture.link(mail.get(0), "/status/" + project.orgSlug() + "/subscription");
		String token = confirm.replaceAll("^.*token=", "");

		JsonNode bug = this.api.newBug(project.admin(), project.key(), "Unconfirmed hears nothing", "medium");
		this.api.put("/api/bugs/" + bug.path("id").asString() + "/status-entry", project.admin().token(),
				Map.of("public_title", "First problem"));
		assertThat(this.portal.mailTo(email)).as("not confirmed yet").hasSize(1);

		assertThat(this.portal.getPage(confirm).body()).contains("Confirm the subscription");
		assertThat(this.portal.postForm("/status/" + project.orgSlug() + "/subscription", Map.of("token", token))
			.statusCode()).isEqualTo(200);
		JsonNode second = this.api.newBug(project.admin(), project.key(), "Second", "critical");
		this.api.put("/api/bugs/" + second.path("id").asString() + "/status-entry", project.admin().token(),
				Map.of("public_title", "Checkout is down"));
		mail = this.portal.mailTo(email);
		assertThat(mail).hasSize(2);
		assertThat(PortalFixture.subject(mail.get(1))).contains("Checkout is down");
		String unsubscribe = PortalFixture.link(mail.get(1), "/status/" + project.orgSlug() + "/unsubscribe");

		this.api.patch("/api/bugs/" + second.path("id").asString(), project.admin().token(),
				Map.of("status", "in_progress"));
		mail = this.portal.mailTo(email);
		assertThat(mail).hasSize(3);
		assertThat(PortalFixture.subject(mail.get(2))).contains("Fix in progress");

		assertThat(this.portal
			.postForm("/status/" + project.orgSlug() + "/unsubscribe",
					Map.of("token", unsubscribe.replaceAll("^.*token=", "")))
			.statusCode()).isEqualTo(200);
		this.api.patch("/api/bugs/" + second.path("id").asString(), project.admin().token(),
				Map.of("status", "resolved", "resolution", "fixed"));
		assertThat(this.portal.mailTo(email)).hasSize(3);
	}

	@Test
	void typingATitleOrALongDescriptionSuggestsKnownProblems() {
		PortalFixture.Project project = this.portal.openPortal(false);
		JsonNode bug = this.api.newBug(project.admin(), project.key(), "internal title", "high");
		this.api.put("/api/bugs/" + bug.path("id").asString() + "/status-entry", project.admin().token(),
				Map.of("public_title", "Password reset email never arrives"));
		String fragment = this.portal
			.postForm("/portal/" + project.key() + "/similar", Map.of("title", "password reset email"))
			.body();
		assertThat(fragment).contains("Is it one of these?").contains("Password reset email never arrives");
		assertThat(
				this.portal.postForm("/portal/" + project.key() + "/similar", Map.of("title", "invoice totals")).body())
			.doesNotContain("Is it one of these?");

		// posted, so a description as long as the form allows (10,000 characters) is
		// fine: 23 KB in UTF-8, 69 KB in a query string, more than a URL may carry
		String description = "密码重置邮件从未到达。".repeat(700);
		assertThat(description.length()).isLessThanOrEqualTo(10_000);
		assertThat(description.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(20 * 1024);
		HttpResponse<String> answer = this.portal.postForm("/portal/" + project.key() + "/similar",
				Map.of("title", "password reset email", "description", description));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("Password reset email never arrives");
	}

	private static Document atom(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new java.util.ArrayList<>();
		for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
				found.add(e);
			}
		}
		return found;
	}

}
