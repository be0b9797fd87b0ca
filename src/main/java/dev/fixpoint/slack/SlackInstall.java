package dev.fixpoint.slack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.outbox.RetryLaterException;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;

/**
 * "Add to Slack" (OAuth v2), offered when {@code FIXPOINT_SLACK_CLIENT_ID/SECRET} are
 * set. {@link #start} sends an organization admin to Slack's consent page with a state
 * sealed by the secret store (AES-GCM: tampering with it or making one up fails to open)
 * that names the organization, the admin, a hash of their browser session, when it
 * expires (15 minutes) and a nonce recorded in {@code slack_oauth_states}.
 * {@link #finish} takes Slack's answer: the state must open, belong to the same person in
 * the same browser session (an installation started by someone else cannot be finished in
 * an admin's browser), be unexpired and unused (the nonce is deleted as it is taken);
 * only then is the code exchanged at {@code oauth.v2.access} and the bot token sealed and
 * stored. Slack is called outside any transaction.
 */
@Service
public class SlackInstall {

	static final String STATE_PURPOSE = "slack.oauth_state";

	static final Duration WINDOW = Duration.ofMinutes(15);

	private static final int MAX_STATE = 1024;

	private final SlackWorkspaces workspaces;

	private final WorkspaceRepository repository;

	private final SlackApi slack;

	private final SlackWorkspaces.Setup setup;

	SlackInstall(SlackWorkspaces workspaces, WorkspaceRepository repository, SlackApi slack,
			SlackWorkspaces.Setup setup) {
		this.workspaces = workspaces;
		this.repository = repository;
		this.slack = slack;
		this.setup = setup;
	}

	/**
	 * What came back from Slack: the organization, and the workspace or Slack's error.
	 */
	public record Outcome(String orgSlug, String teamName, String slackError) {
	}

	/**
	 * Where to send the admin: Slack's consent page, with a state only this person's
	 * browser session can bring back, once, within 15 minutes.
	 * @param session this browser session's id (kept only as a hash inside the state)
	 */
	public String start(String orgRef, CurrentUser user, String session) {
		OrganizationMembership org = this.workspaces.admin(orgRef, user);
		if (!this.setup.properties.oauthConfigured()) {
			throw NotFoundException.of("Add to Slack");
		}
		String nonce = this.setup.secrets.newSecret();
		Instant now = Times.now(this.setup.clock);
		Instant expires = now.plus(WINDOW);
		String state = seal(new State(nonce, org.id(), user.id(), SlackPeople.hash(session), expires));
		this.setup.transactions.executeWithoutResult(status -> {
			this.repository.deleteExpiredOauthStates(now);
			this.repository.saveOauthState(SlackPeople.hash(nonce), org.id(), user.id(), expires);
		});
		return this.setup.properties.authorizeUrl() + "?client_id=" + encode(this.setup.properties.clientId())
				+ "&scope=" + encode(String.join(",", Manifest.BOT_SCOPES)) + "&redirect_uri=" + encode(redirectUri())
				+ "&state=" + encode(state);
	}

	/**
	 * Slack sent the admin back with a code (or an error such as {@code access_denied}):
	 * checks the state, exchanges the code for the bot token and connects the workspace.
	 * @throws SlackInstallRefusedException when the state is missing, altered, someone
	 * else's, expired or used, or Slack refuses the code (nothing is stored)
	 */
	public Outcome finish(String code, String state, String error, CurrentUser user, String session) {
		if (!this.setup.properties.oauthConfigured()) {
			throw NotFoundException.of("Add to Slack");
		}
		State started = open(state);
		if (!started.userId().equals(user.id())
				|| !dev.fixpoint.platform.Hmacs.equalsConstantTime(started.session(), SlackPeople.hash(session))) {
			throw new SlackInstallRefusedException(SlackInstallRefusedException.OTHER_SESSION);
		}
		Instant now = Times.now(this.setup.clock);
		if (!now.isBefore(started.expires())) {
			throw new SlackInstallRefusedException(SlackInstallRefusedException.EXPIRED);
		}
		Optional<WorkspaceRepository.OauthState> taken = this.setup.transactions
			.execute(status -> this.repository.takeOauthState(SlackPeople.hash(started.nonce()), now));
		if (taken == null || taken.isEmpty() || !taken.get().orgId().equals(started.orgId())) {
			throw new SlackInstallRefusedException(SlackInstallRefusedException.USED);
		}
		OrganizationMembership org = this.workspaces.admin(started.orgId().toString(), user);
		if (error != null && !error.isBlank()) {
			return new Outcome(org.slug(), null, error.length() > 100 ? error.substring(0, 100) : error);
		}
		if (code == null || code.isBlank() || code.length() > 500) {
			throw new SlackInstallRefusedException(SlackInstallRefusedException.NO_CODE);
		}
		String token = exchange(code);
		JsonNode who;
		try {
			who = this.workspaces.identify(token);
			this.workspaces.save(org.id(), who, token, null, false, user.id());
		}
		catch (InvalidInputException ex) {
			// auth.test refused the token it just gave, or named no workspace
			throw new SlackInstallRefusedException(SlackInstallRefusedException.slackRefused("auth.test"));
		}
		return new Outcome(org.slug(), who.path("team").asString(who.path("team_id").asString("")), null);
	}

	/** {@code oauth.v2.access}: the bot token for the code, or a refusal. */
	private String exchange(String code) {
		JsonNode access;
		try {
			access = this.slack.form(null, "oauth.v2.access",
					Map.of("client_id", this.setup.properties.clientId(), "client_secret",
							this.setup.properties.clientSecret(), "code", code, "redirect_uri", redirectUri()));
		}
		catch (SlackApi.SlackRefusedException ex) {
			throw new SlackInstallRefusedException(SlackInstallRefusedException.slackRefused(ex.error()));
		}
		catch (SlackApi.SlackUnavailableException | RetryLaterException ex) {
			throw new SlackUnreachableException(
					"Slack could not be reached to finish the installation; nothing was saved. Start again in a minute.");
		}
		String token = access.path("access_token").asString("");
		if (!"bot".equals(access.path("token_type").asString("bot")) || !SlackWorkspaces.isBotToken(token)) {
			throw new SlackInstallRefusedException(SlackInstallRefusedException.slackRefused("no_bot_token"));
		}
		return token;
	}

	private String redirectUri() {
		return Manifest.requestUrls(this.setup.baseUrl).get("oauth_redirect");
	}

	/** What a state carries, sealed. */
	record State(String nonce, UUID orgId, UUID userId, String session, Instant expires) {
	}

	private String seal(State state) {
		String plain = String.join("|", "1", state.nonce(), state.orgId().toString(), state.userId().toString(),
				state.session(), Long.toString(state.expires().getEpochSecond()));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(this.setup.secrets.seal(STATE_PURPOSE, plain));
	}

	private State open(String state) {
		if (state == null || state.isBlank() || state.length() > MAX_STATE) {
			throw new SlackInstallRefusedException(SlackInstallRefusedException.FORGED);
		}
		try {
			String[] parts = this.setup.secrets.open(STATE_PURPOSE, Base64.getUrlDecoder().decode(state)).split("\\|");
			if (parts.length != 6 || !parts[0].equals("1")) {
				throw new IllegalStateException("unknown state layout");
			}
			return new State(parts[1], UUID.fromString(parts[2]), UUID.fromString(parts[3]), parts[4],
					Instant.ofEpochSecond(Long.parseLong(parts[5])));
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			// not base64, altered, sealed for another purpose or with an unknown key
			throw new SlackInstallRefusedException(SlackInstallRefusedException.FORGED);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
