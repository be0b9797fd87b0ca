package dev.fixpoint.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The one secret store: seals the secrets modules keep for other systems (webhook
 * secrets, forge and chat tokens, TOTP seeds, OIDC client secrets) before they reach a
 * table, and opens them when needed. Modules keep the sealed bytes in their own tables
 * (write-only to clients: a response says a secret is set, never what it is).
 * <p>
 * AES-256-GCM with a fresh 96-bit nonce per seal; the purpose (e.g.
 * {@code "github-webhook-secret"}) is authenticated data, so a value sealed for one
 * purpose does not open for another. Layout: version byte, 4-byte key id, nonce,
 * ciphertext with its tag. The key is {@code FIXPOINT_SECRET_KEY} (any string of 32 or
 * more random characters, hashed to 256 bits) or, when unset, one generated once and kept
 * in the database (all nodes share it; a database dump then carries its own key, so set
 * the variable in production). Rotation: move the old value to
 * {@code FIXPOINT_SECRET_KEY_PREVIOUS}; values sealed with it still open
 * ({@link #isSealedWithOldKey} tells a module to re-seal).
 */
@Component
public class SecretBox {

	private static final byte VERSION = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final int HEADER_BYTES = 1 + 4 + NONCE_BYTES;

	private final SecureRandom random = new SecureRandom();

	private final SingletonSupplier<List<Key>> keys;

	public SecretBox(JdbcClient jdbc, FixpointProperties properties) {
		this.keys = SingletonSupplier.of(() -> loadKeys(jdbc, properties));
	}

	/**
	 * Seals a secret for storage.
	 * @param purpose what the secret is for, bound to the sealed value
	 * @param secret the plain secret
	 * @return the sealed bytes to store
	 */
	public byte[] seal(String purpose, String secret) {
		Key key = this.keys.obtain().getFirst();
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, purpose);
			byte[] body = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(HEADER_BYTES + body.length)
				.put(VERSION)
				.putInt(key.id())
				.put(nonce)
				.put(body)
				.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("sealing failed", ex);
		}
	}

	/**
	 * Opens a value {@link #seal sealed} for the same purpose.
	 * @throws IllegalStateException when the value was sealed with an unknown key, for
	 * another purpose, or was altered (never says more: no secret in a message)
	 */
	public String open(String purpose, byte[] sealed) {
		if (sealed == null || sealed.length < HEADER_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
			throw new IllegalStateException("not a sealed secret");
		}
		ByteBuffer buffer = ByteBuffer.wrap(sealed);
		buffer.get();
		int keyId = buffer.getInt();
		byte[] nonce = new byte[NONCE_BYTES];
		buffer.get(nonce);
		Key key = this.keys.obtain()
			.stream()
			.filter((candidate) -> candidate.id() == keyId)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"secret sealed with a key this node does not have (FIXPOINT_SECRET_KEY changed?)"));
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, purpose);
			return new String(cipher.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES),
					StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new IllegalStateException("sealed secret altered or sealed for another purpose");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("opening failed", ex);
		}
	}

	/** Whether a sealed value was sealed with a key other than the current one. */
	public boolean isSealedWithOldKey(byte[] sealed) {
		return sealed != null && sealed.length >= HEADER_BYTES
				&& ByteBuffer.wrap(sealed, 1, 4).getInt() != this.keys.obtain().getFirst().id();
	}

	/**
	 * A new random secret to hand out once (webhook secrets, signing secrets): 32 random
	 * bytes, URL-safe base64 without padding (43 characters).
	 */
	public String newSecret() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static Cipher cipher(int mode, Key key, byte[] nonce, String purpose) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	private static List<Key> loadKeys(JdbcClient jdbc, FixpointProperties properties) {
		Key current = configured(properties.secretKey());
		if (current == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			jdbc.sql("insert into platform_secret_key (id, secret) values (1, :secret) on conflict do nothing")
				.param("secret", fresh)
				.update();
			current = Key
				.of(jdbc.sql("select secret from platform_secret_key where id = 1").query(byte[].class).single());
		}
		Key previous = configured(properties.secretKeyPrevious());
		return previous == null || previous.id() == current.id() ? List.of(current) : List.of(current, previous);
	}

	private static Key configured(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return Key.of(sha256(value.getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Key(int id, byte[] bytes) {

		static Key of(byte[] bytes) {
			// the id names the key without revealing it: the start of a hash of a hash
			return new Key(ByteBuffer.wrap(sha256(sha256(bytes))).getInt(), Arrays.copyOf(bytes, 32));
		}

	}

}
