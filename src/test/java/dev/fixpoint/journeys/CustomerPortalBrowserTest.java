package dev.fixpoint.journeys;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import jakarta.mail.internet.MimeMessage;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.fixpoint.portal.PortalWorkers;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import dev.fixpoint.support.Inbox;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's journey through the public portal: files a report with a screenshot (the
 * browser solves the challenge), confirms by email, a developer answers with a comment
 * visible to the reporter and resolves the bug, and the customer's tracking page and
 * inbox show both; the status page lists a published bug. Screenshots of the portal,
 * tracking and status pages at desktop and phone width, light and dark, go to
 * target/screenshots/portal.
 */
class CustomerPortalBrowserTest extends BrowserTest {

	@Autowired
	ApplicationContext context;

	@Test
	void aCustomerReportsConfirmsAndFollowsTheirBug() throws Exception {
		TestUser admin = this.api.newPerson("Ada Admin");
		TestUser dev = this.api.newPerson("Dana Developer");
		String key = "C" + UUID.randomUUID().toString().replaceAll("[^A-Z0-9]", "").substring(0, 4).toUpperCase() + "X";
		Api.Response created = this.api.post("/api/projects", admin.token(),
				Map.of("name", "Acme Shop", "key", key, "is_public", true));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		this.api.addMember(admin, key, dev, "developer");
		this.api.put("/api/projects/" + key + "/portal", admin.token(),
				Map.of("enabled", true, "intro", "Something not working? Tell us and we will keep you posted."));
		String org = this.api.get("/api/me", admin.token()).body().path("organizations").get(0).path("slug").asString();
		String email = "jo-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";

		Page customer = anotherBrowser();
		customer.navigate(baseUrl() + "/portal/" + key);
		waitForHtmx(customer);
		screenshotAll("/portal/" + key, "form");
		customer.getByLabel("Title").fill("Checkout button does nothing");
		customer.getByLabel("What happened?").fill("I click **Pay** and nothing happens. <script>alert(1)</script>");
		assertThat(customer.getByLabel("Operating system")).not().hasValue("");
		customer.getByLabel("Screenshots or files").setInputFiles(new FilePayload("screen.png", "image/png", png()));
		customer.getByLabel("Your email").fill(email);
		customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report")).click();
		assertThat(customer.locator(".alert-ok")).containsText("we received your report");
		assertThat(customer.locator("#ticket-status")).hasText("Waiting for your confirmation");
		String ticket = customer.locator("#ticket-number").textContent();

		String link = Inbox.link(mailTo(email).get(0), "/portal/tickets/");
		customer.navigate(baseUrl() + link);
		customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my report")).click();
		assertThat(customer.locator(".alert-ok")).containsText("your email is confirmed");
		assertThat(customer.locator("#ticket-status")).hasText("Investigating");
		String tracking = customer.url().replaceAll("&confirmed$", "").replace(baseUrl(), "");

		JsonNode bug = this.api.get("/api/projects/" + key + "/bugs", dev.token()).body().path("items").get(0);
		String bugKey = bug.path("key").asString();
		assertThat(this.api.get("/api/bugs/" + bugKey + "/attachments", dev.token()).body().path("items")).hasSize(1);

		signIn(this.page, dev);
		this.page.navigate(baseUrl() + "/bugs/" + bugKey);
		assertThat(this.page.locator("#portal-ticket")).containsText(ticket);
		assertThat(this.page.locator("#portal-ticket")).containsText(email);
		this.page.locator("#new-comment-content").fill("Thanks! We found it: the **Pay** button lost its handler.");
		this.page.getByLabel("Visible to reporter").check();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Comment").setExact(true)).click();
		assertThat(this.page.locator(".badge-reporter")).hasCount(1);
		Api.Response resolved = this.api.patch("/api/bugs/" + bugKey, dev.token(),
				Map.of("status", "resolved", "resolution", "fixed"));
		assertThat(resolved.status()).as(resolved.raw()).isEqualTo(200);

		customer.navigate(baseUrl() + tracking);
		assertThat(customer.locator("#ticket-status")).hasText("Fixed");
		assertThat(customer.locator(".ticket-message")).hasCount(1);
		assertThat(customer.locator(".ticket-message strong").last()).hasText("Pay");
		screenshotAll(tracking, "ticket");
		List<String> subjects = mailTo(email).stream().map(Inbox::subject).toList();
		assertThat(subjects).as("the reply and the resolution, batched into one email").hasSize(2);
		assertThat(Inbox.text(mailTo(email).get(1))).contains("lost its handler").contains("Your report is now: Fixed");

		JsonNode other = this.api.newBug(admin, key, "Search index lag", "high");
		this.api.put("/api/bugs/" + other.path("id").asString() + "/status-entry", admin.token(),
				Map.of("public_title", "Search results can be a few minutes old", "public_note",
						"New products may take up to 10 minutes to appear in search.", "eta", "2027-01-20"));
		this.api.put("/api/bugs/" + bugKey + "/status-entry", admin.token(),
				Map.of("public_title", "Checkout button did not respond"));
		Page visitor = anotherBrowser();
		visitor.navigate(baseUrl() + "/status/" + org);
		assertThat(visitor.locator(".status-issues")).containsText("1 known problem");
		assertThat(visitor.locator(".status-entry h3").first()).hasText("Search results can be a few minutes old");
		assertThat(visitor.locator(".status-fixed")).containsText("Checkout button did not respond");
		screenshotAll("/status/" + org, "status");
	}

	/**
	 * The page at desktop and phone width, light and dark, in target/screenshots/portal.
	 */
	private void screenshotAll(String path, String name) {
		for (Look look : LOOKS) {
			Page page = anotherBrowser(look.options());
			page.navigate(baseUrl() + path);
			screenshot(page, "portal/" + name + "-" + look.name());
		}
	}

	private List<MimeMessage> mailTo(String address) {
		PortalWorkers.sendDue(this.context, this.clock.instant().plusSeconds(3600));
		return Inbox.of(address);
	}

	private static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(79, 70, 229));
		g.fillRect(0, 0, 320, 200);
		g.setColor(Color.WHITE);
		g.drawString("Pay button does nothing", 40, 100);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
