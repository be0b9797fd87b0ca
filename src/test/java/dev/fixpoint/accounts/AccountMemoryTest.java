package dev.fixpoint.accounts;

import java.util.Map;
import java.util.function.BooleanSupplier;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.Statements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens, names, components, members' views of projects and release names are answered
 * from memory, and forgotten when they change: at once when this node changes them, and
 * when the triggers' notice arrives when another node (here: plain SQL, as another node's
 * transaction would be) changes them.
 */
class AccountMemoryTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokenRevokedHereIsRefusedAtOnce() {
		TestUser user = this.api.newUser("Rev");
		assertThat(this.api.get("/api/me", user.token()).status()).isEqualTo(200);
		assertThat(this.api.post("/api/auth/logout", user.token(), null).status()).isEqualTo(204);
		assertThat(this.api.get("/api/me", user.token()).status()).isEqualTo(401);
	}

	@Test
	void aTokenRevokedOrExpiredByAnotherNodeIsRefusedOnceItsNoticeArrives() {
		TestUser revoked = this.api.newUser("Gone");
		TestUser expired = this.api.newUser("Late");
		assertThat(this.api.get("/api/me", revoked.token()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/me", expired.token()).status()).isEqualTo(200);

		this.jdbc.sql("delete from api_tokens where user_id = :user").param("user", revoked.id()).update();
		this.jdbc.sql("update api_tokens set expires_at = now() - interval '1 minute' where user_id = :user")
			.param("user", expired.id())
			.update();

		awaitTrue(() -> this.api.get("/api/me", revoked.token()).status() == 401);
		awaitTrue(() -> this.api.get("/api/me", expired.token()).status() == 401);
	}

	@Test
	void aDeactivatedPersonsTokenIsRefused() {
		TestUser user = this.api.newUser("Off");
		assertThat(this.api.get("/api/me", user.token()).status()).isEqualTo(200);
		this.jdbc.sql("update users set deactivated_at = now() where id = :id").param("id", user.id()).update();
		awaitTrue(() -> this.api.get("/api/me", user.token()).status() == 401);
	}

	@Test
	void aBugShowsItsReportersAndComponentsNewNamesOnceChanged() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.post("/api/projects/" + key + "/components", ann.token(), Map.of("name", "Checkout"));
		String bug = this.api
			.post("/api/projects/" + key + "/bugs", ann.token(),
					Map.of("title", "Pay button", "severity", "high", "component", "checkout"))
			.body()
			.get("key")
			.asString();
		assertThat(this.api.get("/api/bugs/" + bug, ann.token()).body().get("reporter").get("name").asString())
			.isEqualTo(ann.name());

		// this node: the profile edit forgets at once
		assertThat(this.api.patch("/api/me", ann.token(), Map.of("name", "Ann Renamed")).status()).isEqualTo(200);
		assertThat(this.api.get("/api/bugs/" + bug, ann.token()).body().get("reporter").get("name").asString())
			.isEqualTo("Ann Renamed");

		// another node: plain SQL, forgotten when the notice arrives
		this.jdbc.sql("update users set name = 'Ann Elsewhere' where id = :id").param("id", ann.id()).update();
		this.jdbc
			.sql("update components set name = 'Payments' where name = 'Checkout' and project_id = "
					+ "(select id from projects where key = :key)")
			.param("key", key)
			.update();
		awaitTrue(() -> {
			var read = this.api.get("/api/bugs/" + bug, ann.token()).body();
			return read.get("reporter").get("name").asString().equals("Ann Elsewhere")
					&& read.get("component").asString().equals("Payments");
		});
	}

	@Test
	void aMemberRemovedOrDemotedHereIsRefusedAtOnce() {
		TestUser ann = this.api.newUser("Ann");
		TestUser bob = this.api.newUser("Bob");
		TestUser cy = this.api.newUser("Cy");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.addMember(ann, key, bob, "developer");
		this.api.addMember(ann, key, cy, "developer");
		assertThat(this.api.get("/api/projects/" + key, bob.token()).status()).isEqualTo(200);
		assertThat(this.api.newBug(cy, key, "Filed while a developer", "low").get("key")).isNotNull();

		assertThat(this.api.delete("/api/projects/" + key + "/members/" + bob.id(), ann.token()).status())
			.isEqualTo(204);
		assertThat(this.api.get("/api/projects/" + key, bob.token()).status()).isEqualTo(404);
		assertThat(this.api.patch("/api/projects/" + key + "/members/" + cy.id(), ann.token(), Map.of("role", "viewer"))
			.status()).isEqualTo(200);
		assertThat(this.api
			.post("/api/projects/" + key + "/bugs", cy.token(), Map.of("title", "Filed as a viewer", "severity", "low"))
			.status()).isEqualTo(403);
	}

	@Test
	void aMemberRemovedOrAProjectRenamedByAnotherNodeIsSeenOnceItsNoticeArrives() {
		TestUser ann = this.api.newUser("Ann");
		TestUser bob = this.api.newUser("Bob");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.addMember(ann, key, bob, "developer");
		assertThat(this.api.get("/api/projects/" + key, bob.token()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/projects/" + key, ann.token()).body().get("name").asString())
			.isEqualTo("Project " + key);

		this.jdbc
			.sql("delete from project_members where user_id = :user and project_id = "
					+ "(select id from projects where key = :key)")
			.param("user", bob.id())
			.param("key", key)
			.update();
		this.jdbc.sql("update projects set name = 'Renamed elsewhere' where key = :key").param("key", key).update();

		awaitTrue(() -> this.api.get("/api/projects/" + key, bob.token()).status() == 404);
		awaitTrue(() -> this.api.get("/api/projects/" + key, ann.token())
			.body()
			.get("name")
			.asString()
			.equals("Renamed elsewhere"));
	}

	@Test
	void theBugPageOffersANewReleaseAtOnceAndNoLongerOneArchivedByAnotherNode() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		String bug = this.api.newBug(ann, key, "Crash on save", "high").get("key").asString();
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, ann);
		assertThat(browser.get("/bugs/" + bug).body()).doesNotContain("Winter-2027");

		assertThat(this.api.post("/api/projects/" + key + "/releases", ann.token(), Map.of("name", "Winter-2027"))
			.status()).isEqualTo(201);
		assertThat(browser.get("/bugs/" + bug).body()).contains("Winter-2027");

		this.jdbc.sql("update releases set archived = true where name = 'Winter-2027'").update();
		awaitTrue(() -> !browser.get("/bugs/" + bug).body().contains("Winter-2027"));
	}

	@Test
	void aBugPageViewedAgainAsksForNeitherTheProjectNorItsReleases() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.post("/api/projects/" + key + "/releases", ann.token(), Map.of("name", "Autumn-2027"));
		String bug = this.api.newBug(ann, key, "Crash on save", "high").get("key").asString();
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, ann);
		assertThat(browser.get("/bugs/" + bug).body()).contains("Autumn-2027");

		Statements.Counted<String> again = Statements.countEverywhere(() -> browser.get("/bugs/" + bug).body());
		assertThat(again.result()).contains("Crash on save", "Autumn-2027");
		assertThat(again.sql()).as(String.join("\n", again.sql()))
			.noneMatch(sql -> sql.contains("p.sla_config") || sql.contains("from releases"));
	}

	private static void awaitTrue(BooleanSupplier condition) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("the change's notice arrives").isLessThan(deadline);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
