package dev.fixpoint.demo;

import java.util.Map;
import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;

/**
 * The demo organization and its people, by username, as the services want to see them
 * (acting users).
 */
record Team(UUID organizationId, Map<String, CurrentUser> people) {

	CurrentUser get(String username) {
		CurrentUser user = this.people.get(username);
		if (user == null) {
			throw new IllegalArgumentException("No demo user " + username);
		}
		return user;
	}

	CurrentUser admin() {
		return get(DemoPeople.ALICE.username());
	}

	CurrentUser qa() {
		return get(DemoPeople.QUINN.username());
	}

	CurrentUser byId(UUID id) {
		return this.people.values()
			.stream()
			.filter(user -> user.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No demo user with id " + id));
	}

}
