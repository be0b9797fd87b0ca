package dev.fixpoint.accounts.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.platform.web.HtmxRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Sends every page to {@code /setup} until the installation has its first user. Once a
 * user exists that stays true, so the answer is cached and the check costs nothing
 * afterwards.
 */
@Component
class SetupGate implements HandlerInterceptor {

	private final Accounts accounts;

	private final AtomicBoolean done = new AtomicBoolean();

	SetupGate(Accounts accounts) {
		this.accounts = accounts;
	}

	boolean isDone() {
		if (this.done.get()) {
			return true;
		}
		if (this.accounts.hasUsers()) {
			this.done.set(true);
			return true;
		}
		return false;
	}

	void markDone() {
		this.done.set(true);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (isDone()) {
			return true;
		}
		if (HtmxRequest.of(request).request()) {
			response.setHeader("HX-Redirect", AccountRoutes.SETUP);
			return false;
		}
		response.sendRedirect(AccountRoutes.SETUP);
		return false;
	}

}
