package dev.fixpoint.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.SecretBox;
import dev.fixpoint.platform.Times;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's second factor: TOTP enrolment (seed sealed in {@link SecretBox}, confirmed
 * by a first code), ten single-use recovery codes (kept as SHA-256, shown once), checking
 * a code at sign-in (throttled by {@link OtpThrottle}, a TOTP code accepted once), and
 * turning it off again (password and a code). Each change, a wrong code and a recovery
 * code used go to the audit log.
 */
@Service
public class SecondFactors {

	static final String SEED_PURPOSE = "totp-seed";

	static final String ISSUER = "Fixpoint";

	static final int RECOVERY_CODES = 10;

	private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A seed to enter into an authenticator app: as text and as what a QR code holds. */
	public record TotpEnrolment(String secret, String otpauthUrl) {
	}

	/**
	 * Where a person stands: TOTP on, an enrolment started but not confirmed, recovery
	 * codes left, how many passkeys (each counts as a second factor), the organizations
	 * that require a second factor of them, and so whether they must enrol before
	 * anything else.
	 */
	public record TwoFactorStatus(boolean totpEnabled, boolean enrolmentPending, int recoveryCodesLeft, int passkeys,
			List<String> requiredBy, boolean enrolmentRequired) {

		static TwoFactorStatus of(boolean totpEnabled, boolean enrolmentPending, int recoveryCodesLeft, int passkeys,
				List<String> requiredBy) {
			return new TwoFactorStatus(totpEnabled, enrolmentPending, recoveryCodesLeft, passkeys, requiredBy,
					!totpEnabled && passkeys == 0 && !requiredBy.isEmpty());
		}

		/** Whether signing in with a password takes a second step. */
		public boolean secondFactor() {
			return this.totpEnabled || this.passkeys > 0;
		}

	}

	private final SecondFactorRepository factors;

	private final SecretBox box;

	private final OtpThrottle throttle;

	private final Credentials credentials;

	private final PasskeyStore passkeys;

	private final Clock clock;

	private final AuditLog audit;

	SecondFactors(SecondFactorRepository factors, SecretBox box, OtpThrottle throttle, Credentials credentials,
			PasskeyStore passkeys, Clock clock, AuditLog audit) {
		this.factors = factors;
		this.audit = audit;
		this.passkeys = passkeys;
		this.box = box;
		this.throttle = throttle;
		this.credentials = credentials;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public TwoFactorStatus status(UUID userId) {
		var totp = this.factors.findTotp(userId);
		boolean enabled = totp.map(SecondFactorRepository.TotpRow::confirmed).orElse(false);
		return TwoFactorStatus.of(enabled, totp.isPresent() && !enabled,
				enabled ? this.factors.recoveryCodesLeft(userId) : 0, this.passkeys.list(userId).size(),
				this.factors.organizationsRequiring(userId));
	}

	/** Whether signing in with a password takes a second step (TOTP or a passkey). */
	@Transactional(readOnly = true)
	public boolean enabled(UUID userId) {
		return this.factors.totpConfirmed(userId) || this.passkeys.any(userId);
	}

	/**
	 * A new seed, not yet in force: it is confirmed by the first code typed from it.
	 * @throws ConflictException when TOTP is already on (turn it off first)
	 */
	@Transactional
	public TotpEnrolment startTotp(CurrentUser user) {
		String secret = Totp.newSecret();
		if (!this.factors.startTotp(user.id(), this.box.seal(SEED_PURPOSE, secret), Times.now(this.clock))) {
			throw ConflictException.because("Two-factor authentication is already on; turn it off first");
		}
		return new TotpEnrolment(secret, Totp.otpauthUrl(ISSUER, user.email(), secret));
	}

	/** The seed of an enrolment started but not yet confirmed, to show again. */
	@Transactional(readOnly = true)
	public java.util.Optional<TotpEnrolment> pendingEnrolment(CurrentUser user) {
		return this.factors.findTotp(user.id())
			.filter(totp -> !totp.confirmed())
			.map(totp -> this.box.open(SEED_PURPOSE, totp.sealedSecret()))
			.map(secret -> new TotpEnrolment(secret, Totp.otpauthUrl(ISSUER, user.email(), secret)));
	}

	/**
	 * Puts the started seed in force once a code from it is right; returns the recovery
	 * codes (the only time they are shown).
	 */
	@Transactional
	public List<String> confirmTotp(CurrentUser user, String code) {
		var totp = this.factors.findTotp(user.id())
			.orElseThrow(() -> InvalidInputException.of("code", "start the enrolment first"));
		if (totp.confirmed()) {
			throw ConflictException.because("Two-factor authentication is already on");
		}
		this.throttle.checkAllowed(user.id());
		if (!acceptTotp(user.id(), totp, code)) {
			this.throttle.failed(user.id());
			throw InvalidInputException.of("code", "is wrong or expired");
		}
		this.factors.confirmTotp(user.id(), Times.now(this.clock));
		this.audit.record(AuditEvent.of("account.totp_enabled", user.id()).target("user", user.id(), null));
		return newRecoveryCodes(user.id());
	}

	/**
	 * Checks the second factor of a sign-in whose password was right (throttled).
	 * @throws SecondFactorRequiredException when the code is missing, wrong or reused
	 */
	@Transactional
	public void verify(UUID userId, String code) {
		this.throttle.checkAllowed(userId);
		if (code == null || code.isBlank()) {
			throw SecondFactorRequiredException.missing();
		}
		var totp = this.factors.findTotp(userId).filter(SecondFactorRepository.TotpRow::confirmed);
		boolean byTotp = totp.isPresent() && acceptTotp(userId, totp.get(), code);
		boolean byRecoveryCode = !byTotp && totp.isPresent()
				&& this.factors.useRecoveryCode(userId, RecoveryCode.hash(code), Times.now(this.clock));
		if (!byTotp && !byRecoveryCode) {
			this.throttle.failed(userId);
			// kept although the refusal rolls the caller's transaction back
			this.audit
				.recordRegardless(AuditEvent.of("auth.second_factor_failed", userId).target("user", userId, null));
			throw SecondFactorRequiredException.wrong();
		}
		if (byRecoveryCode) {
			this.audit.record(AuditEvent.of("auth.recovery_code_used", userId)
				.target("user", userId, null)
				.change(null, Map.of("recovery_codes_left", this.factors.recoveryCodesLeft(userId))));
		}
		this.throttle.succeeded(userId);
	}

	/** Turns TOTP off and forgets the recovery codes: needs the password and a code. */
	@Transactional
	public void disable(CurrentUser user, String password, String code) {
		checkPassword(user, password);
		verify(user.id(), code);
		this.factors.deleteTotp(user.id());
		this.audit.record(AuditEvent.of("account.totp_disabled", user.id()).target("user", user.id(), null));
	}

	/** Replaces the recovery codes (all old ones stop working): needs a code. */
	@Transactional
	public List<String> regenerateRecoveryCodes(CurrentUser user, String code) {
		if (!this.factors.totpConfirmed(user.id())) {
			throw ConflictException.because("Two-factor authentication is off");
		}
		verify(user.id(), code);
		this.audit
			.record(AuditEvent.of("account.recovery_codes_regenerated", user.id()).target("user", user.id(), null));
		return newRecoveryCodes(user.id());
	}

	private void checkPassword(CurrentUser user, String password) {
		this.throttle.checkAllowed(user.id());
		if (!this.credentials.matches(user.id(), password)) {
			this.throttle.failed(user.id());
			throw InvalidInputException.of("password", "is wrong");
		}
	}

	private boolean acceptTotp(UUID userId, SecondFactorRepository.TotpRow totp, String code) {
		String secret = this.box.open(SEED_PURPOSE, totp.sealedSecret());
		OptionalLong step = Totp.matchingStep(secret, code, Times.now(this.clock));
		return step.isPresent() && this.factors.useStep(userId, step.getAsLong());
	}

	private List<String> newRecoveryCodes(UUID userId) {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			codes.add(RecoveryCode.generate());
		}
		this.factors.replaceRecoveryCodes(userId, codes.stream().map(RecoveryCode::hash).toList());
		return codes;
	}

	/**
	 * Ten letters and digits that cannot be mistaken for each other, as
	 * {@code xxxxx-xxxxx}.
	 */
	static final class RecoveryCode {

		private RecoveryCode() {
		}

		static String generate() {
			StringBuilder code = new StringBuilder();
			for (int i = 0; i < 10; i++) {
				if (i == 5) {
					code.append('-');
				}
				code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
			}
			return code.toString();
		}

		/** Hash of the code as typed, ignoring case, spaces and dashes. */
		static byte[] hash(String typed) {
			return Tokens.hash(typed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
		}

	}

}
