package dev.fixpoint.platform.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends anonymous browsers to the login page, remembering where they were going; htmx
 * gets HX-Redirect.
 */
final class LoginRedirect implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String target = request.getRequestURI();
		if (request.getQueryString() != null) {
			target += "?" + request.getQueryString();
		}
		String login = "/login"
				+ ("/".equals(target) ? "" : "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
		if ("true".equals(request.getHeader("HX-Request"))) {
			response.setHeader("HX-Redirect", login);
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		response.sendRedirect(login);
	}

}
