package dev.fixpoint.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretBoxTest extends IntegrationTest {

	@Autowired
	private SecretBox box;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aSealedSecretOpensForItsPurposeOnlyAndNeverShowsInTheBytes() {
		byte[] sealed = this.box.seal("github-webhook-secret", "s3cr3t-value");

		assertThat(this.box.open("github-webhook-secret", sealed)).isEqualTo("s3cr3t-value");
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
		assertThatIllegalStateException().isThrownBy(() -> this.box.open("slack-bot-token", sealed))
			.withMessageNotContaining("s3cr3t");
	}

	@Test
	void everySealIsDifferentAndAnAlteredByteIsRefused() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 50; i++) {
			seen.add(java.util.HexFormat.of().formatHex(this.box.seal("p", "same")));
		}
		assertThat(seen).hasSize(50);

		byte[] sealed = this.box.seal("p", "value");
		for (int at : new int[] { 5, 10, sealed.length - 1 }) {
			byte[] altered = sealed.clone();
			altered[at] ^= 1;
			assertThatIllegalStateException().isThrownBy(() -> this.box.open("p", altered));
		}
		assertThatIllegalStateException().isThrownBy(() -> this.box.open("p", new byte[] { 1, 2, 3 }));
		assertThatIllegalStateException().isThrownBy(() -> this.box.open("p", null));
	}

	@Test
	void withoutAConfiguredKeyEveryNodeUsesTheOneGeneratedIntoTheDatabase() {
		byte[] sealed = this.box.seal("p", "shared");
		// another node: a second box over the same database
		SecretBox otherNode = new SecretBox(this.jdbc, properties(null, null));

		assertThat(otherNode.open("p", sealed)).isEqualTo("shared");
		assertThat(this.jdbc.sql("select count(*) from platform_secret_key").query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void aRotatedKeyStillOpensWhatTheOldOneSealedAndSaysItNeedsResealing() {
		SecretBox before = new SecretBox(null, properties("old key: 7c1f0e9b2d4a4f6e8a3b5c7d9e1f2a3b", null));
		byte[] sealedBefore = before.seal("p", "kept");
		SecretBox after = new SecretBox(null,
				properties("new key: 0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d", "old key: 7c1f0e9b2d4a4f6e8a3b5c7d9e1f2a3b"));
		SecretBox lost = new SecretBox(null, properties("new key: 0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d", null));

		assertThat(after.open("p", sealedBefore)).isEqualTo("kept");
		assertThat(after.isSealedWithOldKey(sealedBefore)).isTrue();
		assertThat(after.isSealedWithOldKey(after.seal("p", "fresh"))).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> lost.open("p", sealedBefore))
			.withMessageContaining("FIXPOINT_SECRET_KEY");
	}

	@Test
	void newSecretsAreLongRandomAndUrlSafe() {
		String one = this.box.newSecret();
		assertThat(one).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(this.box.newSecret());
	}

	@Test
	void hmacsMatchTheKnownVectorAndCompareInConstantTime() {
		// RFC 4231 test case 2
		assertThat(Hmacs.sha256Hex("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
		assertThat(Hmacs.equalsConstantTime("abc", "abc")).isTrue();
		assertThat(Hmacs.equalsConstantTime("abc", "abd")).isFalse();
		assertThat(Hmacs.equalsConstantTime("abc", null)).isFalse();
		assertThat(Hmacs.equalsConstantTime(null, null)).isFalse();
	}

	private static FixpointProperties properties(String key, String previous) {
		return new FixpointProperties(Path.of("."), true, false, "http://localhost", 4, Duration.ofDays(1), false, key,
				previous);
	}

}
