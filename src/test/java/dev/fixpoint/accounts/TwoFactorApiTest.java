package dev.fixpoint.accounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TwoFactorApiTest extends IntegrationTest {

	@Test
	void loginAsksForTheSecondFactorOnceTotpIsConfirmed() {
		TestUser user = this.api.newUser("Totp");
		String secret = startEnrolment(user);
		assertThat(login(user, null).status()).as("not in force before it is confirmed").isEqualTo(200);

		Api.Response wrong = this.api.post("/api/me/2fa/totp/confirm", user.token(), Map.of("code", "000000"));
		assertThat(wrong.status()).isEqualTo(400);
		Api.Response confirmed = this.api.post("/api/me/2fa/totp/confirm", user.token(),
				Map.of("code", currentCode(secret)));
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.body().get("recovery_codes")).hasSize(10);

		Api.Response missing = login(user, null);
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.body().get("type").asString()).isEqualTo("https://fixpoint.dev/problems/otp-required");
		assertThat(missing.body().get("otp_required").asBoolean()).isTrue();
		assertThat(login(user, currentCode(secret)).status()).as("the code used to confirm is not accepted again")
			.isEqualTo(401);

		this.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		Api.Response ok = login(user, currentCode(secret));
		assertThat(ok.status()).isEqualTo(200);
		assertThat(this.api.get("/api/me", ok.body().get("token").asString()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/me", user.token()).status()).as("tokens from before keep working").isEqualTo(200);
		assertThat(login(user, currentCode(secret)).status()).as("a code is accepted once").isEqualTo(401);
	}

	@Test
	void aCodeFromTooFarInThePastOrFutureIsRefused() {
		TestUser user = this.api.newUser("Drift");
		String secret = startEnrolment(user);
		confirm(user, secret);
		long now = Totp.step(this.clock.instant());
		assertThat(login(user, Totp.code(secret, now + 2)).status()).isEqualTo(401);
		assertThat(login(user, Totp.code(secret, now - 2)).status()).isEqualTo(401);
		assertThat(login(user, Totp.code(secret, now + 1)).status()).as("one step of drift is fine").isEqualTo(200);
	}

	@Test
	void recoveryCodesWorkOnceEach() {
		TestUser user = this.api.newUser("Recovery");
		List<String> codes = confirm(user, startEnrolment(user));
		assertThat(login(user, codes.get(0).toUpperCase()).status()).isEqualTo(200);
		assertThat(login(user, codes.get(0)).status()).isEqualTo(401);
		assertThat(login(user, codes.get(1).replace("-", "")).status()).isEqualTo(200);
		assertThat(this.api.get("/api/me/2fa", user.token()).body().get("recovery_codes_left").asInt()).isEqualTo(8);
	}

	@Test
	void wrongCodesAreThrottledEvenWithTheRightPassword() {
		TestUser user = this.api.newUser("Guess");
		String secret = startEnrolment(user);
		confirm(user, secret);
		for (int i = 0; i < OtpThrottle.PER_ACCOUNT; i++) {
			assertThat(login(user, "12345" + i).status()).isEqualTo(401);
		}
		this.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		Api.Response limited = login(user, currentCode(secret));
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isNotBlank();
	}

	@Test
	void turningItOffNeedsThePasswordAndACode() {
		TestUser user = this.api.newUser("Off");
		String secret = startEnrolment(user);
		List<String> codes = confirm(user, secret);
		assertThat(this.api.post("/api/me/2fa/disable", user.token(), Map.of("password", "wrong", "otp", codes.get(0)))
			.status()).isEqualTo(400);
		assertThat(this.api.post("/api/me/2fa/disable", user.token(), Map.of("password", Api.PASSWORD, "otp", "nope"))
			.status()).isEqualTo(401);
		assertThat(this.api
			.post("/api/me/2fa/disable", user.token(), Map.of("password", Api.PASSWORD, "otp", codes.get(0)))
			.status()).isEqualTo(204);
		assertThat(login(user, null).status()).isEqualTo(200);
		assertThat(this.api.get("/api/me/2fa", user.token()).body().get("totp_enabled").asBoolean()).isFalse();
	}

	@Test
	void regeneratedRecoveryCodesReplaceTheOldOnes() {
		TestUser user = this.api.newUser("Regen");
		List<String> old = confirm(user, startEnrolment(user));
		Api.Response fresh = this.api.post("/api/me/2fa/recovery-codes", user.token(), Map.of("otp", old.get(0)));
		assertThat(fresh.status()).isEqualTo(200);
		assertThat(login(user, old.get(1)).status()).isEqualTo(401);
		assertThat(login(user, fresh.body().get("recovery_codes").get(0).asString()).status()).isEqualTo(200);
	}

	@Test
	void enrollingTwiceIsAConflict() {
		TestUser user = this.api.newUser("Twice");
		confirm(user, startEnrolment(user));
		assertThat(this.api.post("/api/me/2fa/totp", user.token(), null).status()).isEqualTo(409);
	}

	@Test
	void anOrganizationCanRequireASecondFactorOfItsMembers() {
		TestUser admin = this.api.newUser("OrgAdmin");
		TestUser member = this.api.newUser("OrgMember");
		String org = this.api.get("/api/me", admin.token()).body().get("organizations").get(0).get("slug").asString();
		assertThat(this.api
			.post("/api/orgs/" + org + "/members", admin.token(),
					Map.of("username", member.username(), "role", "member"))
			.status()).isEqualTo(201);

		assertThat(this.api.put("/api/orgs/" + org + "/two-factor", member.token(), Map.of("required", true)).status())
			.isEqualTo(403);
		assertThat(this.api.put("/api/orgs/" + org + "/two-factor", admin.token(), Map.of("required", true)).status())
			.isEqualTo(200);
		assertThat(this.api.get("/api/orgs/" + org + "/two-factor", member.token()).body().get("required").asBoolean())
			.isTrue();

		Api.Response refused = login(member, null);
		assertThat(refused.status()).isEqualTo(403);
		JsonNode status = this.api.get("/api/me/2fa", member.token()).body();
		assertThat(status.get("enrolment_required").asBoolean()).isTrue();
		assertThat(status.get("required_by").get(0).asString()).isNotBlank();

		confirm(member, startEnrolment(member));
		this.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		assertThat(login(member, null).status()).isEqualTo(401);
	}

	private Api.Response login(TestUser user, String otp) {
		return this.api.post("/api/auth/login", null,
				Api.body("email", user.email(), "password", Api.PASSWORD, "otp", otp));
	}

	private String startEnrolment(TestUser user) {
		Api.Response started = this.api.post("/api/me/2fa/totp", user.token(), null);
		assertThat(started.status()).isEqualTo(200);
		String secret = started.body().get("secret").asString();
		assertThat(started.body().get("otpauth_url").asString()).startsWith("otpauth://totp/Fixpoint:")
			.contains("secret=" + secret);
		return secret;
	}

	private List<String> confirm(TestUser user, String secret) {
		Api.Response confirmed = this.api.post("/api/me/2fa/totp/confirm", user.token(),
				Map.of("code", currentCode(secret)));
		assertThat(confirmed.status()).isEqualTo(200);
		List<String> codes = new ArrayList<>();
		confirmed.body().get("recovery_codes").forEach(code -> codes.add(code.asString()));
		return codes;
	}

	private String currentCode(String secret) {
		return Totp.code(secret, Totp.step(this.clock.instant()));
	}

}
