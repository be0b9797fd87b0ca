package dev.fixpoint.slack;

import java.util.Map;
import java.util.Optional;

import dev.fixpoint.platform.CurrentUser;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Interactions: the buttons on posts ({@link Actions}), the modals' submissions
 * ({@link Filing}, resolving) and the message shortcut "Report as bug" (the modal with
 * the message's text and a permalink to it). An unlinked Slack user is told privately how
 * to link.
 */
@Component
class Interactions {

	/** The message shortcut's callback id (in the app manifest). */
	static final String REPORT_SHORTCUT = "report_bug";

	private final Callers callers;

	private final Actions actions;

	private final Filing filing;

	private final Modals modals;

	Interactions(Callers callers, Actions actions, Filing filing, Modals modals) {
		this.callers = callers;
		this.actions = actions;
		this.filing = filing;
		this.modals = modals;
	}

	Map<String, Object> run(WorkspaceRepository.WorkspaceRow workspace, JsonNode payload) {
		String type = payload.path("type").asString("");
		String slackUser = payload.path("user").path("id").asString(null);
		String channel = payload.path("channel").path("id").asString(null);
		Optional<CurrentUser> user = this.callers.person(workspace, slackUser);
		if (user.isEmpty()) {
			if (type.equals("view_submission")) {
				return Filing.errors("title", "Link your Slack account to Fixpoint first: run /bug in a channel.");
			}
			this.actions.tell(workspace, channel, slackUser, this.callers.invitation(workspace, slackUser));
			return Map.of();
		}
		return switch (type) {
			case "block_actions" -> this.actions.run(workspace, user.get(), payload);
			case "view_submission" -> submit(workspace, user.get(), slackUser, payload.path("view"));
			case "message_action" -> shortcut(workspace, user.get(), slackUser, channel, payload);
			default -> Map.of();
		};
	}

	private Map<String, Object> submit(WorkspaceRepository.WorkspaceRow workspace, CurrentUser user, String slackUser,
			JsonNode view) {
		return switch (view.path("callback_id").asString("")) {
			case Modals.REPORT -> this.filing.file(workspace, user, slackUser, view);
			case Modals.RESOLVE -> this.actions.resolve(workspace, user, slackUser, view);
			default -> Map.of();
		};
	}

	private Map<String, Object> shortcut(WorkspaceRepository.WorkspaceRow workspace, CurrentUser user, String slackUser,
			String channel, JsonNode payload) {
		if (!REPORT_SHORTCUT.equals(payload.path("callback_id").asString(""))) {
			return Map.of();
		}
		JsonNode message = payload.path("message");
		String text = message.path("text").asString("");
		String permalink = permalink(payload.path("team").path("domain").asString(workspace.teamDomain()), channel,
				message.path("ts").asString(""));
		String title = text.lines().findFirst().orElse("").strip();
		Map<String, Object> answer = this.modals.openReport(workspace, user, payload.path("trigger_id").asString(null),
				title.length() > 120 ? title.substring(0, 119) + "…" : title, text, permalink);
		if (!answer.isEmpty()) {
			this.actions.tell(workspace, channel, slackUser, String.valueOf(answer.get("text")));
		}
		return Map.of();
	}

	/** A message's permalink, built as Slack builds them (no call needed). */
	static String permalink(String domain, String channel, String ts) {
		if (domain == null || !domain.matches("[a-z0-9-]{1,63}") || channel == null
				|| !channel.matches("[A-Z0-9]{2,32}") || !ts.matches("[0-9]{1,12}\\.[0-9]{1,8}")) {
			return null;
		}
		return "https://" + domain + ".slack.com/archives/" + channel + "/p" + ts.replace(".", "");
	}

}
