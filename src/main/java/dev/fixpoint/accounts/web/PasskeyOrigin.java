package dev.fixpoint.accounts.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * The origin a WebAuthn ceremony came from, as the browser sent it (a fetch POST carries
 * {@code Origin}); the relying party decides whether it is allowed.
 */
final class PasskeyOrigin {

	private PasskeyOrigin() {
	}

	static String of(HttpServletRequest request) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin != null && !origin.isBlank() && !"null".equals(origin)) {
			return origin;
		}
		int port = request.getServerPort();
		boolean standard = ("http".equals(request.getScheme()) && port == 80)
				|| ("https".equals(request.getScheme()) && port == 443);
		return request.getScheme() + "://" + request.getServerName() + (standard ? "" : ":" + port);
	}

}
