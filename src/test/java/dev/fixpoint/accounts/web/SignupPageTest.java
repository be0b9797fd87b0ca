package dev.fixpoint.accounts.web;

import java.util.Map;
import java.util.UUID;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignupPageTest extends IntegrationTest {

	@Test
	void signingUpLandsSignedInOnTheNewProjectForm() {
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		String unique = "sam" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(browser.get("/signup").status()).isEqualTo(200);

		Page signedUp = browser.post("/signup", Map.of("name", "Sam Signup", "username", unique, "email",
				unique + "@example.com", "password", Api.PASSWORD, "organizationName", ""));

		assertThat(signedUp.isRedirectTo("/projects/new")).isTrue();
		Page projects = browser.get("/projects");
		assertThat(projects.status()).isEqualTo(200);
		assertThat(projects.body()).contains("@" + unique).contains("Create your first project");
	}

	@Test
	void invalidSignupIsShownAgainWithInlineErrorsAndTheTypedValues() {
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		browser.get("/signup");

		Page retry = browser.post("/signup", Map.of("name", "Typed Name", "username", "typed-name", "email",
				"not-an-email", "password", "short-pw"));

		assertThat(retry.status()).isEqualTo(400);
		assertThat(retry.body()).contains("value=\"Typed Name\"")
			.contains("value=\"typed-name\"")
			.contains("Email must be a valid email address")
			.contains("Password must be at least 10 characters")
			.doesNotContain("short-pw");
	}

	@Test
	void takenEmailIsReportedNextToTheField() {
		TestUser existing = this.api.newUser("Taken");
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		browser.get("/signup");

		Page retry = browser.post("/signup",
				Map.of("name", "Second Try", "username", "second" + UUID.randomUUID().toString().substring(0, 8),
						"email", existing.email(), "password", Api.PASSWORD));

		assertThat(retry.status()).isEqualTo(409);
		assertThat(retry.body()).contains("Email is already registered").contains("value=\"Second Try\"");
	}

}
