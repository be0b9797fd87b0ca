package dev.fixpoint.projects;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.fixpoint.platform.ForgettingChannel;
import dev.fixpoint.platform.RememberedValues;

import org.springframework.stereotype.Component;

/**
 * A member's view of a project (the project's row and the member's role), from memory:
 * nearly every request asks it first (a bug page, a list, a search, a filing). Forgotten
 * whole when any project or membership changes ({@link ForgettingChannel}: V67's triggers
 * on {@code projects} and {@code project_members} notify {@value #CHANNEL});
 * {@link ProjectRepository} forgets at once where this node changes them, so a removed
 * member is refused by this node's next request. Who is not a member is never remembered:
 * their lookups always ask the database.
 */
@Component
class ProjectMemory extends ForgettingChannel {

	static final String CHANNEL = "project_changes";

	static final Duration FRESH = Duration.ofSeconds(30);

	/** The project by the reference the caller used (an id, or a key in any case). */
	private record Reference(Object ref, UUID userId) {
	}

	private final RememberedValues<Reference, Project> forMembers = remembered(50_000);

	ProjectMemory() {
		super(CHANNEL, FRESH);
	}

	Optional<Project> forMember(Object ref, UUID userId, Supplier<Optional<Project>> lookup) {
		return this.forMembers.get(new Reference(ref, userId), r -> lookup.get());
	}

}
