package dev.fixpoint.platform;

import java.io.Serializable;
import java.util.UUID;

/** The signed-in person, as the security layer knows them (browser session or API token). */
public record CurrentUser(UUID id, String email, String username, String name) implements Serializable {
}
