package dev.fixpoint.accounts;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * The named actors that are not people: what history, comments and notifications show
 * when an integration or a job acts ("GitHub resolved WEB-42"). Each is a row of
 * {@code users} with kind {@code system} and a fixed id (migration V18), so every table
 * that names a user can name them; they cannot sign in (no password, and sign-in only
 * looks up people), are never members, and their usernames end in {@code [bot]}, which no
 * person's can.
 */
public enum SystemActor {

	/** Jobs of Fixpoint itself (retention, escalation, automation). */
	SYSTEM(1, "System"),

	/** The GitHub integration. */
	GITHUB(2, "GitHub"),

	/** The GitLab integration. */
	GITLAB(3, "GitLab"),

	/** The Slack app. */
	SLACK(4, "Slack"),

	/** Reports filed by customers through the public portal. */
	PORTAL(5, "Portal"),

	/** Imports from other trackers. */
	IMPORT(6, "Import"),

	/**
	 * Who an anonymised bug names instead of its people (a project's retention policy,
	 * migration V44).
	 */
	ANONYMOUS(7, "Anonymous");

	private final UUID id;

	private final String displayName;

	SystemActor(int number, String displayName) {
		this.id = UUID.fromString("00000000-0000-7000-8000-%012d".formatted(number));
		this.displayName = displayName;
	}

	/** Its {@code users.id}. */
	public UUID id() {
		return this.id;
	}

	/** The name history shows. */
	public String displayName() {
		return this.displayName;
	}

	/** Its username, e.g. {@code github[bot]}. */
	public String username() {
		return name().toLowerCase(java.util.Locale.ROOT) + "[bot]";
	}

	/** The system actor with this user id, if it is one. */
	public static Optional<SystemActor> of(UUID userId) {
		return Arrays.stream(values()).filter((actor) -> actor.id.equals(userId)).findFirst();
	}

}
