package dev.fixpoint.slack;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FixpointProperties;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.SecretBox;
import dev.fixpoint.platform.Times;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organization's Slack workspace, for its admins: connect (a pasted bot token and
 * signing secret, or "Add to Slack"), see, disconnect. A token is checked with Slack
 * ({@code auth.test}, which also names the workspace) before it is stored, outside any
 * transaction.
 */
@Service
public class SlackWorkspaces {

	static final String TOKEN_PURPOSE = "slack.bot_token";

	static final String SECRET_PURPOSE = "slack.signing_secret";

	private static final Pattern BOT_TOKEN = Pattern.compile("xoxb-[A-Za-z0-9-]{10,250}");

	private static final Pattern SIGNING_SECRET = Pattern.compile("[A-Za-z0-9]{16,128}");

	private final WorkspaceRepository workspaces;

	private final Organizations organizations;

	private final SlackApi slack;

	private final Setup setup;

	/** What connecting needs besides the workspaces: kept together (few dependencies). */
	@org.springframework.stereotype.Component
	static class Setup {

		final SecretBox secrets;

		final SlackProperties properties;

		final String baseUrl;

		final Clock clock;

		final TransactionTemplate transactions;

		Setup(SecretBox secrets, SlackProperties properties, FixpointProperties fixpoint, Clock clock,
				PlatformTransactionManager transactions) {
			this.secrets = secrets;
			this.properties = properties;
			this.baseUrl = fixpoint.baseUrl().replaceAll("/+$", "");
			this.clock = clock;
			this.transactions = new TransactionTemplate(transactions);
		}

	}

	SlackWorkspaces(WorkspaceRepository workspaces, Organizations organizations, SlackApi slack, Setup setup) {
		this.workspaces = workspaces;
		this.organizations = organizations;
		this.slack = slack;
		this.setup = setup;
	}

	public SlackConnection connection(String orgRef, CurrentUser user) {
		OrganizationMembership org = admin(orgRef, user);
		return view(org.id(), this.workspaces.findByOrg(org.id()));
	}

	/** Connects or changes the workspace with a pasted token and/or signing secret. */
	public SlackConnection connect(String orgRef, SlackConnectionChange change, CurrentUser user) {
		OrganizationMembership org = admin(orgRef, user);
		String token = blankToNull(change.botToken());
		String secret = blankToNull(change.signingSecret());
		if (token != null && !BOT_TOKEN.matcher(token).matches()) {
			throw InvalidInputException.of("bot_token", "must be a bot token (xoxb-...)");
		}
		if (secret != null && !SIGNING_SECRET.matcher(secret).matches()) {
			throw InvalidInputException.of("signing_secret",
					"must be the app's signing secret (16-128 letters and digits)");
		}
		Optional<WorkspaceRepository.WorkspaceRow> current = this.workspaces.findByOrg(org.id());
		if (token == null && current.isEmpty()) {
			throw InvalidInputException.of("bot_token", "is required to connect a workspace");
		}
		if (secret == null && !this.setup.properties.hasSigningSecret()
				&& current.map(w -> w.signingSecret() == null).orElse(true)) {
			throw InvalidInputException.of("signing_secret",
					"is required: this instance has no FIXPOINT_SLACK_SIGNING_SECRET");
		}
		if (token == null) {
			this.setup.transactions.executeWithoutResult(status -> this.workspaces.setSigningSecret(org.id(),
					this.setup.secrets.seal(SECRET_PURPOSE, secret)));
			return connection(orgRef, user);
		}
		JsonNode who = identify(token);
		save(org.id(), who, token, secret, secret == null, user.id());
		return connection(orgRef, user);
	}

	public void disconnect(String orgRef, CurrentUser user) {
		OrganizationMembership org = admin(orgRef, user);
		this.setup.transactions.executeWithoutResult(status -> {
			if (!this.workspaces.delete(org.id())) {
				throw NotFoundException.of("Slack connection");
			}
		});
	}

	/** Whether the organization has a workspace connected (any member may know). */
	public boolean connected(UUID orgId) {
		return this.workspaces.findByOrg(orgId).isPresent();
	}

	static boolean isBotToken(String token) {
		return token != null && BOT_TOKEN.matcher(token).matches();
	}

	/** {@code auth.test}: the token's workspace and bot, or why not. */
	JsonNode identify(String token) {
		try {
			return this.slack.form(token, "auth.test", Map.of());
		}
		catch (SlackApi.SlackRefusedException ex) {
			throw InvalidInputException.of("bot_token", "was refused by Slack (" + ex.error() + ")");
		}
		catch (RuntimeException ex) {
			throw new SlackUnreachableException();
		}
	}

	/**
	 * Stores the workspace; {@code keepSecret}: a null secret keeps the workspace's own
	 * signing secret (else a null one clears it: the instance's app signs).
	 */
	void save(UUID orgId, JsonNode who, String token, String secret, boolean keepSecret, UUID by) {
		String teamId = who.path("team_id").asString("");
		if (!teamId.matches("[A-Z0-9]{2,32}")) {
			throw InvalidInputException.of("bot_token", "Slack did not name the token's workspace");
		}
		String teamName = who.path("team").asString(teamId);
		String url = who.path("url").asString("");
		String domain = url.matches("https://[a-z0-9-]+\\.slack\\.com/?")
				? url.replaceAll("^https://|\\.slack\\.com/?$", "") : null;
		this.setup.transactions.executeWithoutResult(status -> {
			if (this.workspaces.teamTakenByAnother(teamId, orgId)) {
				throw ConflictException.because("This Slack workspace is connected to another organization");
			}
			this.workspaces.save(new WorkspaceRepository.WorkspaceRow(orgId, teamId,
					teamName.isBlank() ? teamId : teamName.substring(0, Math.min(200, teamName.length())), domain,
					blankToNull(who.path("user_id").asString("")), this.setup.secrets.seal(TOKEN_PURPOSE, token),
					secret == null ? null : this.setup.secrets.seal(SECRET_PURPOSE, secret),
					Times.now(this.setup.clock)), by, keepSecret);
		});
	}

	private SlackConnection view(UUID orgId, Optional<WorkspaceRepository.WorkspaceRow> row) {
		return new SlackConnection(orgId, row.isPresent(),
				row.map(WorkspaceRepository.WorkspaceRow::teamId).orElse(null),
				row.map(WorkspaceRepository.WorkspaceRow::teamName).orElse(null), row.isPresent(),
				row.map(w -> w.signingSecret() != null).orElse(false), this.setup.properties.hasSigningSecret(),
				this.setup.properties.oauthConfigured(),
				row.map(WorkspaceRepository.WorkspaceRow::connectedAt).orElse(null),
				Manifest.requestUrls(this.setup.baseUrl), Manifest.of(this.setup.baseUrl));
	}

	OrganizationMembership admin(String orgRef, CurrentUser user) {
		OrganizationMembership org = this.organizations.membership(orgRef, user);
		if (!org.isAdmin()) {
			throw ForbiddenException.because("Only organization admins can manage the Slack connection");
		}
		return org;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
