package dev.fixpoint.platform.web;

import dev.fixpoint.platform.CurrentUser;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every page's frame needs: who is signed in (or null), the CSRF token for forms and
 * htmx, and the path for navigation highlighting. Added to every HTML model as
 * {@code layout} by {@link LayoutModel}.
 */
public record Layout(CurrentUser user, CsrfToken csrf, String path) {

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
