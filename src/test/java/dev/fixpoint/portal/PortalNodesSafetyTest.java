package dev.fixpoint.portal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.RateLimitedException;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The portal with several nodes: rate limits and answered challenges live in PostgreSQL,
 * so a second node (here a second instance of the same beans on the same database) sees
 * what the first counted; the cleanup deletes reports and subscriptions whose email was
 * never confirmed after the configured time, and skips a report another node holds.
 */
class PortalNodesSafetyTest extends IntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	PortalProperties properties;

	@Autowired
	RateLimitRepository buckets;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	PortalKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Clock appClock;

	PortalFixture portal;

	@BeforeEach
	void fixture() {
		this.portal = new PortalFixture(this.api, baseUrl(), this.context, this.clock);
	}

	@Test
	void rateLimitsAreSharedByEveryNode() {
		PortalThrottle nodeA = new PortalThrottle(this.properties, this.buckets, this.transactions, this.appClock);
		PortalThrottle nodeB = new PortalThrottle(this.properties, this.buckets, this.transactions, this.appClock);
		String email = PortalFixture.newEmail();
		for (int i = 0; i < this.properties.reportsPerEmail(); i++) {
			(i % 2 == 0 ? nodeA : nodeB).take(PortalFixture.newAddress(), email);
		}
		assertThatThrownBy(() -> nodeB.take(PortalFixture.newAddress(), email.toUpperCase(java.util.Locale.ROOT)))
			.isInstanceOf(RateLimitedException.class)
			.satisfies(ex -> assertThat(((RateLimitedException) ex).retryAfter()).isPositive());

		String ip = PortalFixture.newAddress();
		for (int i = 0; i < this.properties.reportsPerIp(); i++) {
			(i % 2 == 0 ? nodeB : nodeA).take(ip, null);
		}
		assertThat(nodeA.quota(ip).remaining()).isZero();
		assertThatThrownBy(() -> nodeA.take(ip, null)).isInstanceOf(RateLimitedException.class);

		this.clock.advance(this.properties.window());
		nodeB.take(ip, null);
		assertThat(nodeA.quota(ip).remaining()).as("refilled over the window, on every node")
			.isEqualTo(this.properties.reportsPerIp() - 1L);
	}

	@Test
	void aChallengeAnsweredOnOneNodeIsRefusedOnAnother() {
		PortalFixture.Project project = this.portal.openPortal(false);
		String ip = PortalFixture.newAddress();
		Map<String, Object> answered = this.portal.answered(project.key(), ip);
		Challenges nodeA = new Challenges(this.keys, this.properties, this.appClock, this.jdbc);
		Challenges nodeB = new Challenges(this.keys, this.properties, this.appClock, this.jdbc);
		nodeA.check((String) answered.get("challenge"), null, (String) answered.get("answer"));
		assertThatThrownBy(() -> nodeB.check((String) answered.get("challenge"), null, (String) answered.get("answer")))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).fieldErrors().get(0).message())
				.contains("used already"));
	}

	@Test
	void unconfirmedReportsAndSubscriptionsAreDeletedAfterTheConfiguredTime() {
		PortalFixture.Project project = this.portal.openPortal(true);
		JsonNode waiting = this.portal.file(project.key(), PortalFixture.newEmail(), "Never confirmed");
		String kept = PortalFixture.newEmail();
		JsonNode confirmed = this.portal.file(project.key(), kept, "Confirmed one");
		String link = PortalFixture.link(this.portal.mailTo(kept).get(0), "/portal/tickets/");
		assertThat(this.portal.postForm("/portal/confirm", Map.of("confirm", link.replaceAll("^.*[?&]confirm=", "")))
			.statusCode()).isEqualTo(302);
		String subscriber = PortalFixture.newEmail();
		assertThat(this.portal.postForm("/status/" + project.orgSlug() + "/subscribe", Map.of("email", subscriber))
			.statusCode()).isEqualTo(302);

		PortalWorkers.cleanup(this.context,
				this.clock.instant().plus(this.properties.unconfirmedAfter()).minus(Duration.ofHours(1)));
		assertThat(this.portal.ticket(waiting).path("status").asString()).as("not yet").isEqualTo("unconfirmed");

		PortalWorkers.cleanup(this.context,
				this.clock.instant().plus(this.properties.unconfirmedAfter()).plus(Duration.ofHours(1)));
		assertThat(ticketStatus(waiting)).as("deleted with its files").isEqualTo(404);
		assertThat(ticketStatus(confirmed)).as("a confirmed report stays").isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from status_subscribers where email = :email")
			.param("email", subscriber)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theCleanupSkipsAReportAnotherNodeHolds() throws Exception {
		PortalFixture.Project project = this.portal.openPortal(true);
		JsonNode waiting = this.portal.file(project.key(), PortalFixture.newEmail(), "Being confirmed right now");
		try (Connection otherNode = this.dataSource.getConnection()) {
			otherNode.setAutoCommit(false);
			try (PreparedStatement lock = otherNode
				.prepareStatement("select id from portal_reports where ticket = ? for update")) {
				lock.setString(1, waiting.path("ticket").asString());
				assertThat(lock.executeQuery().next()).isTrue();
			}
			PortalWorkers.cleanup(this.context,
					this.clock.instant().plus(this.properties.unconfirmedAfter()).plusSeconds(60));
			otherNode.rollback();
		}
		assertThat(ticketStatus(waiting)).as("skipped while locked").isEqualTo(200);
		PortalWorkers.cleanup(this.context,
				this.clock.instant().plus(this.properties.unconfirmedAfter()).plusSeconds(60));
		assertThat(ticketStatus(waiting)).isEqualTo(404);
	}

	private int ticketStatus(JsonNode receipt) {
		Api.Response r = this.api.get("/api/portal/tickets/" + receipt.path("ticket").asString() + "?token="
				+ PortalFixture.token(receipt.path("tracking_url").asString()), null);
		return r.status();
	}

}
