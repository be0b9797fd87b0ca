package dev.fixpoint.slack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Slack's v0 request signing: the rules, without a server. */
class SlackSignatureTest {

	private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

	private static final byte[] BODY = "token=x&team_id=T1&command=%2Fbug&text=WEB-42".getBytes(StandardCharsets.UTF_8);

	private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000);

	private static final String TS = "1700000000";

	@Test
	void slacksOwnExampleVerifies() {
		// the example of Slack's documentation ("Verifying requests from Slack")
		String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
				+ "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
				+ "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
				+ "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
		String signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
		assertThat(SlackSignature.refusal("1531420618", signature, body.getBytes(StandardCharsets.UTF_8),
				List.of(SECRET), Instant.ofEpochSecond(1531420618)))
			.isNull();
	}

	@Test
	void aSignatureByTheSecretVerifies() {
		assertThat(SlackSignature.refusal(TS, SlackSignature.sign(SECRET, TS, BODY), BODY, List.of(SECRET), NOW))
			.isNull();
	}

	@Test
	void anyOfSeveralCandidateSecretsMayVerify() {
		assertThat(SlackSignature.refusal(TS, SlackSignature.sign(SECRET, TS, BODY), BODY,
				List.of("another-secret-entirely", SECRET), NOW))
			.isNull();
	}

	@Test
	void anotherSecretsSignatureIsRefused() {
		assertThat(
				SlackSignature.refusal(TS, SlackSignature.sign("not-the-secret", TS, BODY), BODY, List.of(SECRET), NOW))
			.contains("does not verify");
	}

	@Test
	void aChangedBodyIsRefused() {
		byte[] changed = "token=x&team_id=T1&command=%2Fbug&text=WEB-43".getBytes(StandardCharsets.UTF_8);
		assertThat(SlackSignature.refusal(TS, SlackSignature.sign(SECRET, TS, BODY), changed, List.of(SECRET), NOW))
			.contains("does not verify");
	}

	@Test
	void theTimestampIsPartOfWhatIsSigned() {
		String signature = SlackSignature.sign(SECRET, TS, BODY);
		assertThat(SlackSignature.refusal("1700000001", signature, BODY, List.of(SECRET), NOW))
			.contains("does not verify");
	}

	@Test
	void aTimestampMoreThanFiveMinutesOldIsAReplay() {
		String old = Long.toString(NOW.getEpochSecond() - 301);
		assertThat(SlackSignature.refusal(old, SlackSignature.sign(SECRET, old, BODY), BODY, List.of(SECRET), NOW))
			.contains("5 minutes");
		String edge = Long.toString(NOW.getEpochSecond() - 300);
		assertThat(SlackSignature.refusal(edge, SlackSignature.sign(SECRET, edge, BODY), BODY, List.of(SECRET), NOW))
			.isNull();
	}

	@Test
	void aTimestampFromTheFarFutureIsRefusedToo() {
		String future = Long.toString(NOW.getEpochSecond() + 301);
		assertThat(
				SlackSignature.refusal(future, SlackSignature.sign(SECRET, future, BODY), BODY, List.of(SECRET), NOW))
			.contains("5 minutes");
	}

	@Test
	void missingOrMalformedHeadersAreRefused() {
		String good = SlackSignature.sign(SECRET, TS, BODY);
		assertThat(SlackSignature.refusal(null, good, BODY, List.of(SECRET), NOW)).contains("Timestamp");
		assertThat(SlackSignature.refusal("", good, BODY, List.of(SECRET), NOW)).contains("Timestamp");
		assertThat(SlackSignature.refusal("17e8", good, BODY, List.of(SECRET), NOW)).contains("Timestamp");
		assertThat(SlackSignature.refusal("-1700000000", good, BODY, List.of(SECRET), NOW)).contains("Timestamp");
		assertThat(SlackSignature.refusal(TS, null, BODY, List.of(SECRET), NOW)).contains("X-Slack-Signature");
		assertThat(SlackSignature.refusal(TS, good.replace("v0=", "v1="), BODY, List.of(SECRET), NOW))
			.contains("X-Slack-Signature");
		assertThat(SlackSignature.refusal(TS, good.toUpperCase(), BODY, List.of(SECRET), NOW))
			.contains("X-Slack-Signature");
		assertThat(SlackSignature.refusal(TS, good + "00", BODY, List.of(SECRET), NOW)).contains("X-Slack-Signature");
	}

	@Test
	void withoutAnySecretNothingVerifies() {
		assertThat(SlackSignature.refusal(TS, SlackSignature.sign(SECRET, TS, BODY), BODY, List.of(), NOW))
			.contains("does not verify");
	}

}
