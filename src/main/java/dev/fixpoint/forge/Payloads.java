package dev.fixpoint.forge;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Reads GitHub's and GitLab's webhook payloads into {@link ForgeEvent}s; only called once
 * the delivery's signature has been verified. Missing fields read as null: forges add and
 * drop fields, a payload without what an event needs becomes {@link ForgeEvent.Other}.
 */
final class Payloads {

	private Payloads() {
	}

	/** The repository a GitHub payload names ({@code repository.full_name}). */
	static String githubRepository(JsonNode payload) {
		return text(payload.path("repository").path("full_name"));
	}

	/** The path of the project a GitLab payload names. */
	static String gitlabRepository(JsonNode payload) {
		return text(payload.path("project").path("path_with_namespace"));
	}

	static Long gitlabProjectId(JsonNode payload) {
		JsonNode id = payload.path("project").path("id");
		return id.isNumber() ? id.asLong() : null;
	}

	static ForgeEvent github(String event, JsonNode p) {
		String repository = githubRepository(p);
		String action = text(p.path("action"));
		return switch (event) {
			case "ping" -> new ForgeEvent.Ping(repository);
			case "pull_request" -> githubPullRequest(repository, action, p.path("pull_request"));
			case "push" -> githubPush(repository, p);
			case "issues" -> {
				JsonNode issue = p.path("issue");
				yield new ForgeEvent.Issue(repository, action, issue.path("number").asLong(), text(issue.path("title")),
						text(issue.path("body")), text(issue.path("html_url")),
						!"not_planned".equals(text(issue.path("state_reason"))));
			}
			default -> new ForgeEvent.Other(repository, event, action);
		};
	}

	private static ForgeEvent githubPullRequest(String repository, String action, JsonNode pr) {
		boolean merged = pr.path("merged").asBoolean(false);
		boolean draft = pr.path("draft").asBoolean(false);
		String state = merged ? "merged"
				: "closed".equals(text(pr.path("state"))) ? "closed" : draft ? "draft" : "open";
		String normalized = "closed".equals(action) && merged ? "merged" : action;
		return new ForgeEvent.ChangeRequest(repository, normalized, String.valueOf(pr.path("number").asLong()),
				text(pr.path("title")), text(pr.path("body")), text(pr.path("head").path("ref")), state,
				text(pr.path("user").path("login")), text(pr.path("html_url")));
	}

	private static ForgeEvent githubPush(String repository, JsonNode p) {
		String branch = branch(text(p.path("ref")));
		boolean defaultBranch = branch != null && branch.equals(text(p.path("repository").path("default_branch")));
		List<ForgeEvent.Commit> commits = new ArrayList<>();
		for (JsonNode c : p.path("commits").values()) {
			commits.add(new ForgeEvent.Commit(text(c.path("id")), text(c.path("message")), text(c.path("url")),
					text(c.path("author").path("username")) != null ? text(c.path("author").path("username"))
							: text(c.path("author").path("name"))));
		}
		return new ForgeEvent.Push(repository, branch, defaultBranch, commits);
	}

	/**
	 * GitLab names the event in {@code object_kind}; {@code X-Gitlab-Event} says the same
	 * in words ("Merge Request Hook").
	 */
	static ForgeEvent gitlab(JsonNode p) {
		String repository = gitlabRepository(p);
		String kind = text(p.path("object_kind"));
		JsonNode a = p.path("object_attributes");
		String action = text(a.path("action"));
		if (kind == null) {
			return new ForgeEvent.Other(repository, "unknown", null);
		}
		return switch (kind) {
			case "merge_request" -> gitlabMergeRequest(repository, action, a, p);
			case "push" -> gitlabPush(repository, p);
			case "issue" -> new ForgeEvent.Issue(repository, switch (action == null ? "" : action) {
				case "close" -> "closed";
				case "reopen" -> "reopened";
				case "open" -> "opened";
				case "update" -> "edited";
				default -> action;
			}, a.path("iid").asLong(), text(a.path("title")), text(a.path("description")), text(a.path("url")), true);
			default -> new ForgeEvent.Other(repository, kind, action);
		};
	}

	private static ForgeEvent gitlabMergeRequest(String repository, String action, JsonNode a, JsonNode p) {
		String glState = text(a.path("state"));
		boolean draft = a.path("draft").asBoolean(a.path("work_in_progress").asBoolean(false));
		String state = "merged".equals(glState) ? "merged"
				: "closed".equals(glState) || "locked".equals(glState) ? "closed" : draft ? "draft" : "open";
		String normalized = switch (action == null ? "" : action) {
			case "open" -> "opened";
			case "reopen" -> "reopened";
			case "update" -> "edited";
			case "close" -> "closed";
			case "merge" -> "merged";
			default -> action;
		};
		return new ForgeEvent.ChangeRequest(repository, normalized, String.valueOf(a.path("iid").asLong()),
				text(a.path("title")), text(a.path("description")), text(a.path("source_branch")), state,
				text(p.path("user").path("username")), text(a.path("url")));
	}

	private static ForgeEvent gitlabPush(String repository, JsonNode p) {
		String branch = branch(text(p.path("ref")));
		boolean defaultBranch = branch != null && branch.equals(text(p.path("project").path("default_branch")));
		List<ForgeEvent.Commit> commits = new ArrayList<>();
		for (JsonNode c : p.path("commits").values()) {
			commits.add(new ForgeEvent.Commit(text(c.path("id")), text(c.path("message")), text(c.path("url")),
					text(c.path("author").path("name"))));
		}
		return new ForgeEvent.Push(repository, branch, defaultBranch, commits);
	}

	private static String branch(String ref) {
		return ref == null ? null : ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
	}

	static String text(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull()) {
			return null;
		}
		return node.isString() ? node.stringValue() : node.isValueNode() ? node.asString() : null;
	}

}
