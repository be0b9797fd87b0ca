package dev.fixpoint.slack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.Resolution;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.projects.Project;
import dev.fixpoint.workflow.StatusCategory;

/**
 * Bugs in Block Kit: the compact channel post (key, title, severity colour, status,
 * assignee, link, buttons), the private answer of {@code /bug}, the unfurl, and the
 * modals. Slack's {@code mrkdwn} is escaped ({@code &}, {@code <}, {@code >}) wherever a
 * person's text goes.
 */
final class BugMessages {

	static final String ASSIGN_ME = "assign_me";

	static final String START = "start";

	static final String RESOLVE = "resolve";

	private BugMessages() {
	}

	static String colour(Severity severity) {
		return switch (severity) {
			case CRITICAL -> "#d92d20";
			case HIGH -> "#f79009";
			case MEDIUM -> "#2e90fa";
			case LOW -> "#98a2b3";
		};
	}

	/**
	 * The channel post: an attachment in the severity's colour, with buttons while open.
	 */
	static Map<String, Object> post(Bug bug, Project project, String baseUrl, String channel, String ts) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("channel", channel);
		if (ts != null) {
			message.put("ts", ts);
		}
		message.put("text", bug.key() + ": " + bug.title());
		message.put("attachments", List.of(Map.of("color", colour(bug.severity()), "blocks",
				blocks(bug, project, baseUrl, actions(bug, project)))));
		message.put("unfurl_links", false);
		return message;
	}

	/** The same card without buttons: {@code /bug KEY} and unfurls. */
	static List<Map<String, Object>> card(Bug bug, Project project, String baseUrl) {
		return blocks(bug, project, baseUrl, false);
	}

	private static boolean actions(Bug bug, Project project) {
		return project.workflow().categoryOf(bug.status()) != StatusCategory.DONE;
	}

	private static List<Map<String, Object>> blocks(Bug bug, Project project, String baseUrl, boolean buttons) {
		String url = baseUrl + "/bugs/" + bug.key();
		List<Map<String, Object>> blocks = new ArrayList<>();
		blocks.add(section("*<" + url + "|" + escape(bug.key() + " " + bug.title()) + ">*"));
		String status = project.workflow().nameOf(bug.status());
		if (bug.resolution() != null) {
			status += " (" + Resolution.label(bug.resolution()) + ")";
		}
		blocks.add(Map.of("type", "context", "elements",
				List.of(mrkdwn("*" + bug.severity().label() + "*"), mrkdwn(escape(status)),
						mrkdwn(bug.assignee() == null ? "Unassigned" : "Assigned to " + escape(bug.assignee().name())),
						mrkdwn(escape(project.name())))));
		if (buttons) {
			String id = bug.id().toString();
			blocks.add(Map.of("type", "actions", "block_id", "bug_actions", "elements",
					List.of(button(ASSIGN_ME, "Assign to me", id), button(START, "Start", id),
							button(RESOLVE, "Resolve", id))));
		}
		return blocks;
	}

	/** A private answer: plain text and optional blocks. */
	static Map<String, Object> privately(String text, List<Map<String, Object>> blocks) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("response_type", "ephemeral");
		answer.put("text", text);
		if (blocks != null && !blocks.isEmpty()) {
			answer.put("blocks", blocks);
		}
		return answer;
	}

	static Map<String, Object> privately(String text) {
		return privately(text, List.of(section(escape(text))));
	}

	static Map<String, Object> section(String mrkdwn) {
		return Map.of("type", "section", "text", mrkdwn(mrkdwn));
	}

	static Map<String, Object> mrkdwn(String text) {
		return Map.of("type", "mrkdwn", "text", text);
	}

	static Map<String, Object> plain(String text) {
		return Map.of("type", "plain_text", "text", text);
	}

	private static Map<String, Object> button(String action, String label, String value) {
		Map<String, Object> button = new LinkedHashMap<>();
		button.put("type", "button");
		button.put("action_id", action);
		button.put("text", plain(label));
		button.put("value", value);
		if (RESOLVE.equals(action)) {
			button.put("style", "primary");
		}
		return button;
	}

	/** Slack's mrkdwn control characters. */
	static String escape(String text) {
		return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	static Map<String, Object> option(String value, String label) {
		return Map.of("value", value, "text", plain(label.length() > 75 ? label.substring(0, 74) + "…" : label));
	}

}
