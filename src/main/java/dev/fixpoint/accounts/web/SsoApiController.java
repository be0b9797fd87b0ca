package dev.fixpoint.accounts.web;

import java.util.List;

import dev.fixpoint.accounts.SsoSettings;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An organization's single sign-on (OpenID Connect): its provider, just-in-time
 * provisioning, and whether its members must sign in through it. Organization admins.
 */
@ApiController
@Tag(name = "Accounts")
class SsoApiController {

	record DomainConfirmation(String email) {
	}

	private final SsoSettings settings;

	private final dev.fixpoint.accounts.SsoDomains domains;

	SsoApiController(SsoSettings settings, dev.fixpoint.accounts.SsoDomains domains) {
		this.settings = settings;
		this.domains = domains;
	}

	@GetMapping("/api/orgs/{org}/sso/email-domains")
	@Operation(operationId = "listOrganizationSsoEmailDomains",
			summary = "The email domains the organization claimed for email-first sign-in, and whether each is "
					+ "verified (only a verified domain sends its people to the provider)")
	@ApiResponse(responseCode = "200", description = "The claims")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	@ApiResponse(responseCode = "404", description = "No such organization, or it has no provider")
	List<dev.fixpoint.accounts.SsoDomains.DomainClaim> emailDomains(@PathVariable String org,
			@Authenticated CurrentUser user) {
		return this.domains.claims(org, user);
	}

	@PostMapping("/api/orgs/{org}/sso/email-domains/{domain}/confirmation")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(operationId = "confirmOrganizationSsoEmailDomain",
			summary = "Email a confirmation link (single use, 7 days) to an address at a claimed domain; following "
					+ "it verifies the claim. A claim is verified at once when the admin who claims it has a verified "
					+ "email at the domain")
	@ApiResponse(responseCode = "202", description = "The link is on its way")
	@ApiResponse(responseCode = "400", description = "email is not an address at the domain")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	@ApiResponse(responseCode = "404", description = "The organization did not claim this domain")
	@ApiResponse(responseCode = "409", description = "The domain is verified already")
	void confirmEmailDomain(@PathVariable String org, @PathVariable String domain, @RequestBody DomainConfirmation body,
			@Authenticated CurrentUser user) {
		this.domains.requestConfirmation(org, user, domain, body == null ? null : body.email());
	}

	@GetMapping("/api/orgs/{org}/sso")
	@Operation(operationId = "getOrganizationSso",
			summary = "The organization's OpenID Connect provider (never its client secret)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	@ApiResponse(responseCode = "404", description = "No such organization, or it has no provider")
	@ApiResponse(responseCode = "200", description = "The provider (without its client secret)")
	SsoSettings.SsoProvider get(@PathVariable String org, @Authenticated CurrentUser user) {
		return this.settings.get(org, user);
	}

	@PutMapping("/api/orgs/{org}/sso")
	@Operation(operationId = "setOrganizationSso",
			summary = "Set the organization's OpenID Connect provider: issuer, client id and secret (kept sealed; "
					+ "leave it out to keep the stored one), allowed email domains, the email domains the sign-in page "
					+ "sends to it (email first), just-in-time provisioning with a default role, and whether members "
					+ "must sign in through it (password sign-in refused)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	@ApiResponse(responseCode = "409", description = "An email domain already signs in through another organization")
	@ApiResponse(responseCode = "200", description = "The provider as stored (without the secret)")
	SsoSettings.SsoProvider put(@PathVariable String org, @RequestBody SsoSettings.SsoProvider provider,
			@Authenticated CurrentUser user) {
		return this.settings.configure(org, user, provider);
	}

	@DeleteMapping("/api/orgs/{org}/sso")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteOrganizationSso",
			summary = "Remove the organization's provider (its members sign in with passwords again)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	@ApiResponse(responseCode = "404", description = "No such organization, or it has no provider")
	void delete(@PathVariable String org, @Authenticated CurrentUser user) {
		this.settings.remove(org, user);
	}

}
