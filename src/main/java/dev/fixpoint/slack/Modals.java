package dev.fixpoint.slack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fixpoint.bugs.Resolution;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.SecretBox;
import dev.fixpoint.projects.Project;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.Projects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The modals: filing a bug (from {@code /report-bug} or the "Report as bug" shortcut) and
 * resolving one (asks for the resolution). Opened with {@code views.open} while
 * answering, since the trigger expires in 3 seconds; no transaction is open then.
 */
@Component
class Modals {

	static final String REPORT = "report_bug";

	static final String RESOLVE = "resolve_bug";

	/** Slack's own limit for a text input, and ours for what a modal may send. */
	static final int TEXT_MAX = 3000;

	static final List<String> RESOLUTIONS = Resolution.VALUES.stream().filter(r -> !r.equals("duplicate")).toList();

	private static final Logger log = LoggerFactory.getLogger(Modals.class);

	private final Projects projects;

	private final SlackApi slack;

	private final SecretBox secrets;

	Modals(Projects projects, SlackApi slack, SecretBox secrets) {
		this.projects = projects;
		this.slack = slack;
		this.secrets = secrets;
	}

	/**
	 * The organization's projects the person may file bugs in (at most 100: Slack's
	 * limit).
	 */
	List<Project> filingProjects(WorkspaceRepository.WorkspaceRow workspace, CurrentUser user) {
		return this.projects.mine(user)
			.stream()
			.filter(p -> p.orgId().equals(workspace.orgId()) && p.myRole() != null
					&& ProjectAction.CREATE_BUG.allowedFor(p.myRole()))
			.limit(100)
			.toList();
	}

	Map<String, Object> openReport(WorkspaceRepository.WorkspaceRow workspace, CurrentUser user, String triggerId,
			String title, String steps, String permalink) {
		List<Project> projects = filingProjects(workspace, user);
		if (projects.isEmpty()) {
			return BugMessages.privately("You cannot file bugs in any project of this organization.");
		}
		List<Map<String, Object>> options = projects.stream()
			.map(p -> BugMessages.option(p.key(), p.key() + " · " + p.name()))
			.toList();
		List<Map<String, Object>> severities = new ArrayList<>();
		for (Severity s : Severity.values()) {
			severities.add(BugMessages.option(s.key(), s.label()));
		}
		List<Map<String, Object>> blocks = new ArrayList<>();
		blocks.add(input("project", "Project", select(options, options.get(0)), false));
		blocks.add(input("title", "Title", text(false, 200, clip(title, 200)), false));
		blocks.add(input("severity", "Severity", select(severities, severities.get(2)), false));
		blocks.add(input("steps", "Steps to reproduce", text(true, TEXT_MAX, clip(steps, TEXT_MAX)), true));
		blocks.add(input("expected", "Expected behavior", text(true, TEXT_MAX, ""), true));
		blocks.add(input("actual", "Actual behavior", text(true, TEXT_MAX, ""), true));
		return open(workspace, triggerId,
				view(REPORT, "Report a bug", "File", permalink == null ? "" : permalink, blocks));
	}

	Map<String, Object> openResolve(WorkspaceRepository.WorkspaceRow workspace, String triggerId, Callers.Found found,
			String channel) {
		List<Map<String, Object>> options = RESOLUTIONS.stream()
			.map(r -> BugMessages.option(r, Resolution.label(r)))
			.toList();
		List<Map<String, Object>> blocks = List.of(
				BugMessages.section("*" + BugMessages.escape(found.bug().key() + " " + found.bug().title()) + "*"),
				input("resolution", "Resolution", select(options, options.get(0)), false));
		return open(workspace, triggerId,
				view(RESOLVE, "Resolve " + found.bug().key(), "Resolve", found.bug().id() + "|" + channel, blocks));
	}

	private Map<String, Object> open(WorkspaceRepository.WorkspaceRow workspace, String triggerId,
			Map<String, Object> view) {
		if (triggerId == null || triggerId.isBlank() || triggerId.length() > 200) {
			return BugMessages.privately("Slack sent no trigger for a dialog; try again.");
		}
		try {
			this.slack.call(this.secrets.open(SlackWorkspaces.TOKEN_PURPOSE, workspace.botToken()), "views.open",
					Map.of("trigger_id", triggerId, "view", view));
			return Map.of();
		}
		catch (RuntimeException ex) {
			log.info("Slack views.open failed: {}", ex.getMessage());
			return BugMessages.privately("Slack did not open the dialog; try again.");
		}
	}

	private static Map<String, Object> view(String callbackId, String title, String submit, String metadata,
			List<Map<String, Object>> blocks) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("type", "modal");
		view.put("callback_id", callbackId);
		view.put("title", BugMessages.plain(clip(title, 24)));
		view.put("submit", BugMessages.plain(submit));
		view.put("close", BugMessages.plain("Cancel"));
		view.put("private_metadata", metadata);
		view.put("blocks", blocks);
		return view;
	}

	private static Map<String, Object> input(String block, String label, Map<String, Object> element,
			boolean optional) {
		return Map.of("type", "input", "block_id", block, "label", BugMessages.plain(label), "element", element,
				"optional", optional);
	}

	private static Map<String, Object> select(List<Map<String, Object>> options, Map<String, Object> initial) {
		return Map.of("type", "static_select", "action_id", "value", "options", options, "initial_option", initial);
	}

	private static Map<String, Object> text(boolean multiline, int max, String initial) {
		Map<String, Object> element = new LinkedHashMap<>();
		element.put("type", "plain_text_input");
		element.put("action_id", "value");
		element.put("multiline", multiline);
		element.put("max_length", max);
		if (initial != null && !initial.isBlank()) {
			element.put("initial_value", initial);
		}
		return element;
	}

	private static String clip(String text, int max) {
		return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
