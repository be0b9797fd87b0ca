package dev.fixpoint.platform.web;

import dev.fixpoint.platform.ApiTokenVerifier;
import dev.fixpoint.platform.FixpointProperties;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.UnauthorizedException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;

/**
 * Three filter chains. {@code /actuator/prometheus}: the metrics scraper's (see
 * {@link MetricsAccess}). {@code /api/**}: stateless, bearer tokens, no CSRF (a token is
 * not sent automatically by a browser). Everything else: the browser UI with a session
 * cookie and CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data: blob:; media-src 'self' blob:; object-src 'none'; frame-ancestors 'none'; "
			+ "base-uri 'self'; form-action 'self'";

	@Bean
	PasswordEncoder passwordEncoder(FixpointProperties properties) {
		return new BCryptPasswordEncoder(properties.bcryptStrength());
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	/**
	 * Stateless and separate from the API's: a user's token or session cookie is never
	 * looked at here, so it cannot read the metrics. 401 without the metrics token, 404
	 * when the metrics are switched off (no token, no management port).
	 */
	@Bean
	@Order(0)
	SecurityFilterChain metrics(HttpSecurity http, MetricsProperties properties, Environment environment,
			JsonMapper json) throws Exception {
		ProblemWriter problems = new ProblemWriter(json);
		MetricsAccess access = new MetricsAccess(properties, environment);
		http.securityMatcher(EndpointRequest.to("prometheus"))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(c -> c.disable())
			.formLogin(f -> f.disable())
			.httpBasic(b -> b.disable())
			.logout(l -> l.disable())
			.authorizeHttpRequests(auth -> auth.anyRequest().access(access))
			.exceptionHandling(
					e -> e.authenticationEntryPoint((req, res, ex) -> problems.write(res,
							access.enabled()
									? UnauthorizedException.because("Send Authorization: Bearer <metrics token>")
									: NotFoundException.of("Metrics endpoint"))));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokenVerifier verifier, JsonMapper json) throws Exception {
		ProblemWriter problems = new ProblemWriter(json);
		http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(c -> c.disable())
			.formLogin(f -> f.disable())
			.httpBasic(b -> b.disable())
			.logout(l -> l.disable())
			.addFilterBefore(new BearerTokenFilter(verifier, problems), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(HttpMethod.POST, "/api/auth/signup", "/api/auth/login", "/api/auth/password-reset",
						"/api/auth/password-reset/confirm", "/api/auth/verify-email")
				.permitAll()
				.requestMatchers("/api/portal/**", "/api/status/**", "/api/integrations/**", "/api/unsubscribe/**")
				.permitAll()
				// inbound webhooks of other systems (/api/webhooks/github, /gitlab...)
				// sign their bodies; the
				// outbound webhooks' own API (/api/webhooks/{uuid}/...) is for signed-in
				// admins
				.requestMatchers(RegexRequestMatcher.regexMatcher("^/api/webhooks/(?![0-9a-fA-F]{8}-)[^/]+(/.*)?$"))
				.permitAll()
				.anyRequest()
				.authenticated())
			.exceptionHandling(
					e -> e
						.authenticationEntryPoint((req, res, ex) -> problems.write(res,
								UnauthorizedException
									.because("Authentication required: send Authorization: Bearer <token>")))
						.accessDeniedHandler((req, res, ex) -> problems.write(res,
								ForbiddenException.because("You are not allowed to do this"))));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain ui(HttpSecurity http, SecurityContextRepository contexts,
			org.springframework.beans.factory.ObjectProvider<UiSignIn> signIns) throws Exception {
		CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
		http.securityContext(c -> c.securityContextRepository(contexts))
			// the public portal and status pages sign no one in by cookie: their forms
			// carry their own proof
			// (a challenge, a tracking or subscription token), and no session is created
			// for their visitors
			.csrf(csrf -> csrf.csrfTokenRequestHandler(csrfHandler).ignoringRequestMatchers("/portal/**", "/status/**"))
			.formLogin(f -> f.disable())
			.httpBasic(b -> b.disable())
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logged_out").deleteCookies("SESSION"))
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/login/**", "/oauth2/**", "/signup", "/setup", "/password-reset",
						"/password-reset/**", "/account/email/confirm", "/sso/domains/confirm", "/account/verify",
						"/invitations/accept", "/invitations/accept/signup", "/error", "/css/**", "/js/**", "/img/**",
						"/webjars/**", "/favicon.ico", "/favicon.svg", "/v3/api-docs/**", "/swagger-ui/**",
						"/swagger-ui.html", "/actuator/health/**", "/unsubscribe/**", "/portal/**", "/status/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.exceptionHandling(e -> e.authenticationEntryPoint(new LoginRedirect()));
		for (UiSignIn signIn : signIns.orderedStream().toList()) {
			signIn.configure(http);
		}
		return http.build();
	}

}
