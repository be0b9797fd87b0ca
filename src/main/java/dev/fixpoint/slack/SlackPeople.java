package dev.fixpoint.slack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FixpointProperties;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.SecretBox;
import dev.fixpoint.platform.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a Slack user is in Fixpoint. A Slack user is linked to a person by a one-time link
 * (offered privately to the Slack user, confirmed by the signed-in person) or, on first
 * use, by the email Slack confirmed for them matching a member of the workspace's
 * organization. Only members of that organization can be linked.
 */
@Service
public class SlackPeople {

	private static final Logger log = LoggerFactory.getLogger(SlackPeople.class);

	static final Duration LINK_VALIDITY = Duration.ofMinutes(30);

	/** A one-time link as its page shows it. */
	public record LinkOffer(String code, String teamName, String slackUserId) {
	}

	/** A person's linked Slack user. */
	public record LinkedSlackUser(String teamId, String teamName, String slackUserId) {
	}

	private final PeopleRepository people;

	private final WorkspaceRepository workspaces;

	private final Accounts accounts;

	private final Organizations organizations;

	private final Support support;

	@org.springframework.stereotype.Component
	static class Support {

		final SecretBox secrets;

		final SlackApi slack;

		final Clock clock;

		final String baseUrl;

		final org.springframework.transaction.support.TransactionTemplate transactions;

		Support(SecretBox secrets, SlackApi slack, Clock clock, FixpointProperties properties,
				org.springframework.transaction.PlatformTransactionManager transactions) {
			this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactions);
			this.secrets = secrets;
			this.slack = slack;
			this.clock = clock;
			this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
		}

	}

	SlackPeople(PeopleRepository people, WorkspaceRepository workspaces, Accounts accounts, Organizations organizations,
			Support support) {
		this.people = people;
		this.workspaces = workspaces;
		this.accounts = accounts;
		this.organizations = organizations;
		this.support = support;
	}

	/** The person a Slack user is linked to, if any (and still in the organization). */
	Optional<CurrentUser> linked(WorkspaceRepository.WorkspaceRow workspace, String slackUserId) {
		return this.people.userOf(workspace.teamId(), slackUserId)
			.filter(id -> memberOf(workspace.orgId(), id))
			.flatMap(this.accounts::find)
			.map(Accounts::asCurrentUser);
	}

	/**
	 * Links by email when Slack confirmed the Slack user's email and it belongs to a
	 * member of the organization. Calls Slack ({@code users.info}): outside any
	 * transaction.
	 */
	Optional<CurrentUser> linkByEmail(WorkspaceRepository.WorkspaceRow workspace, String slackUserId) {
		JsonNode user;
		try {
			user = this.support.slack
				.form(this.support.secrets.open(SlackWorkspaces.TOKEN_PURPOSE, workspace.botToken()), "users.info",
						Map.of("user", slackUserId))
				.path("user");
		}
		catch (RuntimeException ex) {
			log.info("Slack users.info for {} failed: {}", slackUserId, ex.getMessage());
			return Optional.empty();
		}
		String email = user.path("profile").path("email").asString("");
		boolean confirmed = user.path("is_email_confirmed").asBoolean(false) && !user.path("is_bot").asBoolean(false)
				&& !user.path("deleted").asBoolean(false);
		if (!confirmed || email.isBlank()) {
			return Optional.empty();
		}
		return this.accounts.findByReference(email)
			.filter(person -> email.equalsIgnoreCase(person.email()) && memberOf(workspace.orgId(), person.id()))
			.map(person -> {
				link(workspace.teamId(), slackUserId, person.id(), "email");
				return Accounts.asCurrentUser(person);
			});
	}

	private void link(String teamId, String slackUserId, UUID userId, String how) {
		this.support.transactions.executeWithoutResult(
				status -> this.people.link(teamId, slackUserId, userId, how, Times.now(this.support.clock)));
	}

	/** A one-time link for an unlinked Slack user (valid 30 minutes). */
	@Transactional
	String linkUrl(WorkspaceRepository.WorkspaceRow workspace, String slackUserId) {
		String code = this.support.secrets.newSecret();
		Instant now = Times.now(this.support.clock);
		this.people.deleteExpiredCodes(now);
		this.people.saveCode(hash(code), workspace.teamId(), slackUserId, now.plus(LINK_VALIDITY));
		return this.support.baseUrl + "/integrations/slack/link/" + code;
	}

	/** What a one-time link offers (404 once used or expired). */
	@Transactional(readOnly = true)
	public LinkOffer offer(String code, CurrentUser user) {
		PeopleRepository.SlackUser target = this.people.findCode(hash(code), Times.now(this.support.clock))
			.orElseThrow(() -> NotFoundException.of("Slack link"));
		WorkspaceRepository.WorkspaceRow workspace = workspaceOf(target, user);
		return new LinkOffer(code, workspace.teamName(), target.slackUserId());
	}

	/** Uses a one-time link: the signed-in person is that Slack user from now on. */
	@Transactional
	public LinkedSlackUser confirm(String code, CurrentUser user) {
		PeopleRepository.SlackUser target = this.people.takeCode(hash(code), Times.now(this.support.clock))
			.orElseThrow(() -> NotFoundException.of("Slack link"));
		WorkspaceRepository.WorkspaceRow workspace = workspaceOf(target, user);
		this.people.link(target.teamId(), target.slackUserId(), user.id(), "link", Times.now(this.support.clock));
		return new LinkedSlackUser(workspace.teamId(), workspace.teamName(), target.slackUserId());
	}

	@Transactional(readOnly = true)
	public List<LinkedSlackUser> mine(CurrentUser user) {
		return this.people.slackUsersOf(user.id())
			.stream()
			.map(s -> new LinkedSlackUser(s.teamId(),
					this.workspaces.findByTeam(s.teamId())
						.map(WorkspaceRepository.WorkspaceRow::teamName)
						.orElse(s.teamId()),
					s.slackUserId()))
			.toList();
	}

	@Transactional
	public void unlink(CurrentUser user) {
		this.people.unlink(user.id());
	}

	/** Whether the person's notifications also go to Slack (their linked Slack users). */
	@Transactional(readOnly = true)
	public boolean notifies(CurrentUser user) {
		return this.people.notifies(user.id());
	}

	/**
	 * Slack as a delivery channel of the person's notifications; needs a linked Slack
	 * user.
	 */
	@Transactional
	public void sendNotifications(CurrentUser user, boolean on) {
		if (this.people.setNotify(user.id(), on) == 0 && on) {
			throw dev.fixpoint.platform.ConflictException.because("Link your Slack user first: run /bug in Slack");
		}
	}

	private WorkspaceRepository.WorkspaceRow workspaceOf(PeopleRepository.SlackUser target, CurrentUser user) {
		WorkspaceRepository.WorkspaceRow workspace = this.workspaces.findByTeam(target.teamId())
			.orElseThrow(() -> NotFoundException.of("Slack link"));
		if (!memberOf(workspace.orgId(), user.id())) {
			throw ForbiddenException
				.because("Only members of the organization that connected this Slack workspace can link to it");
		}
		return workspace;
	}

	private boolean memberOf(UUID orgId, UUID userId) {
		return this.organizations.of(userId).stream().map(OrganizationMembership::id).anyMatch(orgId::equals);
	}

	static String hash(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
