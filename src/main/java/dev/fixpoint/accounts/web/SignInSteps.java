package dev.fixpoint.accounts.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.RememberedDevices;
import dev.fixpoint.accounts.SecondFactors;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.web.LocalRedirect;
import dev.fixpoint.platform.web.WebSessions;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * What follows a right password in the browser: with a second factor, a pending sign-in
 * (a fresh session that is not signed in) and the code page, unless the browser is a
 * device the person asked to remember; without, the signed-in session, sent to enrolment
 * first when an organization requires a second factor. A sign-in with a passkey alone
 * needs no second step (the passkey is both factors).
 */
@Component
class SignInSteps {

	static final Duration PENDING_FOR = Duration.ofMinutes(5);

	/** Set on a session whose person must enrol before anything else. */
	static final String ENROLMENT_REQUIRED = "fixpoint.enrolment-required";

	private final SecondFactors factors;

	private final WebSessions sessions;

	private final RememberedDevices devices;

	private final Clock clock;

	private final Accounts accounts;

	SignInSteps(SecondFactors factors, WebSessions sessions, RememberedDevices devices, Clock clock,
			Accounts accounts) {
		this.accounts = accounts;
		this.factors = factors;
		this.sessions = sessions;
		this.devices = devices;
		this.clock = clock;
	}

	/** Signs in or starts the second step; returns where to send the browser. */
	String afterPassword(UserSummary user, String next, HttpServletRequest request, HttpServletResponse response) {
		CurrentUser current = Accounts.asCurrentUser(user);
		if (!this.factors.enabled(user.id())) {
			return signIn(current, next, "password", request, response);
		}
		if (rememberedDevice(user, request)) {
			return signIn(current, next, "password, remembered device", request, response);
		}
		HttpSession old = request.getSession(false);
		if (old != null) {
			old.invalidate();
		}
		request.getSession(true)
			.setAttribute(PendingSignIn.ATTRIBUTE,
					new PendingSignIn(current, next, Times.now(this.clock).plus(PENDING_FOR)));
		return SecondFactorRoutes.LOGIN_SECOND_FACTOR;
	}

	Optional<PendingSignIn> pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(PendingSignIn.ATTRIBUTE) instanceof PendingSignIn pending)) {
			return Optional.empty();
		}
		if (pending.expired(Times.now(this.clock))) {
			session.removeAttribute(PendingSignIn.ATTRIBUTE);
			return Optional.empty();
		}
		return Optional.of(pending);
	}

	/**
	 * The second factor ({@code factor}: how the audit log names it) was right: the real
	 * sign-in (a new session), and the device remembered when the person asked.
	 */
	String complete(PendingSignIn pending, String factor, boolean remember, HttpServletRequest request,
			HttpServletResponse response) {
		if (remember) {
			String value = this.devices.remember(pending.user().id(), request.getHeader(HttpHeaders.USER_AGENT));
			response.addHeader(HttpHeaders.SET_COOKIE,
					ResponseCookie.from(SecondFactorRoutes.DEVICE_COOKIE, value)
						.path(AccountRoutes.LOGIN)
						.httpOnly(true)
						.secure(request.isSecure())
						.sameSite("Lax")
						.maxAge(RememberedDevices.FOR)
						.build()
						.toString());
		}
		return signIn(pending.user(), pending.next(), "password, " + factor, request, response);
	}

	/**
	 * A passkey alone, or a single sign-on provider ({@code method}), vouched for the
	 * person: signed in, no second step.
	 */
	String signedInWithoutSecondStep(UserSummary user, String next, String method, HttpServletRequest request,
			HttpServletResponse response) {
		return signIn(Accounts.asCurrentUser(user), next, method, request, response);
	}

	private boolean rememberedDevice(UserSummary user, HttpServletRequest request) {
		var cookie = WebUtils.getCookie(request, SecondFactorRoutes.DEVICE_COOKIE);
		return cookie != null && this.devices.recognizes(user.id(), cookie.getValue());
	}

	private String signIn(CurrentUser user, String next, String method, HttpServletRequest request,
			HttpServletResponse response) {
		this.sessions.signIn(user, request, response);
		this.accounts.recordSignIn(user.id(), method);
		if (this.factors.status(user.id()).enrolmentRequired()) {
			request.getSession().setAttribute(ENROLMENT_REQUIRED, Boolean.TRUE);
			return SecondFactorRoutes.SECURITY;
		}
		return LocalRedirect.orElse(next, AccountRoutes.HOME);
	}

}
