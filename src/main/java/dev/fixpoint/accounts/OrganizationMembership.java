package dev.fixpoint.accounts;

import java.util.UUID;

/**
 * An organization as seen by one of its members, with that member's role ({@code admin}
 * or {@code member}).
 */
public record OrganizationMembership(UUID id, String name, String slug, String role) {

	public boolean isAdmin() {
		return "admin".equals(this.role);
	}

}
