package dev.fixpoint.platform;

import java.util.Optional;

/**
 * Turns a bearer token into the user it belongs to; implemented by the accounts module.
 */
public interface ApiTokenVerifier {

	Optional<Bearer> verify(String bearerToken);

	/**
	 * Whose token it is, and whether it may only read (the API refuses it every method
	 * but GET, HEAD and OPTIONS).
	 */
	record Bearer(CurrentUser user, boolean readOnly) {
	}

}
