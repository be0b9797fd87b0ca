package dev.fixpoint.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.fixpoint.platform.CurrentUser;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the {@link Layout} into the model of every HTML page. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	@ModelAttribute("layout")
	Layout layout(HttpServletRequest request) {
		return Layouts.of(request);
	}

	static final class Layouts {

		private Layouts() {
		}

		/**
		 * The signed-in user and the CSRF token come from the session, kept in the
		 * database: while it cannot be reached the page (the 503 page) is drawn as for
		 * someone signed out, instead of failing again.
		 */
		static Layout of(HttpServletRequest request) {
			try {
				Authentication auth = SecurityContextHolder.getContext().getAuthentication();
				CurrentUser user = auth != null && auth.getPrincipal() instanceof CurrentUser u ? u : null;
				CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
				if (csrf != null) {
					csrf.getToken(); // loads a deferred token now, not halfway through
										// the page
				}
				return new Layout(user, csrf, request.getRequestURI());
			}
			catch (RuntimeException ex) {
				if (ProblemMapping.unavailable(ex).isEmpty()) {
					throw ex;
				}
				return new Layout(null, null, request.getRequestURI());
			}
		}

	}

}
