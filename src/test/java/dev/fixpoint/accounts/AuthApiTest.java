package dev.fixpoint.accounts;

import java.util.Map;
import java.util.UUID;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthApiTest extends IntegrationTest {

	@Test
	void signupReturnsUserAndWorkingToken() {
		String email = "sam-" + UUID.randomUUID() + "@example.com";
		Api.Response r = this.api.post("/api/auth/signup", null,
				Map.of("email", email, "password", "long-password-1", "name", "Sam", "username",
						"sam" + UUID.randomUUID().toString().substring(0, 8), "organization_name", "Sam's Shop"));
		assertThat(r.status()).isEqualTo(201);
		assertThat(r.body().get("user").get("email").asString()).isEqualTo(email);
		Api.Response me = this.api.get("/api/me", r.body().get("token").asString());
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.body().get("organizations").get(0).get("name").asString()).isEqualTo("Sam's Shop");
		assertThat(me.body().get("organizations").get(0).get("role").asString()).isEqualTo("admin");
	}

	@Test
	void signupValidatesEveryField() {
		Api.Response r = this.api.post("/api/auth/signup", null,
				Map.of("email", "not-an-email", "password", "short", "name", "", "username", "-bad name"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.header("Content-Type")).startsWith("application/problem+json");
		assertThat(r.raw()).contains("\"field\":\"email\"", "\"field\":\"password\"", "\"field\":\"name\"",
				"\"field\":\"username\"");
	}

	@Test
	void duplicateEmailOrUsernameIs409() {
		TestUser existing = this.api.newUser("Dup");
		Api.Response r = this.api.post("/api/auth/signup", null, Map.of("email", existing.email().toUpperCase(),
				"password", "long-password-1", "name", "Other", "username", existing.username()));
		assertThat(r.status()).isEqualTo(409);
		assertThat(r.raw()).contains("\"field\":\"email\"", "\"field\":\"username\"");
	}

	@Test
	void unknownEmailAndWrongPasswordGetTheSame401() {
		TestUser user = this.api.newUser("Lou");
		Api.Response wrongPassword = this.api.post("/api/auth/login", null,
				Map.of("email", user.email(), "password", "wrong-password"));
		Api.Response unknownEmail = this.api.post("/api/auth/login", null,
				Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com", "password", "wrong-password"));
		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownEmail.status()).isEqualTo(401);
		assertThat(wrongPassword.body().get("detail").asString())
			.isEqualTo(unknownEmail.body().get("detail").asString());
		Api.Response ok = this.api.post("/api/auth/login", null,
				Map.of("email", user.email(), "password", "a-long-enough-password"));
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.body().get("token").asString()).startsWith("fxp_");
	}

	@Test
	void repeatedFailuresAreThrottledPerAccount() {
		TestUser user = this.api.newUser("Throttle");
		for (int i = 0; i < 5; i++) {
			assertThat(this.api.post("/api/auth/login", null, Map.of("email", user.email(), "password", "nope-" + i))
				.status()).isEqualTo(401);
		}
		Api.Response limited = this.api.post("/api/auth/login", null,
				Map.of("email", user.email(), "password", "a-long-enough-password"));
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isNotBlank();
	}

	@Test
	void logoutRevokesTheToken() {
		TestUser user = this.api.newUser("Out");
		assertThat(this.api.post("/api/auth/logout", user.token(), null).status()).isEqualTo(204);
		Api.Response after = this.api.get("/api/me", user.token());
		assertThat(after.status()).isEqualTo(401);
		assertThat(after.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void personalTokensAreShownOnceListedAndRevocable() {
		TestUser user = this.api.newUser("Pat");
		Api.Response created = this.api.post("/api/me/tokens", user.token(), Map.of("name", "CI bot"));
		assertThat(created.status()).isEqualTo(201);
		String secret = created.body().get("token").asString();
		String id = created.body().get("info").get("id").asString();
		assertThat(this.api.get("/api/me", secret).status()).isEqualTo(200);
		Api.Response list = this.api.get("/api/me/tokens", user.token());
		assertThat(list.raw()).contains("CI bot").doesNotContain(secret);
		assertThat(this.api.delete("/api/me/tokens/" + id, user.token()).status()).isEqualTo(204);
		assertThat(this.api.get("/api/me", secret).status()).isEqualTo(401);
	}

	@Test
	void requestsWithoutOrWithGarbageTokensAre401() {
		assertThat(this.api.get("/api/projects", null).status()).isEqualTo(401);
		assertThat(this.api.get("/api/projects", "fxp_garbage").status()).isEqualTo(401);
		assertThat(this.api.get("/api/projects", "not-even-a-token").status()).isEqualTo(401);
	}

	@Test
	void malformedJsonIsA400Problem() {
		Api.Response r = this.api.post("/api/auth/signup", null, "{not json");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.header("Content-Type")).startsWith("application/problem+json");
		assertThat(r.raw()).doesNotContain("Exception", "at dev.fixpoint");
	}

}
