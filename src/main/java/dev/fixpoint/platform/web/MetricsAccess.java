package dev.fixpoint.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may scrape the metrics: anyone who reached them on a separate management port
 * ({@code MANAGEMENT_SERVER_PORT}, which the operator keeps off the public network), or a
 * request with {@code Authorization: Bearer <FIXPOINT_METRICS_TOKEN>}. A user's API token
 * or session is no metrics token. With neither configured the metrics are not reachable.
 */
final class MetricsAccess implements AuthorizationManager<RequestAuthorizationContext> {

	private final boolean separatePort;

	/** SHA-256 of the token: compared in constant time, whatever the presented length. */
	private final byte[] tokenDigest;

	MetricsAccess(MetricsProperties properties, Environment environment) {
		this.separatePort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
		this.tokenDigest = properties.hasToken() ? sha256(properties.token()) : null;
	}

	/** Whether the metrics can be reached at all. */
	boolean enabled() {
		return this.separatePort || this.tokenDigest != null;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		return new AuthorizationDecision(this.separatePort || presentsToken(context.getRequest()));
	}

	private boolean presentsToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (this.tokenDigest == null || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		return MessageDigest.isEqual(this.tokenDigest, sha256(header.substring(7).trim()));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
