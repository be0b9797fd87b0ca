package dev.fixpoint.accounts.web;

import java.io.IOException;
import java.util.UUID;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.fixpoint.accounts.SingleSignOn;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.platform.UnauthorizedException;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.platform.web.UiSignIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Single sign-on in the browser chain: Spring Security's OAuth2 login
 * ({@code /oauth2/authorization/{provider}} → the provider →
 * {@code /login/oauth2/code/{provider}}, state, nonce and PKCE checked, the ID token's
 * signature checked against the provider's JWKS), then the person it vouched for signs in
 * here through {@link SignInSteps} like any other sign-in: a new session whose principal
 * is the application's own. A provider's sign-in skips the local second factor (the
 * provider is where the person proved who they are). A refusal goes back to the sign-in
 * page with its reason.
 */
@Component
class SsoSignIn implements UiSignIn {

	static final String ERROR = "fixpoint.sso-error";

	private static final Logger log = LoggerFactory.getLogger(SsoSignIn.class);

	private final SsoClients clients;

	private final SingleSignOn sso;

	private final SignInSteps steps;

	SsoSignIn(SsoClients clients, SingleSignOn sso, SignInSteps steps) {
		this.clients = clients;
		this.sso = sso;
		this.steps = steps;
	}

	@Override
	public void configure(HttpSecurity http) throws Exception {
		http.oauth2Login(o -> o.clientRegistrationRepository(this.clients)
			// the provider's tokens are not kept: only who signed in matters, and the
			// session that holds them is replaced at once
			.authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
			.loginPage(AccountRoutes.LOGIN)
			.successHandler(this::succeeded)
			.failureHandler(this::failed));
	}

	private void succeeded(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
		OidcUser person = (OidcUser) token.getPrincipal();
		SingleSignOn.Claims claims = new SingleSignOn.Claims(person.getSubject(), person.getEmail(),
				Boolean.TRUE.equals(person.getEmailVerified()), person.getFullName());
		UUID provider = UUID.fromString(token.getAuthorizedClientRegistrationId());
		switch (Forms.alsoInForm(UnauthorizedException.class).submit(() -> this.sso.signIn(provider, claims))) {
			case Accepted<UserSummary>(UserSummary user) -> response
				.sendRedirect(this.steps.signedInWithoutSecondStep(user, null, "single sign-on", request, response));
			case Rejected<UserSummary> rejected -> refuse(request, response, rejected.refusal().getMessage());
		}
	}

	private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		log.info("Single sign-on failed: {}", ex.toString());
		refuse(request, response, "Single sign-on did not work: " + ex.getMessage());
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, String reason)
			throws IOException {
		SecurityContextHolder.clearContext();
		HttpSession old = request.getSession(false);
		if (old != null) {
			old.invalidate();
		}
		request.getSession(true).setAttribute(ERROR, reason);
		response.sendRedirect(AccountRoutes.LOGIN);
	}

}
