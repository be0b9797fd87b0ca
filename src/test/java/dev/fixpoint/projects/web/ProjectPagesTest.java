package dev.fixpoint.projects.web;

import java.util.Map;
import java.util.UUID;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectPagesTest extends IntegrationTest {

	@Test
	void aNewProjectAppearsInTheListAndTheSwitcher() {
		BrowserSession browser = signedIn(this.api.newUser("Pia"));
		assertThat(browser.get("/").body()).as("My work").contains("Create your first project");
		assertThat(browser.get("/projects").body()).contains("Create your first project");
		String key = uniqueKey();
		browser.get("/projects/new");

		Page created = browser.post("/projects", Map.of("name", "Web Shop", "key", key.toLowerCase(), "description",
				"The storefront", "isPublic", "true"));

		assertThat(created.isRedirectTo("/p/" + key + "/bugs")).isTrue();
		assertThat(browser.get("/projects").body()).contains(key)
			.contains("Web Shop")
			.contains("The storefront")
			.contains("role-admin");
		Page switcher = browser.get("/projects/switcher");
		assertThat(switcher.body()).doesNotContain("<html")
			.contains(key)
			.contains("All projects")
			.contains("New project");
	}

	@Test
	void anInvalidProjectIsShownAgainWithTheTypedValues() {
		BrowserSession browser = signedIn(this.api.newUser("Pia"));
		browser.get("/projects/new");

		Page retry = browser.post("/projects", Map.of("name", "Typed Project", "key", "1X", "description", "kept"));

		assertThat(retry.status()).isEqualTo(400);
		assertThat(retry.body()).contains("Key must be 2–10 uppercase letters or digits")
			.contains("value=\"Typed Project\"")
			.contains(">kept</textarea>");
	}

	private BrowserSession signedIn(TestUser user) {
		return BrowserSession.signedIn(baseUrl(), this.api, user);
	}

	private static String uniqueKey() {
		return "W" + UUID.randomUUID()
			.toString()
			.replace("-", "")
			.substring(0, 6)
			.toUpperCase()
			.replaceAll("[^A-Z0-9]", "X");
	}

}
