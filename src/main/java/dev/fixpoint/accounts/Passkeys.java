package dev.fixpoint.accounts;

import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FixpointProperties;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.UnauthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passkeys (WebAuthn, checked by Spring Security's
 * {@link Webauthn4JRelyingPartyOperations} on webauthn4j; stored by
 * {@link PasskeyStore}): register several, rename, delete, and sign in with one, either
 * alone (user verification required: the passkey is both factors) or as the second factor
 * after a password. The relying party is the host of {@code FIXPOINT_BASE_URL}; its
 * origin is the one allowed (on a localhost installation, any localhost port, for
 * development and tests).
 */
@Service
public class Passkeys {

	private static final Logger log = LoggerFactory.getLogger(Passkeys.class);

	static final Duration CEREMONY = Duration.ofMinutes(5);

	static final int LABEL_MAX = 64;

	/** A passkey as its owner sees it. */
	public record Passkey(String id, String label, Instant createdAt, Instant lastUsedAt) {
	}

	/** A registration under way: what the browser needs, and what the session keeps. */
	public record Registration(String optionsJson, PendingRegistration pending) {
	}

	/** Kept in the session between the two requests of a registration. */
	public record PendingRegistration(UUID userId, String challenge, Instant expiresAt) implements Serializable {
	}

	/** A sign-in under way: the options for the browser, and what the session keeps. */
	public record Assertion(String optionsJson, PendingAssertion pending) {
	}

	/**
	 * Kept in the session between the two requests of a sign-in; {@code userId} is the
	 * person of a second step (null for a sign-in with a passkey alone).
	 */
	public record PendingAssertion(PublicKeyCredentialRequestOptions options, UUID userId,
			Instant expiresAt) implements Serializable {
	}

	private final PasskeyStore store;

	private final UserRepository users;

	private final FixpointProperties properties;

	private final Clock clock;

	private final AuditLog audit;

	private final JsonMapper json = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

	private final Map<String, Webauthn4JRelyingPartyOperations> operations = new ConcurrentHashMap<>();

	Passkeys(PasskeyStore store, UserRepository users, FixpointProperties properties, Clock clock, AuditLog audit) {
		this.store = store;
		this.audit = audit;
		this.users = users;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Passkey> list(UUID userId) {
		return this.store.list(userId)
			.stream()
			.map(row -> new Passkey(row.credentialId(), row.label(), row.createdAt(), row.lastUsedAt()))
			.toList();
	}

	@Transactional(readOnly = true)
	public boolean any(UUID userId) {
		return this.store.any(userId);
	}

	/** Options for the browser's {@code navigator.credentials.create}. */
	@Transactional
	public Registration startRegistration(CurrentUser user) {
		PublicKeyCredentialUserEntity entity = this.store.userEntityFor(user.id(), user.email(), user.name());
		Bytes challenge = Bytes.random();
		PublicKeyCredentialCreationOptions options = creationOptions(entity, challenge,
				descriptors(this.store.findByUserId(entity.getId())));
		return new Registration(write(options), new PendingRegistration(user.id(), challenge.toBase64UrlString(),
				Times.now(this.clock).plus(CEREMONY)));
	}

	/**
	 * Checks the authenticator's answer to {@link #startRegistration} and keeps the
	 * passkey.
	 */
	@Transactional
	public Passkey register(CurrentUser user, PendingRegistration pending, String credentialJson, String label,
			String origin) {
		String name = label(label);
		if (pending == null || !pending.userId().equals(user.id()) || expired(pending.expiresAt())) {
			throw InvalidInputException.of("credential", "the registration expired: start again");
		}
		PublicKeyCredentialUserEntity entity = this.store.userEntity(user.id()).orElseThrow();
		PublicKeyCredentialCreationOptions options = creationOptions(entity, Bytes.fromBase64(pending.challenge()),
				List.of());
		RelyingPartyPublicKey key = new RelyingPartyPublicKey(read(credentialJson,
				new TypeReference<PublicKeyCredential<org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse>>() {
				}), name);
		CredentialRecord record;
		try {
			record = operations(origin).registerCredential(new ImmutableRelyingPartyRegistrationRequest(options, key));
		}
		catch (RuntimeException ex) {
			log.info("Passkey registration refused for {}: {}", user.id(), ex.toString());
			throw InvalidInputException.of("credential", "was not accepted: try again");
		}
		String id = record.getCredentialId().toBase64UrlString();
		this.audit.record(AuditEvent.of("account.passkey_added", user.id()).target("passkey", id, name));
		return new Passkey(id, name, Times.now(this.clock), null);
	}

	@Transactional
	public void rename(CurrentUser user, String passkeyId, String label) {
		String name = label(label);
		if (!this.store.rename(user.id(), passkeyId, name)) {
			throw NotFoundException.of("Passkey");
		}
		this.audit.record(AuditEvent.of("account.passkey_renamed", user.id())
			.target("passkey", passkeyId, name)
			.change(null, Map.of("label", name)));
	}

	@Transactional
	public void delete(CurrentUser user, String passkeyId) {
		if (!this.store.delete(user.id(), passkeyId)) {
			throw NotFoundException.of("Passkey");
		}
		this.audit.record(AuditEvent.of("account.passkey_removed", user.id()).target("passkey", passkeyId, null));
	}

	/**
	 * Options for {@code navigator.credentials.get}: for a person in sign-in's second
	 * step, their passkeys; for a sign-in with a passkey alone, any (the authenticator
	 * offers its own), with user verification required.
	 */
	@Transactional(readOnly = true)
	public Assertion startSignIn(UUID secondStepOf) {
		List<PublicKeyCredentialDescriptor> allowed = secondStepOf == null ? List.of()
				: this.store.userEntity(secondStepOf)
					.map(entity -> descriptors(this.store.findByUserId(entity.getId())))
					.orElse(List.of());
		PublicKeyCredentialRequestOptions options = PublicKeyCredentialRequestOptions.builder()
			.allowCredentials(allowed)
			.challenge(Bytes.random())
			.rpId(rpId())
			.timeout(CEREMONY)
			.userVerification(
					secondStepOf == null ? UserVerificationRequirement.REQUIRED : UserVerificationRequirement.PREFERRED)
			.build();
		return new Assertion(write(options),
				new PendingAssertion(options, secondStepOf, Times.now(this.clock).plus(CEREMONY)));
	}

	/**
	 * Checks the authenticator's answer to {@link #startSignIn}: the person it signs in
	 * (the one of the second step, when it is one).
	 * @throws UnauthorizedException when the answer is not right
	 */
	@Transactional
	public UserSummary signIn(PendingAssertion pending, String credentialJson, String origin) {
		if (pending == null || expired(pending.expiresAt())) {
			throw UnauthorizedException.because("The passkey sign-in expired: try again");
		}
		PublicKeyCredential<AuthenticatorAssertionResponse> credential;
		PublicKeyCredentialUserEntity entity;
		try {
			credential = this.json.readValue(credentialJson,
					new TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>>() {
					});
			entity = operations(origin)
				.authenticate(new RelyingPartyAuthenticationRequest(pending.options(), credential));
		}
		catch (RuntimeException ex) {
			log.info("Passkey sign-in refused: {}", ex.toString());
			throw UnauthorizedException.because("That passkey was not accepted");
		}
		UUID userId = this.store.userIdOf(entity.getId())
			.orElseThrow(() -> UnauthorizedException.because("That passkey was not accepted"));
		if (pending.userId() != null && !pending.userId().equals(userId)) {
			throw UnauthorizedException.because("That passkey belongs to someone else");
		}
		// a deactivated or deleted person's passkey opens nothing
		return this.users.findActiveById(userId)
			.map(UserRepository.UserRow::summary)
			.orElseThrow(() -> UnauthorizedException.because("That passkey was not accepted"));
	}

	private PublicKeyCredentialCreationOptions creationOptions(PublicKeyCredentialUserEntity entity, Bytes challenge,
			List<PublicKeyCredentialDescriptor> exclude) {
		return PublicKeyCredentialCreationOptions.builder()
			.attestation(AttestationConveyancePreference.NONE)
			.pubKeyCredParams(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
					PublicKeyCredentialParameters.RS256)
			.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
				.userVerification(UserVerificationRequirement.PREFERRED)
				.residentKey(ResidentKeyRequirement.REQUIRED)
				.build())
			.challenge(challenge)
			.timeout(CEREMONY)
			.user(entity)
			.rp(PublicKeyCredentialRpEntity.builder().id(rpId()).name("Fixpoint").build())
			.excludeCredentials(exclude)
			.build();
	}

	private static List<PublicKeyCredentialDescriptor> descriptors(List<CredentialRecord> records) {
		return records.stream()
			.map(record -> PublicKeyCredentialDescriptor.builder()
				.id(record.getCredentialId())
				.transports(record.getTransports())
				.build())
			.toList();
	}

	/**
	 * The checks for ceremonies seen from {@code origin}: the base URL's origin; on a
	 * localhost installation also the localhost origin the browser used.
	 */
	private Webauthn4JRelyingPartyOperations operations(String origin) {
		URI base = URI.create(this.properties.baseUrl());
		String allowed = origin(base);
		if (origin != null && isLocalhost(base) && isLocalhost(URI.create(origin))) {
			allowed = origin;
		}
		return this.operations.computeIfAbsent(allowed, o -> new Webauthn4JRelyingPartyOperations(this.store,
				this.store, PublicKeyCredentialRpEntity.builder().id(rpId()).name("Fixpoint").build(), Set.of(o)));
	}

	private String rpId() {
		return URI.create(this.properties.baseUrl()).getHost();
	}

	private static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
	}

	private static boolean isLocalhost(URI uri) {
		return "localhost".equals(uri.getHost());
	}

	private boolean expired(Instant expiresAt) {
		return !Times.now(this.clock).isBefore(expiresAt);
	}

	private static String label(String label) {
		String trimmed = label == null ? "" : label.strip();
		if (trimmed.isEmpty() || trimmed.length() > LABEL_MAX) {
			throw InvalidInputException.of("label", "must be 1 to " + LABEL_MAX + " characters");
		}
		return trimmed;
	}

	private String write(Object options) {
		return this.json.writeValueAsString(options);
	}

	private <T> T read(String body, TypeReference<T> type) {
		try {
			return this.json.readValue(body, type);
		}
		catch (JacksonException ex) {
			throw InvalidInputException.of("credential", "is not a WebAuthn credential");
		}
	}

}
