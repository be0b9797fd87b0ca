package dev.fixpoint.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.fixpoint.platform.web.LocalRedirect;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps a person whose organization requires a second factor, and who signed in without
 * one, on the security page until they have turned one on (the session says so; set at
 * sign-in by {@link SignInSteps}). The page they were going to is kept
 * ({@link #DESTINATION}) and offered again once a factor is on. Never in the way of what
 * must work without a second factor: the set-up pages themselves, signing in and out,
 * emailed links (email verification and change, invitations, password reset), static
 * files, errors and the API (tokens are for scripts).
 */
@Configuration(proxyBeanMethods = false)
class EnrolmentGate implements WebMvcConfigurer, HandlerInterceptor {

	/** The page the person was going to when the gate stopped them (a local path). */
	static final String DESTINATION = "fixpoint.enrolment-destination";

	static final String[] OPEN = { SecondFactorRoutes.SECURITY, SecondFactorRoutes.SECURITY + "/**", "/login",
			"/login/**", "/logout", "/error", "/api/**", "/account/verify", "/account/verify/**",
			"/account/email/confirm", "/sso/domains/confirm", "/invitations/**", "/password-reset",
			"/password-reset/**", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/favicon.svg",
			"/actuator/**" };

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).excludePathPatterns(OPEN);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		HttpSession session = request.getSession(false);
		if (session == null || session.getAttribute(SignInSteps.ENROLMENT_REQUIRED) == null) {
			return true;
		}
		if (isPageVisit(request)) {
			remember(session,
					request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
		}
		response.sendRedirect(SecondFactorRoutes.SECURITY);
		return false;
	}

	/**
	 * A page the person asked for (not a fragment, a stream or a script's request): the
	 * one to return to.
	 */
	private static boolean isPageVisit(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null && accept != null
				&& accept.contains("text/html");
	}

	/** Keeps {@code path} as where to go after enrolment, when it is a local path. */
	static void remember(HttpSession session, String path) {
		String local = LocalRedirect.orElse(path, null);
		if (local != null) {
			session.setAttribute(DESTINATION, local);
		}
	}

	/**
	 * A factor is on: the gate opens. Returns where the person was going (My work when
	 * they were going nowhere in particular), or null when the gate was not shut.
	 */
	static String open(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || session.getAttribute(SignInSteps.ENROLMENT_REQUIRED) == null) {
			return null;
		}
		session.removeAttribute(SignInSteps.ENROLMENT_REQUIRED);
		Object destination = session.getAttribute(DESTINATION);
		session.removeAttribute(DESTINATION);
		return destination instanceof String path ? path : AccountRoutes.HOME;
	}

}
