package dev.fixpoint.accounts;

import java.time.Duration;
import java.time.Instant;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A passkey's creation and last use are the application clock's times, not the WebAuthn
 * library's {@code Instant.now()}: the library hands its records to
 * {@link ClockedCredentials}, which the test drives as the library does (a record stamped
 * with the system time).
 */
class PasskeyClockTest extends IntegrationTest {

	@Autowired
	PasskeyStore store;

	@Autowired
	Passkeys passkeys;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createdAndLastUsedComeFromTheClock() {
		TestUser ann = this.api.newUser("passkeyclock");
		var entity = this.store.userEntityFor(ann.id(), ann.email(), ann.name());
		this.clock.freeze();
		this.clock.advance(Duration.ofDays(40));
		Instant registered = this.clock.instant();
		Bytes credential = Bytes.random();
		ClockedCredentials credentials = new ClockedCredentials(this.store, this.clock);

		credentials.save(ImmutableCredentialRecord.builder()
			.credentialId(credential)
			.userEntityUserId(entity.getId())
			.publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3 }))
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.transports(java.util.Set.of())
			.label("Laptop")
			.created(Instant.now())
			.lastUsed(Instant.now())
			.build());
		assertThat(times(credential)).containsExactly(registered, registered);

		this.clock.advance(Duration.ofHours(5));
		CredentialRecord stored = credentials.findByCredentialId(credential);
		credentials.save(ImmutableCredentialRecord.fromCredentialRecord(stored)
			.lastUsed(Instant.now())
			.signatureCount(stored.getSignatureCount() + 1)
			.build());
		assertThat(times(credential)).containsExactly(registered, registered.plus(Duration.ofHours(5)));
		assertThat(this.passkeys.list(ann.id())).singleElement()
			.satisfies(passkey -> assertThat(passkey.createdAt()).isEqualTo(registered));
	}

	private java.util.List<Instant> times(Bytes credential) {
		return this.jdbc.sql("select created_at, last_used_at from passkeys where credential_id = :id")
			.param("id", credential.toBase64UrlString())
			.query((rs, n) -> java.util.List.of(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
			.single();
	}

}
