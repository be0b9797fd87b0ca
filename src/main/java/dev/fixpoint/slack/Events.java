package dev.fixpoint.slack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fixpoint.platform.CurrentUser;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Events API: {@code link_shared} (a link to this instance pasted in Slack) becomes
 * {@code chat.unfurl} of the bugs the person who shared it can see, once they are linked;
 * at most 5 links per message. Other events are acknowledged and ignored.
 */
@Component
class Events {

	private final Callers callers;

	private final SlackOutbox.Later later;

	Events(Callers callers, SlackOutbox.Later later) {
		this.callers = callers;
		this.later = later;
	}

	void run(WorkspaceRepository.WorkspaceRow workspace, JsonNode event) {
		if (!"link_shared".equals(event.path("type").asString(""))) {
			return;
		}
		Optional<CurrentUser> user = this.callers.person(workspace, event.path("user").asString(null));
		if (user.isEmpty()) {
			return;
		}
		Pattern bugLink = Pattern
			.compile(Pattern.quote(this.callers.baseUrl()) + "/bugs/([A-Za-z][A-Za-z0-9]{1,9}-[0-9]{1,9})(?:[/?#].*)?");
		Map<String, Object> unfurls = new LinkedHashMap<>();
		for (JsonNode link : event.path("links")) {
			String url = link.path("url").asString("");
			Matcher matcher = bugLink.matcher(url);
			if (unfurls.size() == 5 || url.length() > 500 || !matcher.matches()) {
				continue;
			}
			this.callers.bug(workspace, matcher.group(1).toUpperCase(java.util.Locale.ROOT), user.get())
				.ifPresent(found -> unfurls.put(url, Map.of("blocks",
						BugMessages.card(found.bug(), found.member().project(), this.callers.baseUrl()))));
		}
		if (unfurls.isEmpty()) {
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		String unfurlId = event.path("unfurl_id").asString("");
		if (!unfurlId.isEmpty()) {
			body.put("unfurl_id", unfurlId);
			body.put("source", event.path("source").asString("conversations_history"));
		}
		else {
			body.put("channel", event.path("channel").asString(""));
			body.put("ts", event.path("message_ts").asString(""));
		}
		body.put("unfurls", unfurls);
		this.later.inTransaction(() -> this.later.call(workspace.teamId(), "chat.unfurl", body));
	}

}
