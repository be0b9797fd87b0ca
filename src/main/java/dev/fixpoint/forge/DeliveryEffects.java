package dev.fixpoint.forge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.CodeLinks;
import dev.fixpoint.bugs.LinkedCode;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectRole;

import org.springframework.stereotype.Component;

/**
 * What a verified event does to the bugs of the projects linked to its repository, as the
 * forge's system actor; returns one line per effect or refusal for the delivery log. Runs
 * in the delivery's transaction.
 */
@Component
class DeliveryEffects {

	private final CodeLinks code;

	private final BugManagement bugs;

	private final ProjectAccess access;

	private final IssueRepository issues;

	DeliveryEffects(CodeLinks code, BugManagement bugs, ProjectAccess access, IssueRepository issues) {
		this.code = code;
		this.bugs = bugs;
		this.access = access;
		this.issues = issues;
	}

	List<String> apply(Forge forge, ForgeEvent event, List<LinkRow> links) {
		List<String> outcome = new ArrayList<>();
		for (LinkRow link : links) {
			Membership project = this.access.asSystem(link.projectId(), actor(forge), ProjectRole.DEVELOPER);
			switch (event) {
				case ForgeEvent.Ping ping -> outcome.add("pong: " + project.project().key() + " is linked");
				case ForgeEvent.ChangeRequest request -> changeRequest(forge, link, project, request, outcome);
				case ForgeEvent.Push push -> push(forge, link, project, push, outcome);
				case ForgeEvent.Issue issue -> issue(forge, link, project, issue, outcome);
				case ForgeEvent.Other other -> {
				}
			}
		}
		return outcome;
	}

	private void changeRequest(Forge forge, LinkRow link, Membership project, ForgeEvent.ChangeRequest request,
			List<String> outcome) {
		String kind = forge == Forge.GITHUB ? "pull_request" : "merge_request";
		for (BugMentions.Mention mention : BugMentions.find(Set.of(project.project().key()), request.title(),
				request.body(), request.branch())) {
			Optional<UUID> bug = bug(project, mention, outcome);
			if (bug.isEmpty()) {
				continue;
			}
			LinkedCode linked = new LinkedCode(kind, forge.key(), request.repository(), request.number(),
					request.title(), request.url(), request.state(), request.author(), request.branch());
			if (this.code.link(forge.actor(), bug.get(), linked)) {
				outcome.add(mention.key() + ": linked " + linked.kind().replace('_', ' ') + " " + request.number()
						+ " (" + request.state() + ")");
			}
			if ("merged".equals(request.action()) && mention.closing()) {
				move(forge, bug.get(), mention.key(), link.mergedStatus(), "fixed", outcome);
			}
			else if (request.opening() && link.openedStatus() != null && !"draft".equals(request.state())) {
				move(forge, bug.get(), mention.key(), link.openedStatus(), null, outcome);
			}
		}
	}

	private void push(Forge forge, LinkRow link, Membership project, ForgeEvent.Push push, List<String> outcome) {
		for (ForgeEvent.Commit commit : push.commits()) {
			for (BugMentions.Mention mention : BugMentions.find(Set.of(project.project().key()), commit.message())) {
				Optional<UUID> bug = bug(project, mention, outcome);
				if (bug.isEmpty() || commit.sha() == null) {
					continue;
				}
				String sha = commit.sha().substring(0, Math.min(7, commit.sha().length()));
				String firstLine = commit.message().lines().findFirst().orElse("");
				if (this.code.link(forge.actor(), bug.get(), new LinkedCode("commit", forge.key(), push.repository(),
						sha, firstLine, commit.url(), "pushed", commit.author(), push.branch()))) {
					outcome.add(mention.key() + ": linked commit " + sha);
				}
				if (mention.closing() && push.defaultBranch()) {
					move(forge, bug.get(), mention.key(), link.mergedStatus(), "fixed", outcome);
				}
			}
		}
	}

	/**
	 * Forge issues naming a bug are linked to it; closing or reopening a linked issue
	 * moves the bug, unless it is the echo of our own change to the issue.
	 */
	private void issue(Forge forge, LinkRow link, Membership project, ForgeEvent.Issue issue, List<String> outcome) {
		String action = issue.action() == null ? "" : issue.action();
		if (action.equals("opened") || action.equals("edited")) {
			for (BugMentions.Mention mention : BugMentions.find(Set.of(project.project().key()), issue.title(),
					issue.body())) {
				bug(project, mention, outcome)
					.filter(bug -> this.issues.link(link.id(), issue.number(), bug, issue.url()))
					.ifPresent(bug -> outcome.add(mention.key() + ": linked issue #" + issue.number()));
			}
			return;
		}
		if (!action.equals("closed") && !action.equals("reopened")) {
			return;
		}
		Optional<IssueRepository.LinkedIssue> linked = this.issues.find(link.id(), issue.number());
		if (linked.isEmpty()) {
			outcome.add("issue #" + issue.number() + " is not linked to a bug");
			return;
		}
		String state = action.equals("closed") ? "closed" : "open";
		if (state.equals(linked.get().pushedState())) {
			this.issues.pushed(link.id(), issue.number(), null);
			outcome.add("issue #" + issue.number() + ": our own change, ignored");
			return;
		}
		String key = this.code.locate(linked.get().bugId()).map(CodeLinks.Located::key).orElse("bug");
		if (state.equals("closed")) {
			move(forge, linked.get().bugId(), key, link.mergedStatus(), issue.completed() ? "fixed" : "wont_fix",
					outcome);
		}
		else {
			move(forge, linked.get().bugId(), key, project.project().workflow().initialStatus().key(), null, outcome);
		}
	}

	private Optional<UUID> bug(Membership project, BugMentions.Mention mention, List<String> outcome) {
		Optional<UUID> bug = this.code.find(project.projectId(), mention.number());
		if (bug.isEmpty()) {
			outcome.add(mention.key() + ": no such bug");
		}
		return bug;
	}

	private void move(Forge forge, UUID bugId, String key, String status, String resolution, List<String> outcome) {
		BugManagement.Automated moved = this.bugs.automate(forge.actor(), bugId, status, resolution);
		if (moved.moved()) {
			outcome.add(key + ": moved to " + status + (resolution == null ? "" : " (" + resolution + ")"));
		}
		else if (moved.refusal() != null) {
			outcome.add(key + ": not moved to " + status + ": " + moved.refusal());
		}
	}

	static CurrentUser actor(Forge forge) {
		return new CurrentUser(forge.actor().id(), forge.actor().username() + "@fixpoint.invalid",
				forge.actor().username(), forge.actor().displayName());
	}

}
