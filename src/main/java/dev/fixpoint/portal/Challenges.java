package dev.fixpoint.portal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import dev.fixpoint.platform.Hmacs;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The portal's challenge, no third-party service: a signed, expiring challenge string
 * that is answered either by a proof of work (a nonce such that SHA-256 of
 * {@code challenge:nonce} starts with {@code bits} zero bits; a few lines of the
 * browser's own crypto, {@code static/js/portal.js}) or, without JavaScript, by a sum
 * whose terms only the server can derive from the challenge. A challenge is accepted once
 * by the whole installation: its hash is claimed in {@code portal_used_challenges} (kept
 * until it expires, then deleted by {@code PortalCleanup}), so another node refuses a
 * replay too. Signed with {@link PortalKeys}.
 */
@Component
class Challenges {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final PortalKeys keys;

	private final PortalProperties properties;

	private final Clock clock;

	private final JdbcClient jdbc;

	Challenges(PortalKeys keys, PortalProperties properties, Clock clock, JdbcClient jdbc) {
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	PortalChallenge issue() {
		long expires = Times.now(this.clock).plus(this.properties.challengeTtl()).getEpochSecond();
		byte[] random = new byte[12];
		RANDOM.nextBytes(random);
		String payload = expires + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		String challenge = payload + "." + mac("c." + payload);
		int[] terms = terms(payload);
		return new PortalChallenge(challenge, this.properties.challengeBits(),
				"What is " + terms[0] + " plus " + terms[1] + "?");
	}

	/**
	 * Accepts a solved challenge once; refuses (400/422 on {@code challenge}) a missing,
	 * forged, expired, reused or unsolved one.
	 */
	void check(String challenge, String nonce, String answer) {
		if (challenge == null || challenge.isBlank()) {
			throw InvalidInputException.of("challenge", "is required: load the form (or GET the challenge) first");
		}
		String[] parts = challenge.split("\\.");
		if (parts.length != 3 || challenge.length() > 200
				|| !Hmacs.equalsConstantTime(mac("c." + parts[0] + "." + parts[1]), parts[2])) {
			throw InvalidInputException.of("challenge", "is not one this server gave");
		}
		if (!parts[0].matches("\\d{1,12}")
				|| Instant.ofEpochSecond(Long.parseLong(parts[0])).isBefore(Times.now(this.clock))) {
			throw InvalidInputException.of("challenge", "has expired: reload the form and send again");
		}
		if (!solved(challenge, parts[0] + "." + parts[1], nonce, answer)) {
			throw InvalidInputException.of("challenge", "is not solved: answer the question");
		}
		if (!claim(challenge, Instant.ofEpochSecond(Long.parseLong(parts[0])))) {
			throw InvalidInputException.of("challenge", "was used already: reload the form and send again");
		}
	}

	/** Claims a challenge for this answer; false when any node claimed it before. */
	private boolean claim(String challenge, Instant expires) {
		return this.jdbc.sql("""
				insert into portal_used_challenges (challenge_hash, expires_at) values (:hash, :expires)
				on conflict (challenge_hash) do nothing
				""")
			.param("hash", Tokens.hash(challenge))
			.param("expires", java.sql.Timestamp.from(expires))
			.update() == 1;
	}

	private boolean solved(String challenge, String payload, String nonce, String answer) {
		if (nonce != null && !nonce.isBlank() && nonce.length() <= 64) {
			return leadingZeroBits(sha256(challenge + ":" + nonce)) >= this.properties.challengeBits();
		}
		if (answer != null && answer.strip().matches("\\d{1,3}")) {
			int[] terms = terms(payload);
			return Integer.parseInt(answer.strip()) == terms[0] + terms[1];
		}
		return false;
	}

	/**
	 * The sum's terms: 2..19 and 1..9, from the key (not readable from the challenge).
	 */
	private int[] terms(String payload) {
		byte[] mac = rawMac("q." + payload);
		return new int[] { 2 + Math.floorMod(mac[0], 18), 1 + Math.floorMod(mac[1], 9) };
	}

	static int leadingZeroBits(byte[] hash) {
		int bits = 0;
		for (byte b : hash) {
			if (b == 0) {
				bits += 8;
				continue;
			}
			return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
		}
		return bits;
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String mac(String text) {
		return this.keys.mac(text);
	}

	private byte[] rawMac(String text) {
		return this.keys.rawMac(text);
	}

}
