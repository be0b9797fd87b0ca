package dev.fixpoint.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Times;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What single-use links sent by email do: reset a forgotten password, confirm a new email
 * address. One answer whether or not an address is registered.
 */
@Service
public class EmailLinks {

	static final Duration RESET_LIFETIME = Duration.ofHours(1);

	static final Duration VERIFICATION_LIFETIME = Duration.ofDays(7);

	static final String INVALID_LINK = "This link is invalid, used or expired";

	private final UserRepository users;

	private final AccountLinkRepository links;

	private final AccountMail mail;

	private final Revocations revocations;

	private final Credentials credentials;

	private final ResetThrottle throttle;

	private final AuditLog audit;

	private final Clock clock;

	/** {@code fixpoint.signup.verification-email}: a link at sign-up (on by default). */
	private volatile boolean onSignup;

	EmailLinks(UserRepository users, AccountLinkRepository links, AccountMail mail, Revocations revocations,
			Credentials credentials, ResetThrottle throttle, AuditLog audit, Clock clock,
			@Value("${fixpoint.signup.verification-email:true}") boolean onSignup) {
		this.onSignup = onSignup;
		this.users = users;
		this.links = links;
		this.mail = mail;
		this.revocations = revocations;
		this.credentials = credentials;
		this.throttle = throttle;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Emails a reset link (1 hour, single use) when the address belongs to an active
	 * person and its hourly allowance is not spent; otherwise does nothing, silently.
	 */
	@Transactional
	public void requestPasswordReset(String email, String clientIp) {
		if (email == null || email.isBlank() || email.length() > 254) {
			throw InvalidInputException.of("email", "is required");
		}
		if (!this.throttle.mayEmail(email, clientIp == null ? "unknown" : clientIp)) {
			return;
		}
		this.users.findByEmail(email.trim()).ifPresent(user -> {
			this.mail.send(AccountLinkRepository.Purpose.PASSWORD_RESET, user.id(), user.email(), null, null,
					RESET_LIFETIME, "/password-reset/confirm", "Reset your Fixpoint password", """
							Someone (hopefully you) asked to reset the password of your Fixpoint account.

							Choose a new password within the hour:
							{link}

							If it was not you, ignore this email: your password stays as it is.
							""");
			this.audit.record(AuditEvent.of("account.password_reset_requested", null).target("user", user.id(), null));
		});
	}

	/**
	 * Whether a reset link can still be used (for the page that asks for the password).
	 */
	@Transactional(readOnly = true)
	public boolean resetLinkUsable(String token) {
		return token != null && token.startsWith(Tokens.PREFIX) && token.length() < 200 && this.links
			.usable(AccountLinkRepository.Purpose.PASSWORD_RESET, Tokens.hash(token), Times.now(this.clock));
	}

	/**
	 * Sets the new password from a reset link and signs the person out everywhere.
	 */
	@Transactional
	public void resetPassword(String token, String password) {
		Passwords.check("password", password);
		AccountLinkRepository.Link link = consume(AccountLinkRepository.Purpose.PASSWORD_RESET, token);
		this.users.updatePassword(link.userId(), this.credentials.hash(password));
		// following the link proves the address
		this.users.markVerified(link.userId());
		this.revocations.allBut(link.userId(), null);
		this.audit.record(AuditEvent.of("account.password_reset", link.userId()).target("user", link.userId(), null));
	}

	/** Moves the account to the address the link was sent to. */
	@Transactional
	public void confirmEmailChange(String token) {
		AccountLinkRepository.Link link = consume(AccountLinkRepository.Purpose.EMAIL_CHANGE, token);
		Optional<UserRepository.UserRow> user = this.users.findById(link.userId());
		if (user.isEmpty() || this.users.emailTaken(link.email())) {
			throw InvalidInputException.of("token", INVALID_LINK);
		}
		this.users.updateEmail(link.userId(), link.email());
		this.audit.record(AuditEvent.of("account.email_changed", link.userId())
			.target("user", link.userId(), null)
			.change(Map.of("email", user.get().email()), Map.of("email", link.email())));
	}

	/** A new account's verification link, unless they are switched off. */
	void sendVerificationOnSignup(UUID userId, String email) {
		if (this.onSignup) {
			sendVerification(userId, email);
		}
	}

	/** Switches the sign-up link on or off (the test suite, whose mailbox is shared). */
	void verificationOnSignup(boolean on) {
		this.onSignup = on;
	}

	/** Emails a link that verifies the address (7 days, single use). */
	@Transactional
	public void sendVerification(UUID userId, String email) {
		this.mail.send(AccountLinkRepository.Purpose.EMAIL_VERIFICATION, userId, email, null, null,
				VERIFICATION_LIFETIME, "/account/verify", "Verify your email address for Fixpoint", """
						Welcome to Fixpoint! Please confirm that this address is yours within 7 days:
						{link}

						If you did not create an account, ignore this email.
						""");
	}

	/**
	 * Sends the person a new verification link, unless the address is verified already
	 * (then nothing happens).
	 */
	@Transactional
	public void resendVerification(CurrentUser user) {
		this.users.profile(user.id())
			.filter(profile -> !profile.emailVerified())
			.ifPresent(profile -> sendVerification(profile.id(), profile.email()));
	}

	/** Marks the address verified when the link is still good and was sent to it. */
	@Transactional
	public void verifyEmail(String token) {
		AccountLinkRepository.Link link = consume(AccountLinkRepository.Purpose.EMAIL_VERIFICATION, token);
		Optional<UserRepository.UserRow> user = this.users.findById(link.userId());
		if (user.isEmpty() || !user.get().email().equalsIgnoreCase(link.email())) {
			throw InvalidInputException.of("token", INVALID_LINK);
		}
		this.users.markVerified(link.userId());
		this.audit.record(AuditEvent.of("account.email_verified", link.userId()).target("user", link.userId(), null));
	}

	private AccountLinkRepository.Link consume(AccountLinkRepository.Purpose purpose, String token) {
		if (token == null || !token.startsWith(Tokens.PREFIX) || token.length() > 200) {
			throw InvalidInputException.of("token", INVALID_LINK);
		}
		return this.links.consume(purpose, Tokens.hash(token), Times.now(this.clock))
			.orElseThrow(() -> InvalidInputException.of("token", INVALID_LINK));
	}

}
