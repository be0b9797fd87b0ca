package dev.fixpoint.platform.web;

import java.util.HashSet;
import java.util.Set;
import jakarta.servlet.http.HttpServletRequest;

import dev.fixpoint.platform.CurrentUser;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every page's frame needs: who is signed in (or null), the CSRF token for forms and
 * htmx, the path for navigation highlighting, and which optional features are switched
 * off on this server (their links and panels are not drawn: a control never leads to
 * something switched off). Added to every HTML model as {@code layout} by
 * {@link LayoutModel}.
 */
public record Layout(CurrentUser user, CsrfToken csrf, String path, Set<String> off) {

	private static final String OFF = Layout.class.getName() + ".off";

	public Layout(CurrentUser user, CsrfToken csrf, String path) {
		this(user, csrf, path, Set.of());
	}

	/**
	 * Marks {@code feature} as switched off for this request's page (a module's filter
	 * does it when the server runs without it), for {@link #on(String)}.
	 */
	@SuppressWarnings("unchecked")
	public static void switchOff(HttpServletRequest request, String feature) {
		Set<String> off = (Set<String>) request.getAttribute(OFF);
		if (off == null) {
			off = new HashSet<>();
			request.setAttribute(OFF, off);
		}
		off.add(feature);
	}

	@SuppressWarnings("unchecked")
	static Set<String> switchedOff(HttpServletRequest request) {
		Set<String> off = (Set<String>) request.getAttribute(OFF);
		return off == null ? Set.of() : Set.copyOf(off);
	}

	/** Whether an optional feature (e.g. "triage") runs on this server. */
	public boolean on(String feature) {
		return !this.off.contains(feature);
	}

	public boolean signedIn() {
		return this.user != null;
	}

	public String csrfHeaderJson() {
		return this.csrf == null ? "{}" : "{\"" + this.csrf.getHeaderName() + "\": \"" + this.csrf.getToken() + "\"}";
	}

	public boolean isActive(String prefix) {
		return this.path != null && this.path.startsWith(prefix);
	}

}
