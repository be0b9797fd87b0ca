package dev.fixpoint.journeys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in a real Chromium with its virtual authenticator (DevTools' WebAuthn domain:
 * a platform authenticator with resident keys and user verification, as a phone or a
 * laptop's fingerprint reader is): register one on the security page, sign in with it
 * alone, use it as the second step after a password (and remember the device), rename and
 * remove it.
 */
class PasskeyBrowserTest extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void registerAPasskeyAndSignInWithIt() {
		TestUser ann = this.api.newPerson("Ann Passkey");
		String authenticator = virtualAuthenticator(this.page);
		signIn(this.page, ann);
		// the passkey's dates are the application clock's, not the WebAuthn library's
		this.clock.freeze();
		this.clock.advance(Duration.ofDays(3));
		Instant registered = this.clock.instant();
		open("/settings/security");
		assertThat(this.page.locator("#no-passkeys")).isVisible();
		this.page.getByLabel("Name of the new passkey").fill("Work laptop");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey")).click();
		// the page comes back with the new passkey listed (it was /settings/security, it
		// is
		// /settings/security#passkeys: a reload, not a scroll)
		assertThat(this.page.locator("#passkeys .passkey")).hasCount(1);
		assertThat(this.page.locator("#passkeys .passkey input[name=label]")).hasValue("Work laptop");
		assertThat(this.page.locator(".alert-ok")).containsText("Passkey added: Work laptop.");
		assertThat(credentials(this.page, authenticator)).isEqualTo(1);
		assertThat(passkeyTimes(ann)).containsExactly(registered, registered);
		screenshot(this.page, "PasskeyBrowserTest-security");

		JsonNode status = this.api.get("/api/me/2fa", ann.token()).body();
		assertThat(status.get("passkeys").asInt()).as("a passkey is a second factor").isEqualTo(1);
		assertThat(
				this.api.post("/api/auth/login", null, Map.of("email", ann.email(), "password", Api.PASSWORD)).status())
			.as("a script cannot present a passkey: personal tokens are for scripts")
			.isEqualTo(403);

		this.page.context().clearCookies();
		this.clock.advance(Duration.ofHours(2));
		open("/login");
		screenshot(this.page, "PasskeyBrowserTest-login");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use a passkey")).click();
		assertThat(this.page).hasURL(Pattern.compile("//[^/]+/$"));
		assertThat(passkeyTimes(ann)).containsExactly(registered, registered.plus(Duration.ofHours(2)));

		this.page.context().clearCookies();
		open("/login");
		signInWithPassword(this.page, ann.email(), Api.PASSWORD);
		assertThat(this.page).hasURL(Pattern.compile("/login/second-factor$"));
		screenshot(this.page, "PasskeyBrowserTest-second-factor");
		this.page.getByLabel("Remember this device for 30 days").check();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use a passkey")).click();
		assertThat(this.page).hasURL(Pattern.compile("//[^/]+/$"));

		open("/settings/security");
		assertThat(this.page.locator("#remembered-devices li")).hasCount(1);
		this.page.locator("#passkeys .passkey input[name=label]").fill("Old laptop");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rename")).click();
		assertThat(this.page.locator("#passkeys .passkey input[name=label]")).hasValue("Old laptop");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove Old laptop")).click();
		assertThat(this.page.locator("#no-passkeys")).isVisible();
		assertThat(this.api.get("/api/me/2fa/passkeys", ann.token()).body()).isEmpty();

		assertThat(this.jdbc.sql("select action from audit_events where actor_id = :u")
			.param("u", ann.id())
			.query(String.class)
			.list()).contains("account.passkey_added", "account.passkey_renamed", "account.passkey_removed");
		assertThat(this.jdbc
			.sql("select after->>'method' from audit_events where actor_id = :u and action = 'auth.signed_in'")
			.param("u", ann.id())
			.query(String.class)
			.list()).contains("passkey", "password, passkey");
	}

	@Test
	void anAuthenticatorWithoutAPasskeyForTheSiteSignsNoOneIn() {
		TestUser bob = this.api.newPerson("Bob Nopasskey");
		virtualAuthenticator(this.page);
		open("/login");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use a passkey")).click();
		// the authenticator has no passkey for this site: nothing to sign in with
		assertThat(this.page.locator(".passkey-login [data-passkey-error]")).isVisible();
		assertThat(this.page).hasURL(Pattern.compile("/login$"));
		signIn(this.page, bob);
	}

	private List<Instant> passkeyTimes(TestUser user) {
		return this.jdbc.sql("select created_at, last_used_at from passkeys where user_id = :u")
			.param("u", user.id())
			.query((rs, n) -> List.of(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
			.single();
	}

	/** Adds Chromium's virtual authenticator to the page: returns its id. */
	private static String virtualAuthenticator(Page page) {
		CDPSession cdp = page.context().newCDPSession(page);
		cdp.send("WebAuthn.enable", json(Map.of("enableUI", false)));
		JsonObject options = new JsonObject();
		options.addProperty("protocol", "ctap2");
		options.addProperty("transport", "internal");
		options.addProperty("hasResidentKey", true);
		options.addProperty("hasUserVerification", true);
		options.addProperty("isUserVerified", true);
		options.addProperty("automaticPresenceSimulation", true);
		JsonObject args = new JsonObject();
		args.add("options", options);
		String id = cdp.send("WebAuthn.addVirtualAuthenticator", args).get("authenticatorId").getAsString();
		AUTHENTICATORS.put(id, cdp);
		return id;
	}

	private static int credentials(Page page, String authenticator) {
		JsonObject args = new JsonObject();
		args.addProperty("authenticatorId", authenticator);
		return AUTHENTICATORS.get(authenticator)
			.send("WebAuthn.getCredentials", args)
			.getAsJsonArray("credentials")
			.size();
	}

	private static final Map<String, CDPSession> AUTHENTICATORS = new java.util.concurrent.ConcurrentHashMap<>();

	private static JsonObject json(Map<String, Object> values) {
		JsonObject object = new JsonObject();
		values.forEach((k, v) -> {
			if (v instanceof Boolean b) {
				object.addProperty(k, b);
			}
			else {
				object.addProperty(k, String.valueOf(v));
			}
		});
		return object;
	}

}
