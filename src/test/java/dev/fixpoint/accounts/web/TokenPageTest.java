package dev.fixpoint.accounts.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenPageTest extends IntegrationTest {

	private static final Pattern SECRET = Pattern.compile("<code id=\"new-token-secret\">(fxp_[^<]+)</code>");

	private static final Pattern DELETE = Pattern.compile("action=\"(/settings/tokens/[0-9a-f-]+/delete)\"");

	@Test
	void aCreatedTokenIsShownOnceWorksAndCanBeDeleted() {
		TestUser ann = this.api.newUser("Ann");
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		browser.signIn(ann.email(), Api.PASSWORD);
		browser.get("/settings/tokens");

		Page created = browser.post("/settings/tokens", Map.of("name", "CI runner", "expiresInDays", "30"));
		assertThat(created.isRedirectTo("/settings/tokens")).isTrue();
		Page withSecret = browser.follow(created);
		Matcher secret = SECRET.matcher(withSecret.body());
		assertThat(secret.find()).isTrue();
		assertThat(this.api.get("/api/me", secret.group(1)).status()).isEqualTo(200);
		assertThat(withSecret.body()).contains("CI runner");

		Page later = browser.get("/settings/tokens");
		assertThat(later.body()).contains("CI runner").doesNotContain(secret.group(1));

		Matcher delete = DELETE.matcher(later.body());
		assertThat(delete.find()).isTrue();
		Page deleted = browser.post(delete.group(1), Map.of());
		assertThat(deleted.isRedirectTo("/settings/tokens")).isTrue();
		assertThat(browser.follow(deleted).body()).contains("Token deleted.").doesNotContain("CI runner");
		assertThat(this.api.get("/api/me", secret.group(1)).status()).isEqualTo(401);
	}

	@Test
	void aTokenWithoutNameIsRefusedInline() {
		TestUser ann = this.api.newUser("Ann");
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		browser.signIn(ann.email(), Api.PASSWORD);
		browser.get("/settings/tokens");

		Page retry = browser.post("/settings/tokens", Map.of("name", " ", "expiresInDays", "7"));

		assertThat(retry.status()).isEqualTo(400);
		assertThat(retry.body()).contains("Name must be 1–100 characters").contains("value=\"7\"");
	}

}
