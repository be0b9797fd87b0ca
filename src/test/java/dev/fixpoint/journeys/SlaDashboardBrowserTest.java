package dev.fixpoint.journeys;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.fixpoint.sla.SlaEscalations;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A lead checks the SLA dashboard after six weeks of work, follows "Breached" to the
 * filtered bug list, and sees the SLA badges. Screenshots at desktop and phone width,
 * light and dark, in target/screenshots/sla.
 */
class SlaDashboardBrowserTest extends BrowserTest {

	@Autowired
	SlaEscalations escalations;

	private TestUser lead;

	private String key;

	@Test
	void theLeadFollowsBreachedBugsFromTheDashboardToTheList() {
		sixWeeksOfBugs();
		signIn(this.page, this.lead);
		this.page.navigate(baseUrl() + "/p/" + this.key + "/sla");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("SLA"))).isVisible();
		assertThat(this.page.locator(".sla-chart polyline")).not().hasCount(0);
		assertThat(this.page.locator(".sla-stat-breached .sla-stat-value")).hasText("1");
		for (String variant : List.of("desktop", "desktop-dark", "phone", "phone-dark")) {
			shoot(variant, "/p/" + this.key + "/sla", "dashboard");
			shoot(variant, "/p/" + this.key + "/bugs", "list");
		}

		this.page.locator(".sla-stat-breached").click();
		assertThat(this.page).hasURL(java.util.regex.Pattern.compile("/bugs\\?sla=breached$"));
		assertThat(this.page.locator("tbody tr")).hasCount(1);
		assertThat(this.page.locator("tbody .sla-breached")).containsText("Breached");
		assertThat(this.page.getByLabel("SLA", new Page.GetByLabelOptions().setExact(true))).hasValue("breached");
	}

	private void shoot(String variant, String path, String name) {
		Browser.NewContextOptions options = new Browser.NewContextOptions()
			.setColorScheme(variant.endsWith("dark") ? ColorScheme.DARK : ColorScheme.LIGHT);
		if (variant.startsWith("phone")) {
			options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true);
		}
		else {
			options.setViewportSize(1280, 800);
		}
		Page other = anotherBrowser(options);
		signIn(other, this.lead);
		other.navigate(baseUrl() + path);
		screenshot(other, "sla/" + name + "-" + variant);
	}

	/**
	 * Six weekly batches, some fixed in time and some late, then today's open bugs: one
	 * breached, one at risk.
	 */
	private void sixWeeksOfBugs() {
		this.lead = this.api.newPerson("Sam Carter");
		this.key = "SLA" + (int) (Math.random() * 9000 + 1000);
		this.api.post("/api/projects", this.lead.token(), Map.of("name", "Web Shop", "key", this.key));
		TestUser dev = this.api.newPerson("Priya Natarajan");
		this.api.addMember(this.lead, this.key, dev, "developer");
		this.clock.advance(Duration.ofDays(-42));
		String[][] weeks = { { "critical", "high", "medium" }, { "critical", "high" }, { "high", "medium", "critical" },
				{ "critical", "medium" }, { "high", "critical", "high" }, { "medium", "critical" } };
		for (int w = 0; w < weeks.length; w++) {
			for (int i = 0; i < weeks[w].length; i++) {
				String bug = bug(weeks[w][i] + " bug " + (w + 1) + "." + (i + 1), weeks[w][i], dev);
				this.clock.advance(Duration.ofHours((w + i) % 3 == 0 ? 30 : 2));
				this.api.patch("/api/bugs/" + bug, dev.token(), Map.of("status", "resolved", "resolution", "fixed"));
			}
			this.clock.advance(Duration.ofDays(7));
		}
		this.clock.reset();
		bug("Checkout button does nothing on Safari 18", "critical", dev);
		this.clock.advance(Duration.ofHours(5));
		bug("Order confirmation email shows the wrong currency", "high", dev);
		bug("Invoice PDF cuts off long company names", "medium", null);
		bug("Product images are blurry on retina displays", "low", null);
		this.clock.advance(Duration.ofHours(19));
		this.escalations.escalate(this.clock.instant());
	}

	private String bug(String title, String severity, TestUser assignee) {
		Api.Response r = this.api.post("/api/projects/" + this.key + "/bugs", this.lead.token(), Api.body("title",
				title, "severity", severity, "assignee_id", assignee == null ? null : assignee.id().toString()));
		if (r.status() != 201) {
			throw new IllegalStateException("bug creation failed: " + r.raw());
		}
		return r.body().get("key").asString();
	}

}
