package dev.fixpoint.platform;

import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

/**
 * The signed-in person, as the security layer knows them (browser session or API token).
 * As a {@link Principal} its name is the user id: Spring Session stores it (at most 100
 * characters) to find a person's sessions.
 */
public record CurrentUser(UUID id, String email, String username, String name) implements Serializable, Principal {

	@Override
	public String getName() {
		return this.id.toString();
	}

}
