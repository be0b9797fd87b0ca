package dev.fixpoint.projects;

import java.util.UUID;

/** A part of the product; a new unassigned bug in it goes to its owner. */
public record ProjectComponent(UUID id, String name, UUID ownerId) {
}
