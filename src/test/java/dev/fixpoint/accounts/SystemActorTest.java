package dev.fixpoint.accounts;

import java.util.Map;

import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class SystemActorTest extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void everySystemActorIsAUserRowWithItsNameAndNoWayToSignIn() {
		for (SystemActor actor : SystemActor.values()) {
			Map<String, Object> row = this.jdbc
				.sql("select name, username::text as username, kind, password_hash from users where id = :id")
				.param("id", actor.id())
				.query()
				.singleRow();
			assertThat(row).containsEntry("name", actor.displayName())
				.containsEntry("username", actor.username())
				.containsEntry("kind", "system")
				.containsEntry("password_hash", "!");
			assertThat(SystemActor.of(actor.id())).contains(actor);
		}
		assertThat(SystemActor.GITHUB.displayName()).isEqualTo("GitHub");
	}

	@Test
	void signingInAsASystemActorFailsLikeAnUnknownEmail() {
		var response = this.api.post("/api/auth/login", null,
				Map.of("email", "github[bot]@fixpoint.invalid", "password", "!"));

		assertThat(response.status()).isEqualTo(401);
	}

	@Test
	void noPersonCanTakeASystemUsername() {
		var response = this.api.post("/api/auth/signup", null,
				Map.of("email", "someone-" + System.nanoTime() + "@example.com", "username", "github[bot]", "name",
						"Mallory", "password", "correct horse battery staple"));

		assertThat(response.status()).isEqualTo(400);
	}

}
