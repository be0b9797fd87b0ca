package dev.fixpoint.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.fixpoint.platform.Times;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * The credential store Spring's WebAuthn operations write through: they stamp a new
 * passkey's creation and a sign-in's last use with {@code Instant.now()}; here both come
 * from the application's {@link Clock} (as every other time does), so tests and backdated
 * work see the same time everywhere. A stored passkey keeps its first creation time
 * ({@link PasskeyStore#save} never updates it).
 */
class ClockedCredentials implements UserCredentialRepository {

	private final PasskeyStore store;

	private final Clock clock;

	ClockedCredentials(PasskeyStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	public void save(CredentialRecord record) {
		Instant now = Times.now(this.clock);
		this.store.save(ImmutableCredentialRecord.fromCredentialRecord(record).created(now).lastUsed(now).build());
	}

	@Override
	public void delete(Bytes credentialId) {
		this.store.delete(credentialId);
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return this.store.findByCredentialId(credentialId);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return this.store.findByUserId(userId);
	}

}
