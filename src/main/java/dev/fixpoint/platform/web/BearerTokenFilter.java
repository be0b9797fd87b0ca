package dev.fixpoint.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.platform.ApiTokenVerifier;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.UnauthorizedException;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}; a token that is present but
 * unknown or expired is a 401, a read-only token on a method that writes a 403.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	private final ApiTokenVerifier verifier;

	private final ProblemWriter problems;

	BearerTokenFilter(ApiTokenVerifier verifier, ProblemWriter problems) {
		this.verifier = verifier;
		this.problems = problems;
	}

	/** A read-only token may still revoke itself. */
	private static boolean isLogout(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && "/api/auth/logout".equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiTokenVerifier.Bearer> bearer = this.verifier.verify(header.substring(7).trim());
		if (bearer.isEmpty()) {
			this.problems.write(response, UnauthorizedException.because("The token is invalid, revoked or expired"));
			return;
		}
		if (bearer.get().readOnly() && !READ_METHODS.contains(request.getMethod()) && !isLogout(request)) {
			this.problems.write(response, ForbiddenException.because("This token is read-only"));
			return;
		}
		CurrentUser user = bearer.get().user();
		var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_USER")));
		SecurityContextHolder.getContext().setAuthentication(authentication);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
