package dev.fixpoint.slack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.NewBug;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.bugs.Via;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.projects.Project;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * The filing modal's submission: the bug is filed as the linked person through
 * {@code BugManagement.report} (their role decides; a viewer cannot), tagged
 * {@code slack}, with the message's permalink when it came from the shortcut, and its
 * history says "via Slack". A refusal goes back into the modal next to its field; success
 * closes it and the person gets a direct message with the new bug's link, written with
 * the bug.
 */
@Component
class Filing {

	private static final Map<String, String> BLOCKS = Map.of("title", "title", "severity", "severity",
			"steps_to_reproduce", "steps", "expected_behavior", "expected", "actual_behavior", "actual", "description",
			"steps");

	private final BugManagement bugs;

	private final Modals modals;

	private final SlackOutbox.Later later;

	Filing(BugManagement bugs, Modals modals, SlackOutbox.Later later) {
		this.bugs = bugs;
		this.modals = modals;
		this.later = later;
	}

	Map<String, Object> file(WorkspaceRepository.WorkspaceRow workspace, CurrentUser user, String slackUser,
			JsonNode view) {
		JsonNode values = view.path("state").path("values");
		String projectKey = selected(values, "project");
		Map<String, String> texts = new LinkedHashMap<>();
		for (String block : List.of("title", "steps", "expected", "actual")) {
			String text = values.path(block).path("value").path("value").asString("");
			if (text.length() > Modals.TEXT_MAX) {
				return errors(block, "At most " + Modals.TEXT_MAX + " characters.");
			}
			texts.put(block, text);
		}
		Optional<Severity> severity = Severity.parse(selected(values, "severity"));
		if (severity.isEmpty()) {
			return errors("severity", "Pick a severity.");
		}
		Optional<Project> project = this.modals.filingProjects(workspace, user)
			.stream()
			.filter(p -> p.key().equals(projectKey))
			.findFirst();
		if (project.isEmpty()) {
			return errors("project", "Pick a project you can file bugs in.");
		}
		String permalink = view.path("private_metadata").asString("");
		String description = permalink.startsWith("https://") && permalink.length() <= 300
				? "Reported from Slack: " + permalink : "Reported from Slack.";
		NewBug report = new NewBug(texts.get("title"), description, blankToNull(texts.get("steps")),
				blankToNull(texts.get("expected")), blankToNull(texts.get("actual")), null, severity.get(), null, null,
				null, List.of("slack"), null);
		try {
			this.later.inTransaction(() -> {
				Bug bug = this.bugs.report(project.get().id().toString(), report, user, Via.SLACK);
				this.later.call(workspace.teamId(), "chat.postMessage", Map.of("channel", slackUser, "text", "Filed <"
						+ this.later.bugUrl(bug.key()) + "|" + bug.key() + ">: " + BugMessages.escape(bug.title())));
			});
			return Map.of();
		}
		catch (InvalidInputException ex) {
			FieldError first = ex.fieldErrors().isEmpty() ? new FieldError("title", ex.getMessage())
					: ex.fieldErrors().get(0);
			return errors(BLOCKS.getOrDefault(first.field(), "title"), first.message());
		}
		catch (DomainException ex) {
			return errors("project", ex.getMessage());
		}
	}

	static Map<String, Object> errors(String block, String message) {
		return Map.of("response_action", "errors", "errors", Map.of(block, message));
	}

	private static String selected(JsonNode values, String block) {
		return values.path(block).path("value").path("selected_option").path("value").asString("");
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
