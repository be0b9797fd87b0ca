package dev.fixpoint.accounts;

import java.time.Duration;
import java.util.Optional;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.FixpointProperties;
import dev.fixpoint.platform.RateLimit;
import dev.fixpoint.platform.UnauthorizedException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Password hashing and checking, throttled, in constant-ish time whether or not the email
 * exists.
 */
@Component
class Credentials {

	private final PasswordEncoder encoder;

	private final UserRepository users;

	private final LoginThrottle throttle;

	private final FixpointProperties properties;

	private final SsoRepository sso;

	/**
	 * What an unknown email's password is checked against; hashed on first use, not on
	 * the start path (a BCrypt hash in a cold JVM costs a few hundred ms of start-up).
	 */
	private final SingletonSupplier<String> dummyHash;

	private final AuditLog audit;

	Credentials(PasswordEncoder encoder, UserRepository users, LoginThrottle throttle, FixpointProperties properties,
			AuditLog audit, SsoRepository sso) {
		this.encoder = encoder;
		this.audit = audit;
		this.sso = sso;
		this.users = users;
		this.throttle = throttle;
		this.properties = properties;
		this.dummyHash = SingletonSupplier.of(() -> encoder.encode("not-a-real-password-" + System.nanoTime()));
	}

	/** Whether this is the person's password (throttled like a login). */
	boolean matches(UserRepository.UserRow user, String password, String clientIp) {
		String ip = clientIp == null ? "unknown" : clientIp;
		this.throttle.checkAllowed(user.email(), ip);
		boolean matches = this.encoder.matches(password == null ? "" : password, user.passwordHash());
		if (!matches) {
			this.throttle.failed(user.email(), ip);
		}
		return matches;
	}

	String hash(String password) {
		return this.encoder.encode(password);
	}

	Duration loginTokenLifetime() {
		return this.properties.apiTokenLifetime();
	}

	RateLimit quota(String email, String clientIp) {
		return this.throttle.quota(email, clientIp == null ? "unknown" : clientIp);
	}

	/** Whether this is the person's password (not throttled here: callers throttle). */
	boolean matches(java.util.UUID userId, String password) {
		return this.users.findById(userId)
			.map(user -> this.encoder.matches(password == null ? "" : password, user.passwordHash()))
			.orElse(false);
	}

	UserRepository.UserRow check(String email, String password, String clientIp) {
		String ip = clientIp == null ? "unknown" : clientIp;
		this.throttle.checkAllowed(email, ip);
		Optional<UserRepository.UserRow> user = email == null || email.isBlank() ? Optional.empty()
				: this.users.findByEmail(email.trim());
		String candidate = password == null ? "" : password;
		// Always run the hash so response time does not tell whether the email is
		// registered.
		boolean matches = this.encoder.matches(candidate,
				user.map(UserRepository.UserRow::passwordHash).orElseGet(this.dummyHash));
		if (user.isEmpty() || !matches) {
			this.throttle.failed(email, ip);
			this.audit.recordRegardless(
					AuditEvent.of("auth.sign_in_failed", user.map(UserRepository.UserRow::id).orElse(null))
						.target("user", user.map(UserRepository.UserRow::id).orElse(null),
								email == null ? null : email.trim()));
			throw UnauthorizedException.because(Accounts.BAD_CREDENTIALS);
		}
		this.throttle.succeeded(email);
		// the sign-in is recorded once complete (a second step may follow):
		// Accounts.recordSignIn
		refuseWhereSsoIsRequired(user.get());
		return user.get();
	}

	/**
	 * Members of an organization that requires single sign-on do not sign in with a
	 * password (told only once the password was right, so it tells a stranger nothing);
	 * site admins still can, so a broken provider cannot lock everyone out.
	 */
	private void refuseWhereSsoIsRequired(UserRepository.UserRow user) {
		if (user.isSiteAdmin()) {
			return;
		}
		java.util.List<String> orgs = this.sso.requiringSso(user.id());
		if (!orgs.isEmpty()) {
			throw UnauthorizedException.because(String.join(", ", orgs)
					+ " requires single sign-on: sign in with your organization's provider (the button below)");
		}
	}

}
