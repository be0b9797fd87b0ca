package dev.fixpoint.accounts.web;

import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First run needs an empty database: the extra property gives this class its own context
 * and database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "fixpoint.setup-test=1")
class SetupPageTest {

	@LocalServerPort
	int port;

	@Test
	void anEmptyInstallationIsSetUpOnceThroughTheSetupPage() {
		BrowserSession browser = BrowserSession.onEmptyInstallation("http://localhost:" + this.port);
		assertThat(browser.get("/login").isRedirectTo("/setup")).isTrue();
		assertThat(browser.get("/signup").isRedirectTo("/setup")).isTrue();
		assertThat(browser.get("/api/me").status()).isEqualTo(401);
		assertThat(browser.get("/css/app.css").status()).isEqualTo(200);
		Page form = browser.get("/setup");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("Set up your installation");

		Page invalid = browser.post("/setup", Map.of("name", "Ada Admin", "username", "ada", "email", "ada@example.com",
				"password", "short", "organizationName", "Acme"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).contains("Password must be at least 10 characters").contains("value=\"Acme\"");

		Page done = browser.post("/setup", Map.of("name", "Ada Admin", "username", "ada", "email", "ada@example.com",
				"password", Api.PASSWORD, "organizationName", "Acme"));
		assertThat(done.isRedirectTo("/projects/new")).isTrue();
		assertThat(browser.follow(done).status()).isEqualTo(200);
		assertThat(browser.get("/setup").isRedirectTo("/login")).isTrue();
		assertThat(BrowserSession.onEmptyInstallation("http://localhost:" + this.port).get("/login").status())
			.isEqualTo(200);
	}

}
