package dev.fixpoint.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.platform.CurrentUser;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Puts the {@link Layout} into the model of every view a handler returns, and only there:
 * a JSON answer ({@code @ResponseBody}, every API request) has no model and costs one
 * null check. (A {@code @ModelAttribute} in a {@code @ControllerAdvice} ran for every
 * {@code @RestController} too, since it is a {@code @Controller}.) Error pages put it in
 * themselves ({@code PageExceptionHandler.ErrorPage}), as postHandle does not run when a
 * handler throws.
 */
final class LayoutModel implements HandlerInterceptor {

	static final String NAME = "layout";

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
		if (mav == null || mav.getModelMap().containsAttribute(NAME) || isRedirect(mav)) {
			return;
		}
		mav.addObject(NAME, of(request));
	}

	private static boolean isRedirect(ModelAndView mav) {
		String name = mav.getViewName();
		return name != null ? name.startsWith("redirect:") : mav.getView() instanceof RedirectView;
	}

	/**
	 * The signed-in user and the CSRF token come from the session, kept in the database:
	 * while it cannot be reached the page (the 503 page) is drawn as for someone signed
	 * out, instead of failing again.
	 */
	static Layout of(HttpServletRequest request) {
		try {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			CurrentUser user = auth != null && auth.getPrincipal() instanceof CurrentUser u ? u : null;
			CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			if (csrf != null) {
				csrf.getToken(); // loads a deferred token now, not halfway through the
									// page
			}
			return new Layout(user, csrf, request.getRequestURI(), Layout.switchedOff(request));
		}
		catch (RuntimeException ex) {
			if (ProblemMapping.unavailable(ex).isEmpty()) {
				throw ex;
			}
			return new Layout(null, null, request.getRequestURI());
		}
	}

}
