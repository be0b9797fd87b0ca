package dev.fixpoint.slack;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.SecretBox;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.UnauthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Slack's requests: commands, interactions (buttons, modals, the message shortcut) and
 * events. Each is verified (v0 signature, 5-minute window, each signed request taken once
 * by the whole installation: {@link SeenRequests}) against the signing secret of the
 * workspace it names (its own, or the instance's) before anything in it is used; then the
 * Slack user is resolved to a linked person, or told how to link. Answers are Slack's
 * JSON: an empty map means "200, nothing to say".
 */
@Service
public class SlackInbound {

	/** The largest body accepted; Slack's are a few KB. */
	public static final int MAX_BYTES = 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(SlackInbound.class);

	/** A request as Slack sent it: the two headers and the raw body they sign. */
	public record SlackRequest(String timestamp, String signature, byte[] body) {
	}

	private final WorkspaceRepository workspaces;

	private final Commands commands;

	private final Interactions interactions;

	private final Events events;

	private final Verification verification;

	@org.springframework.stereotype.Component
	static class Verification {

		final SecretBox secrets;

		final SlackProperties properties;

		final Clock clock;

		final JsonMapper json = JsonMapper.builder().build();

		/**
		 * The signatures already taken, on every node: a request that verifies is taken
		 * once (the 5-minute window alone would let a captured request be replayed within
		 * it).
		 */
		final SeenRequests seen;

		Verification(SecretBox secrets, SlackProperties properties, Clock clock, SeenRequests seen) {
			this.secrets = secrets;
			this.properties = properties;
			this.clock = clock;
			this.seen = seen;
		}

	}

	SlackInbound(WorkspaceRepository workspaces, Commands commands, Interactions interactions, Events events,
			Verification verification) {
		this.workspaces = workspaces;
		this.commands = commands;
		this.interactions = interactions;
		this.events = events;
		this.verification = verification;
	}

	public Map<String, Object> command(SlackRequest request) {
		Map<String, String> form = SlackForm.parse(request.body());
		Optional<WorkspaceRepository.WorkspaceRow> workspace = verify(request, form.get("team_id"));
		if (workspace.isEmpty()) {
			return BugMessages.privately(notConnected());
		}
		return this.commands.run(workspace.get(), form);
	}

	public Map<String, Object> interaction(SlackRequest request) {
		String payload = SlackForm.parse(request.body()).get("payload");
		if (payload == null) {
			throw InvalidInputException.of("payload", "is required");
		}
		JsonNode json = object(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), "payload");
		Optional<WorkspaceRepository.WorkspaceRow> workspace = verify(request,
				json.path("team").path("id").asString(null));
		if (workspace.isEmpty()) {
			return Map.of();
		}
		return this.interactions.run(workspace.get(), json);
	}

	public Map<String, Object> event(SlackRequest request) {
		JsonNode json = object(request.body(), "body");
		String type = json.path("type").asString("");
		Optional<WorkspaceRepository.WorkspaceRow> workspace = verify(request,
				type.equals("url_verification") ? null : json.path("team_id").asString(null));
		if (type.equals("url_verification")) {
			String challenge = json.path("challenge").asString("");
			if (challenge.isEmpty() || challenge.length() > 200) {
				throw InvalidInputException.of("challenge", "is required (at most 200 characters)");
			}
			return Map.of("challenge", challenge);
		}
		if (workspace.isEmpty() || !type.equals("event_callback")) {
			return Map.of();
		}
		this.events.run(workspace.get(), json.path("event"));
		return Map.of();
	}

	/**
	 * Checks the signature against the secret of the workspace {@code teamId} names (its
	 * own or the instance's); without a connected workspace, against the instance's and
	 * every workspace's own. The workspace, when the team is connected.
	 */
	private Optional<WorkspaceRepository.WorkspaceRow> verify(SlackRequest request, String teamId) {
		Optional<WorkspaceRepository.WorkspaceRow> workspace = teamId == null || !teamId.matches("[A-Z0-9]{2,32}")
				? Optional.empty() : this.workspaces.findByTeam(teamId);
		List<String> secrets = new ArrayList<>(2);
		SlackProperties properties = this.verification.properties;
		if (workspace.isPresent() && workspace.get().signingSecret() != null) {
			secrets.add(open(workspace.get().signingSecret()));
		}
		else if (properties.hasSigningSecret()) {
			secrets.add(properties.signingSecret());
		}
		if (workspace.isEmpty()) {
			this.workspaces.findWithOwnSecrets().forEach(w -> secrets.add(open(w.signingSecret())));
		}
		String refusal = SlackSignature.refusal(request.timestamp(), request.signature(), request.body(), secrets,
				Times.now(this.verification.clock));
		if (refusal != null) {
			log.info("Slack request refused: {}", refusal);
			throw UnauthorizedException.because("The request's Slack signature does not verify: " + refusal);
		}
		if (!this.verification.seen.firstTime(request.signature(),
				Instant.ofEpochSecond(Long.parseLong(request.timestamp())))) {
			log.info("Slack request refused: replayed");
			throw UnauthorizedException.because("This signed Slack request was already received: a replay");
		}
		return workspace;
	}

	private String open(byte[] sealed) {
		return this.verification.secrets.open(SlackWorkspaces.SECRET_PURPOSE, sealed);
	}

	private JsonNode object(byte[] bytes, String field) {
		try {
			JsonNode json = this.verification.json.readTree(bytes);
			if (json == null || !json.isObject()) {
				throw InvalidInputException.of(field, "must be a JSON object");
			}
			return json;
		}
		catch (JacksonException ex) {
			throw InvalidInputException.of(field, "is not valid JSON");
		}
	}

	private static String notConnected() {
		return "This Slack workspace is not connected to Fixpoint. An organization admin can connect it in "
				+ "Fixpoint's organization settings (Slack).";
	}

}
