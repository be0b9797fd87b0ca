package dev.fixpoint.journeys;

import java.util.Map;

import dev.fixpoint.forge.ForgeDeliveries;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A project admin links a GitHub repository, sees the webhook URL and the secret once; a
 * signed merged pull request (sent over real HTTP) resolves the bug, whose page shows the
 * pull request and "GitHub" in its history. Screenshots in target/screenshots/forge.
 */
class ForgeBrowserTest extends BrowserTest {

	@Test
	void aMergedPullRequestResolvesTheBugAndShowsOnItsPage() {
		TestUser admin = this.api.newPerson("Dana Whitfield");
		String key = "GH" + (int) (Math.random() * 9000 + 1000);
		this.api.post("/api/projects", admin.token(), Map.of("name", "Web Shop", "key", key));
		this.api.newBug(admin, key, "Checkout button does nothing on Safari", "high");
		String repo = "octo-shop/web-" + key.toLowerCase();

		signIn(this.page, admin);
		open("/p/" + key + "/settings/integrations");
		this.page.locator("#link-repository").fill(repo);
		this.page.locator("#link-form button[type=submit]").click();
		assertThat(this.page.locator("#webhook-secret")).containsText(repo);
		String secret = this.page.locator("#webhook-secret-value").innerText().strip();
		assertThat(this.page.locator(".integration-link")).containsText("/api/webhooks/github");
		assertThat(this.page.locator(".integration-link")).containsText("application/json");

		ForgeDeliveries forge = new ForgeDeliveries(baseUrl());
		ObjectNode merged = forge.example("github/pull_request.closed-unmerged.json", p -> {
			ForgeDeliveries.at(p, "repository").put("full_name", repo);
			ObjectNode pr = ForgeDeliveries.at(p, "pull_request");
			pr.put("merged", true).put("title", "Fix the Safari checkout").put("body", "Fixes " + key + "-1");
			ForgeDeliveries.at(pr, "head").put("ref", "fix/" + key.toLowerCase() + "-1-safari");
		});
		org.assertj.core.api.Assertions.assertThat(forge.github("pull_request", merged, secret).status())
			.isEqualTo(200);

		open("/bugs/" + key + "-1");
		assertThat(this.page.locator("#linked-code")).containsText("#2 Fix the Safari checkout");
		assertThat(this.page.locator("#linked-code")).containsText("merged");
		assertThat(this.page.locator(".bug-side .status-box")).containsText("Resolved");
		assertThat(this.page.locator("body")).containsText("GitHub");

		open("/p/" + key + "/settings/integrations");
		assertThat(this.page.locator(".delivery-log")).containsText("resolved");
		for (Look look : LOOKS) {
			screenshotAs(admin, look, "/p/" + key + "/settings/integrations", "forge/settings");
			screenshotAs(admin, look, "/bugs/" + key + "-1", "forge/bug");
		}
	}

}
