package dev.fixpoint.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.RateLimit;
import dev.fixpoint.platform.Times;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The accounts use cases: sign up, log in, log out, personal tokens, look people up. */
@Service
public class Accounts {

	static final String BAD_CREDENTIALS = "Invalid email or password";

	private final UserRepository users;

	private final TokenRepository tokens;

	private final Organizations organizations;

	private final Credentials credentials;

	private final SecondFactors secondFactors;

	private final Clock clock;

	private final AuditLog audit;

	private final InstanceSettings instance;

	private final EmailLinks links;

	Accounts(UserRepository users, TokenRepository tokens, Organizations organizations, Credentials credentials,
			SecondFactors secondFactors, Clock clock, AuditLog audit, InstanceSettings instance, EmailLinks links) {
		this.instance = instance;
		this.links = links;
		this.users = users;
		this.tokens = tokens;
		this.organizations = organizations;
		this.credentials = credentials;
		this.secondFactors = secondFactors;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * Creates the user and their personal organization, as the installation's sign-up
	 * rules allow (open, invite only, closed; allowed domains), and emails a link to
	 * verify the address. The very first user of an installation is its admin (no rules,
	 * no email).
	 */
	@Transactional
	public UserSummary register(Signup signup) {
		boolean first = !this.users.anyExists();
		if (!first) {
			this.instance.checkSignup(signup.email());
		}
		UserSummary user = create(signup, first, false);
		if (!first) {
			this.links.sendVerificationOnSignup(user.id(), user.email());
		}
		return user;
	}

	/**
	 * Creates an account for the address an invitation was sent to (which proves it):
	 * verified, whatever the sign-up rules.
	 */
	UserSummary registerInvited(Signup signup) {
		return create(signup, false, true);
	}

	private UserSummary create(Signup signup, boolean first, boolean verified) {
		List<FieldError> taken = new ArrayList<>();
		if (this.users.emailTaken(signup.email())) {
			taken.add(new FieldError("email", "is already registered"));
		}
		if (this.users.usernameTaken(signup.username())) {
			taken.add(new FieldError("username", "is already taken"));
		}
		if (!taken.isEmpty()) {
			throw DuplicateAccountException.of(taken);
		}
		UUID id = Ids.newId();
		this.users.insert(id, signup.email(), signup.username(), signup.name(),
				this.credentials.hash(signup.password()), first);
		if (first || verified) {
			this.users.markVerified(id);
		}
		this.audit.record(AuditEvent.of("account.signed_up", id)
			.target("user", id, null)
			.change(null, Map.of("invited", verified)));
		UserSummary user = new UserSummary(id, signup.email(), signup.name(), signup.username());
		String orgName = signup.organizationName() != null ? signup.organizationName() : signup.name();
		this.organizations.create(orgName, signup.organizationName() != null ? orgName : signup.username(), id);
		return user;
	}

	/**
	 * An account made for a person a single sign-on provider vouched for: a username from
	 * the email, no usable password (a random one nobody knows), and their personal
	 * organization as on signup. Like an invitation's, the address is verified (the
	 * provider said so) and the installation's sign-up rules do not apply: the provider's
	 * admins decided who may come in.
	 */
	@Transactional
	UserSummary provision(String email, String name) {
		String local = email.substring(0, email.indexOf('@')).replaceAll("[^A-Za-z0-9_.-]", "");
		String base = (local.isEmpty() || !Character.isLetterOrDigit(local.charAt(0)) ? "u" + local : local);
		base = base.length() > 30 ? base.substring(0, 30) : base;
		String username = base.length() < 2 ? base + "0" : base;
		while (this.users.usernameTaken(username)) {
			username = base + "-"
					+ Tokens.newSecret()
						.substring(Tokens.PREFIX.length(), Tokens.PREFIX.length() + 6)
						.toLowerCase(java.util.Locale.ROOT)
						.replaceAll("[^a-z0-9]", "0");
		}
		String display = name == null || name.isBlank() ? local : name.strip();
		return registerInvited(new Signup(email, Tokens.newSecret(),
				display.length() > 100 ? display.substring(0, 100) : display, username, null));
	}

	@Transactional
	public AuthResult signup(Signup signup) {
		UserSummary user = register(signup);
		return new AuthResult(user, issueLoginToken(user.id()));
	}

	/**
	 * Checks a password (throttled; one message for unknown email and wrong password).
	 */
	@Transactional
	public UserSummary authenticate(String email, String password, String clientIp) {
		return this.credentials.check(email, password, clientIp).summary();
	}

	/**
	 * Password, then the second factor when the person has one ({@code otp}: a TOTP or
	 * recovery code; without it a {@link SecondFactorRequiredException}; a person whose
	 * only second factor is a passkey is refused: scripts use personal tokens). A person
	 * whose organization requires a second factor and who has none is refused until they
	 * turn one on in the browser.
	 */
	@Transactional
	public AuthResult login(String email, String password, String otp, String clientIp) {
		UserSummary user = authenticate(email, password, clientIp);
		SecondFactors.TwoFactorStatus factors = this.secondFactors.status(user.id());
		if (factors.totpEnabled()) {
			this.secondFactors.verify(user.id(), otp);
		}
		else if (factors.secondFactor()) {
			// a passkey is the only second factor: something a script cannot present
			throw ForbiddenException.because("Your second factor is a passkey, which only a browser can present: "
					+ "sign in there, or use a personal API token");
		}
		else if (factors.enrolmentRequired()) {
			throw ForbiddenException.because(
					"Your organization requires two-factor authentication: turn it on at /settings/security first");
		}
		recordSignIn(user.id(), factors.totpEnabled() ? "password, code" : "password");
		return new AuthResult(user, issueLoginToken(user.id()));
	}

	/**
	 * A sign-in that is complete (after its second step, if any) for the audit log:
	 * {@code method} says how ({@code password}, {@code password, code},
	 * {@code password, passkey}, {@code passkey}, {@code single sign-on}...).
	 */
	@Transactional
	public void recordSignIn(UUID userId, String method) {
		this.audit.record(AuditEvent.of("auth.signed_in", userId)
			.target("user", userId, null)
			.change(null, Map.of("method", method)));
	}

	/**
	 * The failed-login allowance left for this email from this address (the tighter of
	 * the two limits): the API's {@code RateLimit-*} headers on a login.
	 */
	public RateLimit loginQuota(String email, String clientIp) {
		return this.credentials.quota(email, clientIp);
	}

	@Transactional
	public void logout(String bearerToken) {
		this.tokens.findValid(Tokens.hash(bearerToken), Times.now(this.clock))
			.ifPresent(owner -> this.tokens.delete(owner.userId(), owner.tokenId()));
	}

	@Transactional
	public CreatedToken createPersonalToken(CurrentUser user, String name, Instant expiresAt) {
		return createPersonalToken(user, name, expiresAt, false);
	}

	@Transactional
	public CreatedToken createPersonalToken(CurrentUser user, String name, Instant expiresAt, boolean readOnly) {
		if (name == null || name.isBlank() || name.trim().length() > 100) {
			throw InvalidInputException.of("name", "must be 1–100 characters");
		}
		Instant now = Times.now(this.clock);
		if (expiresAt != null && expiresAt.isBefore(now)) {
			throw InvalidInputException.of("expires_at", "must be in the future");
		}
		String secret = Tokens.newSecret();
		UUID id = Ids.newId();
		this.tokens.insert(id, user.id(), name.trim(), "personal", Tokens.hash(secret), Tokens.displayPrefix(secret),
				expiresAt, readOnly);
		this.audit.record(AuditEvent.of("token.created", user.id())
			.target("token", id, name.trim())
			.change(null, Map.of("name", name.trim(), "read_only", readOnly)));
		return new CreatedToken(
				new PersonalToken(id, name.trim(), Tokens.displayPrefix(secret), now, null, expiresAt, readOnly),
				secret);
	}

	@Transactional(readOnly = true)
	public List<PersonalToken> personalTokens(CurrentUser user) {
		return this.tokens.findPersonal(user.id());
	}

	@Transactional
	public void deleteToken(CurrentUser user, UUID tokenId) {
		if (this.tokens.delete(user.id(), tokenId) == 0) {
			throw NotFoundException.of("Token");
		}
		this.audit.record(AuditEvent.of("token.revoked", user.id()).target("token", tokenId, null));
	}

	@Transactional(readOnly = true)
	public Optional<UserSummary> find(UUID id) {
		return this.users.findById(id).map(UserRepository.UserRow::summary);
	}

	/** Finds a user by id, email or username. */
	@Transactional(readOnly = true)
	public Optional<UserSummary> findByReference(String reference) {
		if (reference == null || reference.isBlank()) {
			return Optional.empty();
		}
		String ref = reference.trim();
		Optional<UUID> id = Ids.parse(ref);
		if (id.isPresent()) {
			return find(id.get()).filter(user -> !this.users.isDeleted(user.id()));
		}
		return (ref.contains("@") ? this.users.findByEmail(ref) : this.users.findByUsername(ref))
			.map(UserRepository.UserRow::summary);
	}

	@Transactional(readOnly = true)
	public List<UserSummary> findAll(Collection<UUID> ids) {
		return this.users.findAll(ids);
	}

	/** Whether the person deleted their account (their row stays as "Deleted user N"). */
	@Transactional(readOnly = true)
	public boolean isDeleted(UUID id) {
		return this.users.isDeleted(id);
	}

	/** False only before the first-run setup has created the first user. */
	@Transactional(readOnly = true)
	public boolean hasUsers() {
		return this.users.anyExists();
	}

	@Transactional(readOnly = true)
	public boolean isSiteAdmin(UUID userId) {
		return this.users.findById(userId).map(UserRepository.UserRow::isSiteAdmin).orElse(false);
	}

	public static CurrentUser asCurrentUser(UserSummary user) {
		return new CurrentUser(user.id(), user.email(), user.username(), user.name());
	}

	private String issueLoginToken(UUID userId) {
		String secret = Tokens.newSecret();
		this.tokens.insert(Ids.newId(), userId, "login", "login", Tokens.hash(secret), Tokens.displayPrefix(secret),
				Times.now(this.clock).plus(this.credentials.loginTokenLifetime()));
		return secret;
	}

}
