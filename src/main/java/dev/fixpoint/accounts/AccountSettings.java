package dev.fixpoint.accounts;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own account: profile, password, email address, signed-in sessions.
 */
@Service
public class AccountSettings {

	static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{1,38}$");

	static final Set<String> THEMES = Set.of("system", "light", "dark");

	static final Duration EMAIL_CHANGE_LIFETIME = Duration.ofHours(24);

	private final UserRepository users;

	private final Revocations revocations;

	private final Credentials credentials;

	private final AccountMail mail;

	private final AuditLog audit;

	private final Clock clock;

	AccountSettings(UserRepository users, Revocations revocations, Credentials credentials, AccountMail mail,
			AuditLog audit, Clock clock) {
		this.users = users;
		this.revocations = revocations;
		this.credentials = credentials;
		this.mail = mail;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Profile profile(UUID userId) {
		return this.users.profile(userId).orElseThrow(() -> NotFoundException.of("User"));
	}

	@Transactional
	public Profile update(CurrentUser user, ProfileChanges changes) {
		Profile now = profile(user.id());
		String name = changes.name() == null ? now.name() : changes.name().trim();
		String username = changes.username() == null ? now.username() : changes.username().trim();
		String timeZone = changes.timeZone() == null ? now.timeZone() : changes.timeZone().trim();
		String theme = changes.theme() == null ? now.theme() : changes.theme();
		List<FieldError> errors = new java.util.ArrayList<>();
		if (name.isEmpty() || name.length() > 100) {
			errors.add(new FieldError("name", "must be 1–100 characters"));
		}
		if (!USERNAME.matcher(username).matches()) {
			errors.add(new FieldError("username",
					"must be 2–39 letters, digits, '.', '_' or '-', starting with a letter or digit"));
		}
		if (!validZone(timeZone)) {
			errors.add(new FieldError("time_zone", "must be an IANA time zone such as Europe/Berlin"));
		}
		if (!THEMES.contains(theme)) {
			errors.add(new FieldError("theme", "must be system, light or dark"));
		}
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
		if (!username.equalsIgnoreCase(now.username()) && this.users.usernameTaken(username)) {
			throw DuplicateAccountException.of(List.of(new FieldError("username", "is already taken")));
		}
		this.users.updateProfile(user.id(), name, username, timeZone, theme);
		Profile updated = profile(user.id());
		this.audit.record(AuditEvent.of("account.profile_changed", user.id())
			.target("user", user.id(), null)
			.change(diff(now, updated, true), diff(now, updated, false)));
		return updated;
	}

	/**
	 * Changes the password after checking the current one (throttled like a login), then
	 * revokes every other session and token of the person: the caller's stays signed in.
	 */
	@Transactional
	public void changePassword(CurrentUser user, String currentPassword, String newPassword, Caller caller) {
		UserRepository.UserRow row = this.users.findById(user.id()).orElseThrow(() -> NotFoundException.of("User"));
		if (!this.credentials.matches(row, currentPassword, caller.clientIp())) {
			throw InvalidInputException.of("current_password", "is not your current password");
		}
		Passwords.check("new_password", newPassword);
		this.users.updatePassword(user.id(), this.credentials.hash(newPassword));
		this.revocations.allBut(user.id(), caller);
		this.audit.record(AuditEvent.of("account.password_changed", user.id()).target("user", user.id(), null));
	}

	@Transactional(readOnly = true)
	public List<ActiveSession> sessions(CurrentUser user, String currentSessionId) {
		return this.revocations.sessions(user.id(), currentSessionId);
	}

	@Transactional
	public void revokeSession(CurrentUser user, String sessionId) {
		if (!this.revocations.session(user.id(), sessionId)) {
			throw NotFoundException.of("Session");
		}
		this.audit.record(AuditEvent.of("account.session_revoked", user.id()).target("session", sessionId, null));
	}

	/**
	 * Sends a confirmation link to the new address; the address changes only when it is
	 * followed (24 h). A taken address gets the same answer and no email.
	 */
	@Transactional
	public void requestEmailChange(CurrentUser user, String newEmail) {
		if (newEmail == null || !newEmail.trim().matches("^[^@\\s]+@[^@\\s]+$") || newEmail.trim().length() > 254) {
			throw InvalidInputException.of("email", "must be a valid email address");
		}
		String email = newEmail.trim();
		if (this.users.emailTaken(email)) {
			return;
		}
		this.mail.send(AccountLinkRepository.Purpose.EMAIL_CHANGE, user.id(), email, null, user.id(),
				EMAIL_CHANGE_LIFETIME, "/account/email/confirm", "Confirm your new email address for Fixpoint", """
						Someone (hopefully you) asked to use this address for their Fixpoint account.

						Confirm it within 24 hours:
						{link}

						If it was not you, ignore this email: nothing changes.
						""");
	}

	static boolean validZone(String zone) {
		try {
			ZoneId.of(zone);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	private static Map<String, Object> diff(Profile before, Profile after, boolean old) {
		Map<String, Object> values = new LinkedHashMap<>();
		put(values, "name", before.name(), after.name(), old);
		put(values, "username", before.username(), after.username(), old);
		put(values, "time_zone", before.timeZone(), after.timeZone(), old);
		put(values, "theme", before.theme(), after.theme(), old);
		return values;
	}

	private static void put(Map<String, Object> values, String key, String before, String after, boolean old) {
		if (!before.equals(after)) {
			values.put(key, old ? before : after);
		}
	}

}
