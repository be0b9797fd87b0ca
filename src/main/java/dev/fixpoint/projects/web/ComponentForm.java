package dev.fixpoint.projects.web;

import java.util.UUID;

/** "Add component": a name and an optional owning member. */
public record ComponentForm(String name, UUID ownerId) {

	static ComponentForm empty() {
		return new ComponentForm(null, null);
	}

}
