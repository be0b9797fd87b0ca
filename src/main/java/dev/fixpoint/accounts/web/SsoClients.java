package dev.fixpoint.accounts.web;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fixpoint.accounts.SingleSignOn;
import dev.fixpoint.platform.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;

/**
 * The OAuth2 client's registrations, one per configured OIDC provider (the registration
 * id is the provider's id), read from the database and completed by the provider's
 * discovery document ({@code /.well-known/openid-configuration}). Kept for ten minutes,
 * and made again when the provider's settings change.
 */
@Component
class SsoClients implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(SsoClients.class);

	private record Cached(java.time.Instant updatedAt, ClientRegistration registration) {
	}

	private final SingleSignOn sso;

	private final Cache<UUID, Cached> registrations = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(10))
		.maximumSize(1_000)
		.build();

	SsoClients(SingleSignOn sso) {
		this.sso = sso;
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		Optional<UUID> id = Ids.parse(registrationId);
		if (id.isEmpty()) {
			return null;
		}
		Optional<SingleSignOn.Client> client = this.sso.client(id.get());
		if (client.isEmpty()) {
			this.registrations.invalidate(id.get());
			return null;
		}
		Cached cached = this.registrations.getIfPresent(id.get());
		if (cached != null && cached.updatedAt().equals(client.get().updatedAt())) {
			return cached.registration();
		}
		try {
			ClientRegistration registration = ClientRegistrations.fromIssuerLocation(client.get().issuer())
				.registrationId(registrationId)
				.clientId(client.get().clientId())
				.clientSecret(client.get().clientSecret())
				.scope("openid", "email", "profile")
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.build();
			this.registrations.put(id.get(), new Cached(client.get().updatedAt(), registration));
			return registration;
		}
		catch (RuntimeException ex) {
			log.warn("OIDC discovery of {} failed: {}", client.get().issuer(), ex.toString());
			return null;
		}
	}

}
