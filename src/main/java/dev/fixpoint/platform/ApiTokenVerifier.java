package dev.fixpoint.platform;

import java.util.Optional;

/**
 * Turns a bearer token into the user it belongs to; implemented by the accounts module.
 */
public interface ApiTokenVerifier {

	Optional<CurrentUser> verify(String bearerToken);

}
