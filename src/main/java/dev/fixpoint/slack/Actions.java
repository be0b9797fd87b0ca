package dev.fixpoint.slack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugRules;
import dev.fixpoint.bugs.Via;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.workflow.StatusCategory;
import dev.fixpoint.workflow.Workflow;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * The buttons on a post, as the linked person through {@code BugManagement.edit}: the
 * role table and the workflow decide exactly as on the bug page; the history says it was
 * done via Slack. "Assign to me" sets the assignee, "Start" moves along the workflow's
 * transition to an in-progress status, "Resolve" asks for a resolution (a modal) and
 * moves to a done status. A refusal is told privately with its reason; a change updates
 * the post (the {@code slack} outbox consumer).
 */
@Component
class Actions {

	private final Callers callers;

	private final BugManagement bugs;

	private final Modals modals;

	private final SlackOutbox.Later later;

	Actions(Callers callers, BugManagement bugs, Modals modals, SlackOutbox.Later later) {
		this.callers = callers;
		this.bugs = bugs;
		this.modals = modals;
		this.later = later;
	}

	Map<String, Object> run(WorkspaceRepository.WorkspaceRow workspace, CurrentUser user, JsonNode payload) {
		JsonNode action = payload.path("actions").path(0);
		String slackUser = payload.path("user").path("id").asString(null);
		String channel = payload.path("channel").path("id").asString(null);
		String bugId = action.path("value").asString("");
		if (!bugId.matches("[0-9a-fA-F-]{36}")) {
			return Map.of();
		}
		Optional<Callers.Found> found = this.callers.bug(workspace, bugId, user);
		if (found.isEmpty()) {
			tell(workspace, channel, slackUser, "That bug does not exist or you cannot see it.");
			return Map.of();
		}
		String refusal = switch (action.path("action_id").asString("")) {
			case BugMessages.ASSIGN_ME -> edit(found.get(), Map.of("assignee_id", user.id().toString()));
			case BugMessages.START -> move(found.get(), StatusCategory.IN_PROGRESS, null);
			case BugMessages.RESOLVE -> {
				Map<String, Object> answer = this.modals.openResolve(workspace,
						payload.path("trigger_id").asString(null), found.get(), channel == null ? "" : channel);
				yield answer.isEmpty() ? null : String.valueOf(answer.get("text"));
			}
			default -> null;
		};
		if (refusal != null) {
			tell(workspace, channel, slackUser, found.get().bug().key() + ": " + refusal);
		}
		return Map.of();
	}

	/** The resolve modal's submission. */
	Map<String, Object> resolve(WorkspaceRepository.WorkspaceRow workspace, CurrentUser user, String slackUser,
			JsonNode view) {
		String[] metadata = view.path("private_metadata").asString("").split("\\|", 2);
		String resolution = view.path("state")
			.path("values")
			.path("resolution")
			.path("value")
			.path("selected_option")
			.path("value")
			.asString("");
		if (!Modals.RESOLUTIONS.contains(resolution)) {
			return Filing.errors("resolution", "Pick a resolution.");
		}
		Optional<Callers.Found> found = metadata[0].matches("[0-9a-fA-F-]{36}")
				? this.callers.bug(workspace, metadata[0], user) : Optional.empty();
		if (found.isEmpty()) {
			return Filing.errors("resolution", "That bug does not exist or you cannot see it.");
		}
		String refusal = move(found.get(), StatusCategory.DONE, resolution);
		return refusal == null ? Map.of() : Filing.errors("resolution", refusal);
	}

	void tell(WorkspaceRepository.WorkspaceRow workspace, String channel, String slackUser, String text) {
		this.later.tell(workspace.teamId(), channel, slackUser, text);
	}

	/** Moves along the workflow to a status of {@code category}; the refusal, or null. */
	private String move(Callers.Found found, StatusCategory category, String resolution) {
		Workflow workflow = found.member().project().workflow();
		String from = found.bug().status();
		Optional<String> target = workflow.transitionsFrom(from)
			.stream()
			.map(Workflow.Transition::to)
			.filter(to -> workflow.categoryOf(to) == category)
			.sorted((a, b) -> Boolean.compare(!preferred(a, category), !preferred(b, category)))
			.findFirst();
		if (target.isEmpty()) {
			return "the workflow has no move from " + workflow.nameOf(from) + " to "
					+ (category == StatusCategory.DONE ? "a done status" : "an in-progress status");
		}
		Map<String, Object> patch = new LinkedHashMap<>();
		patch.put("status", target.get());
		if (resolution != null) {
			patch.put("resolution", resolution);
		}
		return edit(found, patch);
	}

	private static boolean preferred(String status, StatusCategory category) {
		return status.equals(category == StatusCategory.DONE ? "resolved" : "in_progress");
	}

	private String edit(Callers.Found found, Map<String, Object> patch) {
		try {
			this.bugs.edit(found.bug().id().toString(), BugRules.parsePatch(patch, null), found.member().user(),
					Via.SLACK);
			return null;
		}
		catch (DomainException ex) {
			return ex.getMessage();
		}
	}

}
