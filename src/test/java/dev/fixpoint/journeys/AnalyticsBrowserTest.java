package dev.fixpoint.journeys;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A lead opens the project's analytics after three weeks of work, switches the range to 7
 * days, then clicks a bar of "Open bugs by severity" and lands on the filtered bug list.
 * Screenshots at desktop and phone width, light and dark, in
 * target/screenshots/analytics.
 */
class AnalyticsBrowserTest extends BrowserTest {

	private TestUser lead;

	private String key;

	@Test
	void theLeadChangesTheRangeAndClicksThroughToTheList() {
		threeWeeksOfBugs();
		signIn(this.page, this.lead);
		this.page.navigate(baseUrl() + "/p/" + this.key + "/analytics");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Analytics"))).isVisible();
		assertThat(this.page.locator("nav.project-nav a.active")).hasText("Analytics");
		assertThat(this.page.locator("#an-chart-trend svg")).isVisible();
		assertThat(this.page.locator("#an-chart-trend")).not().isEmpty();
		for (String variant : List.of("desktop", "desktop-dark", "phone", "phone-dark")) {
			shoot(variant, "/p/" + this.key + "/analytics", "dashboard");
		}

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("7 days")).click();
		LocalDate today = this.clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
		assertThat(this.page).hasURL(Pattern.compile("from=" + today.minusDays(6) + "&to=" + today));
		assertThat(this.page.locator(".an-presets .chip.active")).hasText("7 days");
		this.page.locator("#an-chart-trend").locator("xpath=..").getByText("Data table").click();
		assertThat(this.page.locator("#an-chart-trend ~ details tbody tr")).hasCount(7);

		// the "critical" bar of the severity chart (its first category, one bug)
		clickBar("an-chart-severity", 0, 0.5);
		assertThat(this.page).hasURL(Pattern.compile("/p/" + this.key + "/bugs\\?status=.*&severity=critical$"));
		assertThat(this.page.locator("tbody tr")).hasCount(1);
		assertThat(this.page.locator("tbody")).containsText("Checkout button does nothing");

		// a resolved count leads to the bugs resolved in that period (the resolved-date
		// filter)
		this.page.navigate(baseUrl() + "/p/" + this.key + "/analytics?from=" + today.minusDays(6) + "&to=" + today);
		this.page.locator("#an-chart-trend").locator("xpath=..").getByText("Data table").click();
		Locator resolved = this.page.locator("#an-chart-trend ~ details tbody td:nth-child(3) a")
			.filter(new Locator.FilterOptions().setHasNotText(Pattern.compile("^0$")))
			.first();
		int count = Integer.parseInt(resolved.textContent().strip());
		resolved.click();
		assertThat(this.page).hasURL(Pattern.compile("/p/" + this.key + "/bugs\\?resolved_from=.*&resolved_to="));
		assertThat(this.page.locator("#f-resolved-from")).not().hasValue("");
		assertThat(this.page.locator("tbody tr")).hasCount(count);

		// an export shows its progress and saves the file
		this.page.navigate(baseUrl() + "/p/" + this.key + "/analytics");
		Download csv = this.page.waitForDownload(() -> this.page.locator("a.an-export").first().click());
		assertThat(this.page.locator("#an-progress-text")).containsText("CSV export ready");
		org.assertj.core.api.Assertions.assertThat(csv.suggestedFilename()).startsWith("analytics-" + this.key);
		Download pdf = this.page.waitForDownload(() -> this.page.locator("a.an-export").nth(1).click());
		assertThat(this.page.locator("#an-progress-text")).containsText(Pattern.compile("PDF export ready: .* KB"));
		org.assertj.core.api.Assertions.assertThat(pdf.suggestedFilename()).endsWith(".pdf");
	}

	/**
	 * Clicks the bar of {@code category} at height {@code value}, where ECharts drew it.
	 */
	private void clickBar(String chartId, int category, double value) {
		this.page.locator("#" + chartId + " svg").waitFor();
		this.page.locator("#" + chartId).scrollIntoViewIfNeeded();
		@SuppressWarnings("unchecked")
		List<Number> xy = (List<Number>) this.page.evaluate(
				"([id, c, v]) => echarts.getInstanceByDom("
						+ "document.getElementById(id)).convertToPixel({ seriesIndex: 0 }, [c, v])",
				List.of(chartId, category, value));
		var box = this.page.locator("#" + chartId).boundingBox();
		this.page.mouse().click(box.x + xy.get(0).doubleValue(), box.y + xy.get(1).doubleValue());
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
		other.locator("#an-chart-age svg").waitFor();
		screenshot(other, "analytics/" + name + "-" + variant);
	}

	/**
	 * Three weeks: bugs filed every day, most fixed within a day or two, one reopened.
	 */
	private void threeWeeksOfBugs() {
		this.lead = this.api.newPerson("Sam Carter");
		this.key = "AN" + (int) (Math.random() * 9000 + 1000);
		this.api.post("/api/projects", this.lead.token(), Map.of("name", "Web Shop", "key", this.key));
		TestUser dev = this.api.newPerson("Priya Natarajan");
		this.api.addMember(this.lead, this.key, dev, "developer");
		this.api.post("/api/projects/" + this.key + "/components", this.lead.token(), Map.of("name", "Checkout"));
		this.clock.advance(Duration.ofDays(-21));
		String[] severities = { "high", "medium", "low", "medium", "high", "medium", "low" };
		for (int day = 0; day < 21; day++) {
			String bug = bug("Bug of day " + (day + 1), severities[day % severities.length], dev, day % 3 == 0);
			this.clock.advance(Duration.ofHours(day % 4 == 0 ? 30 : 6));
			if (day % 5 != 4) {
				this.api.patch("/api/bugs/" + bug, dev.token(), Map.of("status", "in_progress"));
				this.clock.advance(Duration.ofHours(3));
				this.api.patch("/api/bugs/" + bug, dev.token(), Map.of("status", "resolved", "resolution", "fixed"));
				if (day == 6) {
					this.api.patch("/api/bugs/" + bug, this.lead.token(), Map.of("status", "open"));
				}
			}
			this.clock.advance(Duration.ofHours(day % 4 == 0 ? -12 : 15));
		}
		this.clock.reset();
		bug("Checkout button does nothing on Safari 18", "critical", dev, true);
	}

	private String bug(String title, String severity, TestUser assignee, boolean checkout) {
		Api.Response r = this.api.post("/api/projects/" + this.key + "/bugs", this.lead.token(),
				Api.body("title", title, "severity", severity, "assignee_id",
						assignee == null ? null : assignee.id().toString(), "component", checkout ? "Checkout" : null,
						"tags", checkout ? List.of("payments") : List.of()));
		if (r.status() != 201) {
			throw new IllegalStateException("bug creation failed: " + r.raw());
		}
		return r.body().get("key").asString();
	}

}
