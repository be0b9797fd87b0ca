package dev.fixpoint.support;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Requests for a {@link PageSliceTest}: who is signed in, and whether htmx is asking. */
public final class PageSlice {

	private PageSlice() {
	}

	/** A person with a fresh id. */
	public static CurrentUser someone(String name) {
		return new CurrentUser(UUID.randomUUID(), name.toLowerCase() + "@example.com", name.toLowerCase(), name);
	}

	/**
	 * Signed in as {@code user}, the way a browser session is
	 * ({@code WebSessions.signIn}).
	 */
	public static RequestPostProcessor signedIn(CurrentUser user) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_USER"))));
	}

	/** Sent by htmx ({@code HX-Request: true}), which wants the fragment. */
	public static RequestPostProcessor htmx() {
		return request -> {
			request.addHeader("HX-Request", "true");
			return request;
		};
	}

}
