package dev.fixpoint.accounts.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

class LoginPageTest extends IntegrationTest {

	@Autowired
	private SessionRepository<?> sessions;

	@Test
	void wrongPasswordAndUnknownEmailGetTheSameGenericMessage() {
		TestUser ann = this.api.newUser("Ann");
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);

		Page wrongPassword = browser.signIn(ann.email(), "not-her-password");
		Page unknownEmail = browser.signIn("nobody-at-all@example.com", "whatever-password");

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(wrongPassword.body()).contains("Invalid email or password")
			.contains("value=\"" + ann.email() + "\"");
		assertThat(unknownEmail.body()).contains("Invalid email or password");
		assertThat(browser.get("/projects").location()).startsWith("/login");
	}

	/**
	 * Chromium fetches the favicon (and a page may still be loading an image or a script)
	 * while the login form is posted: that request loaded the session by its old id and
	 * saves it when it ends. The sign-in must survive it; it used not to (Spring Session
	 * JDBC writes the session id back by primary key, undoing the new id) and the next
	 * page asked to sign in again.
	 */
	@Test
	void aRequestStillUsingTheOldSessionDoesNotUndoTheSignIn() {
		TestUser ann = this.api.newUser("Ann");
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		browser.get("/login");
		String before = new String(Base64.getDecoder().decode(browser.cookie("SESSION")), StandardCharsets.UTF_8);
		@SuppressWarnings({ "unchecked", "rawtypes" })
		SessionRepository<Session> sessions = (SessionRepository) this.sessions;
		Session loadedByTheOtherRequest = sessions.findById(before);
		assertThat(loadedByTheOtherRequest).isNotNull();

		Page signedIn = browser.post("/login", Map.of("email", ann.email(), "password", Api.PASSWORD));
		assertThat(signedIn.isRedirectTo("/")).isTrue();
		// the other request ends: the session filter touches and saves what it loaded (a
		// touch that is due: the last access is written at most once a minute)
		loadedByTheOtherRequest.setLastAccessedTime(Instant.now().plus(Duration.ofMinutes(2)));
		sessions.save(loadedByTheOtherRequest);
		assertThat(browser.get("/projects").status()).isEqualTo(200);
	}

	@Test
	void signingInGoesToTheLocalPageAskedFor() {
		TestUser ann = this.api.newUser("Ann");
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		Page login = browser.get("/login?next=/settings/tokens");
		assertThat(login.body()).contains("name=\"next\" value=\"/settings/tokens\"");

		Page signedIn = browser.post("/login",
				Map.of("email", ann.email(), "password", Api.PASSWORD, "next", "/settings/tokens"));

		assertThat(signedIn.isRedirectTo("/settings/tokens")).isTrue();
	}

	@Test
	void anOffSiteNextIsIgnored() {
		TestUser ann = this.api.newUser("Ann");
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		browser.get("/login?next=//evil.example");

		Page signedIn = browser.post("/login",
				Map.of("email", ann.email(), "password", Api.PASSWORD, "next", "//evil.example"));

		assertThat(signedIn.isRedirectTo("/")).isTrue();
	}

	@Test
	void repeatedFailuresAreThrottled() {
		TestUser ann = this.api.newUser("Ann");
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		for (int i = 0; i < 5; i++) {
			browser.signIn(ann.email(), "guess-" + i);
		}

		Page throttled = browser.signIn(ann.email(), Api.PASSWORD);

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.body()).contains("Too many failed logins, try again in a few minutes.");
	}

	@Test
	void signingOutShowsANotice() {
		TestUser ann = this.api.newUser("Ann");
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		browser.signIn(ann.email(), Api.PASSWORD);
		browser.get("/settings/tokens");

		Page signedOut = browser.post("/logout", Map.of());

		assertThat(signedOut.location()).isEqualTo("/login?logged_out");
		assertThat(browser.follow(signedOut).body()).contains("You are signed out.");
	}

}
