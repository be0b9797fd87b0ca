package dev.fixpoint.platform.web;

import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
		if (request.getSession(false) != null) {
			request.changeSessionId(); // no session fixation
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_USER"))));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
