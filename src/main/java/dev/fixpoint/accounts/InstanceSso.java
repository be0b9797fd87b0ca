package dev.fixpoint.accounts;

import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The instance's OpenID Connect provider from the environment
 * ({@code FIXPOINT_OIDC_ISSUER}, {@code _CLIENT_ID}, {@code _CLIENT_SECRET},
 * {@code _NAME}, {@code _ALLOWED_DOMAINS}, {@code _PROVISIONING}): stored at start-up
 * like an organization's, offered to everyone on the sign-in page; without an issuer
 * there is none.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InstanceSso.OidcProperties.class)
class InstanceSso {

	@ConfigurationProperties("fixpoint.oidc")
	public record OidcProperties(String issuer, String clientId, String clientSecret, String name,
			List<String> allowedDomains, Boolean provisioning) {
	}

	private final OidcProperties properties;

	private final SsoSettings settings;

	InstanceSso(OidcProperties properties, SsoSettings settings) {
		this.properties = properties;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void store() {
		OidcProperties p = this.properties;
		if (p.issuer() == null || p.issuer().isBlank()) {
			this.settings.configureInstance(null);
			return;
		}
		this.settings.configureInstance(new SsoSettings.SsoProvider(null,
				p.name() == null ? "single sign-on" : p.name(), p.issuer(), p.clientId(), p.clientSecret(),
				p.allowedDomains(), p.provisioning() == null || p.provisioning(), "member", false));
	}

}
