package dev.fixpoint.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's IP address (behind a trusted proxy, Tomcat's RemoteIpValve has already
 * applied X-Forwarded-For).
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(HttpServletRequest request) {
		return request.getRemoteAddr();
	}

}
