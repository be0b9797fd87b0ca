package dev.fixpoint.bugs;

/**
 * A pull request, merge request or commit that names a bug, as the bug's
 * {@code linked_prs} shows it. Identified by its {@code url}: linking the same url again
 * updates it (a pull request that was open and is now merged).
 *
 * @param kind {@code pull_request}, {@code merge_request} or {@code commit}
 * @param forge {@code github} or {@code gitlab}
 * @param repository {@code owner/name} or the GitLab path
 * @param number the pull/merge request's number, or the commit's short sha
 * @param state {@code open}, {@code draft}, {@code merged}, {@code closed} (a commit:
 * {@code pushed})
 */
public record LinkedCode(String kind, String forge, String repository, String number, String title, String url,
		String state, String author, String branch) {

	/** As the bug page labels it: "#12", "!3", "a1b2c3d". */
	public String label() {
		return switch (this.kind) {
			case "merge_request" -> "!" + this.number;
			case "commit" -> this.number;
			default -> "#" + this.number;
		};
	}

	/** How history names it: "pull request #12 (merged)". */
	String describe() {
		String what = switch (this.kind) {
			case "merge_request" -> "merge request !" + this.number;
			case "commit" -> "commit " + this.number;
			default -> "pull request #" + this.number;
		};
		return what + " (" + this.state + ") " + this.url;
	}

}
