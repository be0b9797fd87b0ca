package dev.fixpoint.accounts.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import dev.fixpoint.accounts.AccountSettings;
import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.AuthResult;
import dev.fixpoint.accounts.CreatedToken;
import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.accounts.PersonalToken;
import dev.fixpoint.accounts.Profile;
import dev.fixpoint.accounts.ProfileChanges;
import dev.fixpoint.accounts.Signup;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.ClientAddress;
import dev.fixpoint.platform.web.RateLimitHeaders;
import dev.fixpoint.platform.web.RateLimited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController
@Tag(name = "Accounts")
class AuthApiController {

	record Login(String email, String password, String otp) {
	}

	/**
	 * The caller: the first five fields are the contract's, the rest came with profiles.
	 */
	record Me(UUID id, String email, String name, String username, List<OrganizationMembership> organizations,
			String timeZone, String theme, boolean emailVerified, boolean siteAdmin, Avatar avatar) {

		static Me of(Profile profile, List<OrganizationMembership> organizations) {
			return new Me(profile.id(), profile.email(), profile.name(), profile.username(), organizations,
					profile.timeZone(), profile.theme(), profile.emailVerified(), profile.siteAdmin(),
					new Avatar(profile.initials(), profile.avatarHue()));
		}

	}

	/** Initials on a colour (hue 0–359) derived from the id. */
	record Avatar(String initials, int hue) {
	}

	record NewToken(String name, Instant expiresAt, Boolean readOnly) {
	}

	record TokenList(List<PersonalToken> items) {
	}

	private final Accounts accounts;

	private final Organizations organizations;

	private final AccountSettings settings;

	AuthApiController(Accounts accounts, Organizations organizations, AccountSettings settings) {
		this.accounts = accounts;
		this.organizations = organizations;
		this.settings = settings;
	}

	@PostMapping("/api/auth/signup")
	@Operation(operationId = "signUp",
			summary = "Create an account and its personal organization (a link to verify the address is emailed); returns a bearer token")
	@SecurityRequirements
	@ApiResponse(responseCode = "201", description = "Signed up: the user and a login token")
	@ApiResponse(responseCode = "403", description = "Sign-up is closed or by invitation only on this installation")
	@ApiResponse(responseCode = "409", description = "The email or username is taken")
	ResponseEntity<AuthResult> signup(@Valid @RequestBody Signup signup) {
		AuthResult result = this.accounts.signup(signup);
		return ResponseEntity.created(URI.create("/api/me")).body(result);
	}

	@PostMapping("/api/auth/login")
	@Operation(operationId = "logIn",
			summary = "Exchange email and password (and, with two-factor authentication, otp) for a bearer token (throttled)")
	@SecurityRequirements
	@RateLimited("failed logins for the account or from the client address")
	@ApiResponse(responseCode = "200", description = "Logged in: the user and a login token")
	@ApiResponse(responseCode = "401",
			description = "Wrong email or password (one answer for both); or, type otp-required with otp_required: true, "
					+ "the account has a second factor and otp is missing, wrong or already used")
	@ApiResponse(responseCode = "403",
			description = "The person's organization requires two-factor authentication and they have none yet")
	AuthResult login(@RequestBody Login login, HttpServletRequest request, HttpServletResponse response) {
		String address = ClientAddress.of(request);
		try {
			return this.accounts.login(login.email(), login.password(), login.otp(), address);
		}
		finally {
			RateLimitHeaders.write(response, this.accounts.loginQuota(login.email(), address));
		}
	}

	@PostMapping("/api/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "logOut", summary = "Revoke the token used for this request")
	void logout(@Parameter(hidden = true) @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
		this.accounts.logout(authorization.substring("Bearer ".length()).trim());
	}

	@GetMapping("/api/me")
	@Operation(operationId = "getMe", summary = "The caller, their profile settings and their organizations")
	Me me(@Authenticated CurrentUser user) {
		return Me.of(this.settings.profile(user.id()), this.organizations.of(user.id()));
	}

	@PatchMapping("/api/me")
	@ApiResponse(responseCode = "200", description = "OK")
	@Operation(operationId = "updateMe",
			summary = "Change the caller's name, username, time zone or theme (absent fields stay)")
	@ApiResponse(responseCode = "409", description = "The username is taken")
	Me updateMe(@RequestBody ProfileChanges changes, @Authenticated CurrentUser user) {
		return Me.of(this.settings.update(user, changes), this.organizations.of(user.id()));
	}

	@GetMapping("/api/me/tokens")
	@Operation(operationId = "listTokens", summary = "The caller's personal access tokens (never their secrets)")
	TokenList tokens(@Authenticated CurrentUser user) {
		return new TokenList(this.accounts.personalTokens(user));
	}

	@PostMapping("/api/me/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createToken",
			summary = "Create a named personal access token; the secret is in the response only")
	CreatedToken createToken(@RequestBody NewToken token, @Authenticated CurrentUser user) {
		return this.accounts.createPersonalToken(user, token.name(), token.expiresAt(),
				Boolean.TRUE.equals(token.readOnly()));
	}

	@DeleteMapping("/api/me/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteToken", summary = "Revoke one of the caller's personal access tokens")
	void deleteToken(@PathVariable UUID id, @Authenticated CurrentUser user) {
		this.accounts.deleteToken(user, id);
	}

}
