package dev.fixpoint.accounts;

/**
 * How the person calling is signed in, so "every other session and token" can spare this
 * one: the bearer token of an API call or the cookie id of a browser session (one of
 * them, or neither).
 */
public record Caller(String bearerToken, String sessionId, String clientIp) {

	byte[] tokenHash() {
		return this.bearerToken == null ? null : Tokens.hash(this.bearerToken);
	}

}
