package dev.fixpoint.forge;

import java.util.List;

/** What a verified delivery says, the same for both forges. */
sealed interface ForgeEvent {

	/** The repository the payload names, as {@code owner/name} or a GitLab path. */
	String repository();

	/** Answered with a pong: the forge testing the hook. */
	record Ping(String repository) implements ForgeEvent {
	}

	/**
	 * A pull request (GitHub) or merge request (GitLab) was opened, edited, reopened,
	 * marked ready, closed or merged.
	 *
	 * @param action normalized: {@code opened}, {@code edited}, {@code reopened},
	 * {@code ready_for_review}, {@code closed}, {@code merged}, or the forge's own word
	 * for anything else
	 * @param state {@code open}, {@code draft}, {@code merged} or {@code closed}
	 */
	record ChangeRequest(String repository, String action, String number, String title, String body, String branch,
			String state, String author, String url) implements ForgeEvent {

		boolean opening() {
			return List.of("opened", "reopened", "ready_for_review").contains(this.action);
		}

	}

	/** Commits pushed to a branch. */
	record Push(String repository, String branch, boolean defaultBranch, List<Commit> commits) implements ForgeEvent {
	}

	record Commit(String sha, String message, String url, String author) {
	}

	/**
	 * An issue of the forge was opened, edited, closed or reopened.
	 *
	 * @param completed whether it was closed as done (GitHub's state_reason
	 * {@code completed}) rather than not planned
	 */
	record Issue(String repository, String action, long number, String title, String body, String url,
			boolean completed) implements ForgeEvent {
	}

	/** Anything else: logged as ignored. */
	record Other(String repository, String event, String action) implements ForgeEvent {
	}

}
