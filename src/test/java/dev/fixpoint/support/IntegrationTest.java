package dev.fixpoint.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that need the running application: a real embedded PostgreSQL (one per
 * test run, thanks to the shared Spring context) and real HTTP on a random port. Tests
 * create their own users and projects, so they never depend on each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(ThreadDumpOnTimeout.class)
@org.springframework.context.annotation.Import({ PublishedEvents.class, TestClock.class, FailingEndpoint.class,
		Statements.class, dev.fixpoint.platform.outbox.RecordingConsumer.class })
public abstract class IntegrationTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected tools.jackson.databind.json.JsonMapper json;

	@Autowired
	protected PublishedEvents events;

	@Autowired
	protected TestClock clock;

	protected Api api;

	/**
	 * Email goes to the run's GreenMail ({@link TestMailServer}); the email workers do
	 * not run by themselves, tests drive them, so what a test sees never depends on
	 * timing.
	 */
	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("fixpoint.smtp.host", () -> "127.0.0.1");
		registry.add("fixpoint.smtp.port", TestMailServer::port);
		registry.add("fixpoint.email.scheduled", () -> "false");
		registry.add("fixpoint.slack.api-url", SlackStandIn::apiUrl);
	}

	@BeforeEach
	void setUpApi() {
		this.api = new Api("http://localhost:" + this.port, this.json);
	}

	/**
	 * Every test ends on the real time again, whatever it did to the clock (moved it,
	 * froze it), even when it failed halfway: the next test of the run shares it.
	 */
	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
