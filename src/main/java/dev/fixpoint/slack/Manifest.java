package dev.fixpoint.slack;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Slack app manifest and request URLs of this installation. */
final class Manifest {

	static final List<String> BOT_SCOPES = List.of("commands", "chat:write", "chat:write.public", "links:read",
			"links:write", "users:read", "users:read.email", "im:write");

	private Manifest() {
	}

	static Map<String, String> requestUrls(String baseUrl) {
		Map<String, String> urls = new LinkedHashMap<>();
		urls.put("commands", baseUrl + "/api/integrations/slack/commands");
		urls.put("interactions", baseUrl + "/api/integrations/slack/interactions");
		urls.put("events", baseUrl + "/api/integrations/slack/events");
		urls.put("oauth_redirect", baseUrl + "/integrations/slack/oauth");
		return urls;
	}

	static Map<String, Object> of(String baseUrl) {
		Map<String, String> urls = requestUrls(baseUrl);
		String host = URI.create(baseUrl).getHost();
		return Map.of("display_information",
				Map.of("name", "Fixpoint", "description", "Bug reports, where the team already talks"), "features",
				Map.of("bot_user", Map.of("display_name", "Fixpoint", "always_online", true), "slash_commands",
						List.of(Map.of("command", "/bug", "url", urls.get("commands"), "description",
								"Show a bug or search bugs", "usage_hint", "WEB-42 | search status:open severity:high",
								"should_escape", false),
								Map.of("command", "/report-bug", "url", urls.get("commands"), "description",
										"File a bug", "should_escape", false)),
						"shortcuts",
						List.of(Map.of("name", "Report as bug", "type", "message", "callback_id",
								Interactions.REPORT_SHORTCUT, "description", "File a bug from this message")),
						"unfurl_domains", List.of(host == null ? "localhost" : host)),
				"oauth_config",
				Map.of("redirect_urls", List.of(urls.get("oauth_redirect")), "scopes", Map.of("bot", BOT_SCOPES)),
				"settings",
				Map.of("event_subscriptions",
						Map.of("request_url", urls.get("events"), "bot_events", List.of("link_shared")),
						"interactivity", Map.of("is_enabled", true, "request_url", urls.get("interactions")),
						"org_deploy_enabled", false, "socket_mode_enabled", false, "token_rotation_enabled", false));
	}

}
