package dev.fixpoint.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Repository;

/**
 * Spring Security's two WebAuthn stores on {@code passkey_users} and {@code passkeys},
 * through {@link JdbcClient}: the columns of Spring's own JDBC schema, tied to
 * {@code users} (deleting a person deletes their passkeys). A WebAuthn "user name" here
 * is the person's id (what {@code Authentication.getName()} of a signed-in
 * {@code CurrentUser} is); the authenticator shows the email and name.
 */
@Repository
class PasskeyStore implements UserCredentialRepository, PublicKeyCredentialUserEntityRepository {

	/** A passkey as the security page lists it. */
	record PasskeyRow(String credentialId, String label, Instant createdAt, Instant lastUsedAt) {
	}

	private static final String CREDENTIAL_COLUMNS = """
			p.credential_id, u.user_handle, p.public_key, p.signature_count, p.uv_initialized, p.backup_eligible,
			p.backup_state, p.authenticator_transports, p.public_key_credential_type, p.attestation_object,
			p.attestation_client_data_json, p.label, p.created_at, p.last_used_at
			""";

	private final JdbcClient jdbc;

	PasskeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// user entities

	@Override
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		return this.jdbc
			.sql("select user_handle, user_id, name, display_name from passkey_users where user_handle = :handle")
			.param("handle", id.toBase64UrlString())
			.query(PasskeyStore::userEntity)
			.optional()
			.orElse(null);
	}

	@Override
	public PublicKeyCredentialUserEntity findByUsername(String username) {
		return userId(username).flatMap(this::userEntity).orElse(null);
	}

	Optional<PublicKeyCredentialUserEntity> userEntity(UUID userId) {
		return this.jdbc.sql("select user_handle, user_id, name, display_name from passkey_users where user_id = :user")
			.param("user", userId)
			.query(PasskeyStore::userEntity)
			.optional();
	}

	Optional<UUID> userIdOf(Bytes userHandle) {
		return this.jdbc.sql("select user_id from passkey_users where user_handle = :handle")
			.param("handle", userHandle.toBase64UrlString())
			.query(UUID.class)
			.optional();
	}

	/** The person's WebAuthn identity, made on their first passkey. */
	PublicKeyCredentialUserEntity userEntityFor(UUID userId, String email, String name) {
		this.jdbc
			.sql("""
					insert into passkey_users (user_id, user_handle, name, display_name) values (:user, :handle, :name, :display)
					on conflict (user_id) do update set name = excluded.name, display_name = excluded.display_name
					""")
			.param("user", userId)
			.param("handle", Bytes.random().toBase64UrlString())
			.param("name", email)
			.param("display", name)
			.update();
		return userEntity(userId).orElseThrow();
	}

	@Override
	public void save(PublicKeyCredentialUserEntity userEntity) {
		// made by userEntityFor before any ceremony; Spring's operations only save one
		// when findByUsername found none, which cannot happen here
		throw new UnsupportedOperationException("passkey_users rows are made by PasskeyStore.userEntityFor");
	}

	@Override
	public void delete(Bytes id) {
		// the credential's delete and the user entity's have the same signature: this one
		// is the credential's (UserCredentialRepository), see deleteCredential
		deleteCredential(id.toBase64UrlString());
	}

	// credentials

	@Override
	public void save(CredentialRecord record) {
		this.jdbc
			.sql("""
					insert into passkeys (credential_id, user_id, public_key, signature_count, uv_initialized, backup_eligible,
					    backup_state, authenticator_transports, public_key_credential_type, attestation_object,
					    attestation_client_data_json, label, created_at, last_used_at)
					select :id, u.user_id, :key, :count, :uv, :be, :bs, :transports, :type, :attestation, :clientData, :label,
					    coalesce(:created, now()), :lastUsed
					from passkey_users u where u.user_handle = :handle
					on conflict (credential_id) do update set signature_count = excluded.signature_count,
					    uv_initialized = excluded.uv_initialized, backup_state = excluded.backup_state,
					    last_used_at = excluded.last_used_at
					""")
			.param("id", record.getCredentialId().toBase64UrlString())
			.param("handle", record.getUserEntityUserId().toBase64UrlString())
			.param("key", record.getPublicKey().getBytes())
			.param("count", record.getSignatureCount())
			.param("uv", record.isUvInitialized())
			.param("be", record.isBackupEligible())
			.param("bs", record.isBackupState())
			.param("transports",
					record.getTransports()
						.stream()
						.map(AuthenticatorTransport::getValue)
						.collect(Collectors.joining(",")))
			.param("type", record.getCredentialType() == null ? null : record.getCredentialType().getValue())
			.param("attestation", bytes(record.getAttestationObject()))
			.param("clientData", bytes(record.getAttestationClientDataJSON()))
			.param("label", record.getLabel())
			.param("created", timestamp(record.getCreated()))
			.param("lastUsed", timestamp(record.getLastUsed()))
			.update();
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return this.jdbc.sql("select " + CREDENTIAL_COLUMNS + """
				from passkeys p join passkey_users u on u.user_id = p.user_id where p.credential_id = :id
				""")
			.param("id", credentialId.toBase64UrlString())
			.query(PasskeyStore::credential)
			.optional()
			.orElse(null);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return this.jdbc.sql("select " + CREDENTIAL_COLUMNS + """
				from passkeys p join passkey_users u on u.user_id = p.user_id where u.user_handle = :handle
				order by p.created_at
				""").param("handle", userId.toBase64UrlString()).query(PasskeyStore::credential).list();
	}

	// what the security page and the sign-in steps ask

	List<PasskeyRow> list(UUID userId) {
		return this.jdbc.sql("""
				select credential_id, label, created_at, last_used_at from passkeys where user_id = :user
				order by created_at, credential_id
				""").param("user", userId).query(PasskeyRow.class).list();
	}

	boolean any(UUID userId) {
		return this.jdbc.sql("select exists (select 1 from passkeys where user_id = :user)")
			.param("user", userId)
			.query(Boolean.class)
			.single();
	}

	/** The owner of a credential, when there is one. */
	Optional<UUID> owner(String credentialId) {
		return this.jdbc.sql("select user_id from passkeys where credential_id = :id")
			.param("id", credentialId)
			.query(UUID.class)
			.optional();
	}

	boolean rename(UUID userId, String credentialId, String label) {
		return this.jdbc.sql("update passkeys set label = :label where credential_id = :id and user_id = :user")
			.param("label", label)
			.param("id", credentialId)
			.param("user", userId)
			.update() == 1;
	}

	boolean delete(UUID userId, String credentialId) {
		return this.jdbc.sql("delete from passkeys where credential_id = :id and user_id = :user")
			.param("id", credentialId)
			.param("user", userId)
			.update() == 1;
	}

	int deleteAll(UUID userId) {
		return this.jdbc.sql("delete from passkeys where user_id = :user").param("user", userId).update();
	}

	private void deleteCredential(String credentialId) {
		this.jdbc.sql("delete from passkeys where credential_id = :id").param("id", credentialId).update();
	}

	private static Optional<UUID> userId(String username) {
		try {
			return Optional.of(UUID.fromString(username));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static PublicKeyCredentialUserEntity userEntity(ResultSet rs, int row) throws SQLException {
		return ImmutablePublicKeyCredentialUserEntity.builder()
			.id(Bytes.fromBase64(rs.getString("user_handle")))
			.name(rs.getString("name"))
			.displayName(rs.getString("display_name"))
			.build();
	}

	private static CredentialRecord credential(ResultSet rs, int row) throws SQLException {
		String transports = rs.getString("authenticator_transports");
		Set<AuthenticatorTransport> parsed = transports == null || transports.isBlank() ? Set.of()
				: Arrays.stream(transports.split(","))
					.map(AuthenticatorTransport::valueOf)
					.collect(Collectors.toCollection(LinkedHashSet::new));
		String type = rs.getString("public_key_credential_type");
		Timestamp lastUsed = rs.getTimestamp("last_used_at");
		Timestamp created = rs.getTimestamp("created_at");
		return ImmutableCredentialRecord.builder()
			.credentialId(Bytes.fromBase64(rs.getString("credential_id")))
			.userEntityUserId(Bytes.fromBase64(rs.getString("user_handle")))
			.publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key")))
			.signatureCount(rs.getLong("signature_count"))
			.uvInitialized(rs.getBoolean("uv_initialized"))
			.backupEligible(rs.getBoolean("backup_eligible"))
			.backupState(rs.getBoolean("backup_state"))
			.transports(parsed)
			.credentialType(type == null ? null : PublicKeyCredentialType.valueOf(type))
			.attestationObject(nullableBytes(rs.getBytes("attestation_object")))
			.attestationClientDataJSON(nullableBytes(rs.getBytes("attestation_client_data_json")))
			.label(rs.getString("label"))
			.created(created.toInstant())
			.lastUsed(lastUsed == null ? created.toInstant() : lastUsed.toInstant())
			.build();
	}

	private static byte[] bytes(Bytes bytes) {
		return bytes == null ? null : bytes.getBytes();
	}

	private static Bytes nullableBytes(byte[] bytes) {
		return bytes == null ? null : new Bytes(bytes);
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
