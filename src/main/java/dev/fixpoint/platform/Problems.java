package dev.fixpoint.platform;

import java.net.URI;

/** Stable problem {@code type} URIs (RFC 9457); documented in the OpenAPI description. */
public final class Problems {

	public static final String BASE = "https://fixpoint.dev/problems/";

	public static final URI NOT_FOUND = URI.create(BASE + "not-found");

	public static final URI FORBIDDEN = URI.create(BASE + "forbidden");

	public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");

	public static final URI VALIDATION = URI.create(BASE + "validation");

	public static final URI MALFORMED = URI.create(BASE + "malformed-request");

	public static final URI CONFLICT = URI.create(BASE + "conflict");

	public static final URI VERSION_CONFLICT = URI.create(BASE + "version-conflict");

	public static final URI TRANSITION_NOT_ALLOWED = URI.create(BASE + "transition-not-allowed");

	public static final URI TOO_LARGE = URI.create(BASE + "payload-too-large");

	public static final URI RATE_LIMITED = URI.create(BASE + "rate-limited");

	public static final URI INTERNAL = URI.create(BASE + "internal");

	public static final URI UNAVAILABLE = URI.create(BASE + "service-unavailable");

	private Problems() {
	}

}
