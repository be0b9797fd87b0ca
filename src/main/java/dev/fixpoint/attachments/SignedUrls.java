package dev.fixpoint.attachments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

import dev.fixpoint.platform.Hmacs;
import dev.fixpoint.platform.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Download links that need no session:
 * {@code /api/attachments/{id}/{content|thumbnail}?expires=&signature=}, the signature an
 * HMAC-SHA256 over id, variant and expiry. The key comes from the configuration or is
 * generated once and kept in the database, so every node (and every restart) signs alike.
 */
@Component
class SignedUrls {

	private final AttachmentProperties properties;

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile byte[] key;

	SignedUrls(AttachmentProperties properties, JdbcClient jdbc, Clock clock) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	String url(UUID id, Variant variant) {
		long expires = Times.now(this.clock).plus(this.properties.urlTtl()).getEpochSecond();
		return "/api/attachments/" + id + "/" + path(variant) + "?expires=" + expires + "&signature="
				+ sign(id, variant, expires);
	}

	static String path(Variant variant) {
		return variant == Variant.ORIGINAL ? "content" : "thumbnail";
	}

	/**
	 * True only for an untampered signature whose expiry has not passed; compared in
	 * constant time.
	 */
	boolean valid(UUID id, Variant variant, long expires, String signature) {
		if (signature == null || expires < Times.now(this.clock).getEpochSecond()) {
			return false;
		}
		return Hmacs.equalsConstantTime(sign(id, variant, expires), signature);
	}

	String sign(UUID id, Variant variant, long expires) {
		return Hmacs.sha256Hex(key(), (id + "\n" + variant.key() + "\n" + expires).getBytes(StandardCharsets.UTF_8));
	}

	private byte[] key() {
		byte[] current = this.key;
		if (current == null) {
			current = loadKey();
			this.key = current;
		}
		return current;
	}

	private byte[] loadKey() {
		String configured = this.properties.signingKey();
		if (configured != null && !configured.isBlank()) {
			try {
				return MessageDigest.getInstance("SHA-256").digest(configured.getBytes(StandardCharsets.UTF_8));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		this.jdbc.sql("insert into attachment_signing_key (id, secret) values (1, :secret) on conflict do nothing")
			.param("secret", fresh)
			.update();
		return this.jdbc.sql("select secret from attachment_signing_key where id = 1").query(byte[].class).single();
	}

}
