package dev.fixpoint.platform.web;

import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.fixpoint.platform.CurrentUser;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a browser in after the accounts module has checked the password (login, signup,
 * setup).
 */
@Component
public class WebSessions {

	private final SecurityContextRepository contexts;

	WebSessions(SecurityContextRepository contexts) {
		this.contexts = contexts;
	}

	public void signIn(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		// no session fixation: a new session, not the old one renamed. A request still
		// running with the old id (the favicon, an image) saves what it loaded when it
		// ends, and Spring Session JDBC writes the id back by primary key: a renamed
		// session would get its old id again and the browser's new cookie would find
		// nothing. A new session has a new primary key that such a save cannot touch.
		HttpSession old = request.getSession(false);
		if (old != null) {
			old.invalidate();
		}
		request.getSession(true);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_USER"))));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
