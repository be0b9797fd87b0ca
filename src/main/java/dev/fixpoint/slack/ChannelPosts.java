package dev.fixpoint.slack;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.SystemActor;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.platform.FixpointProperties;
import dev.fixpoint.platform.SecretBox;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One Block Kit message per bug and subscribed channel: posted when a fact the
 * subscription wants happens (its events, severities and query), then edited in place
 * ({@code chat.update} with the stored {@code ts}) on every later change of the bug,
 * whatever the filter. Slack reads bugs as its system actor (the fields any member sees;
 * never comments). A refusal (the channel is gone, the bot is not in it) is logged and
 * skipped; an outage is retried by the outbox.
 */
@Component
class ChannelPosts {

	private static final Logger log = LoggerFactory.getLogger(ChannelPosts.class);

	private final SubscriptionRepository subscriptions;

	private final MessageRepository messages;

	private final Reads reads;

	private final Clients clients;

	/** Where bugs and workspaces are read. */
	@Component
	static class Reads {

		final ProjectAccess access;

		final BugQueries bugs;

		final WorkspaceRepository workspaces;

		final SubscriptionQueries queries;

		Reads(ProjectAccess access, BugQueries bugs, WorkspaceRepository workspaces, SubscriptionQueries queries) {
			this.access = access;
			this.bugs = bugs;
			this.workspaces = workspaces;
			this.queries = queries;
		}

	}

	/** How the calls are made. */
	@Component
	static class Clients {

		final SlackApi slack;

		final SecretBox secrets;

		final String baseUrl;

		final Clock clock;

		/** Commits a posted message's ts at once (see {@link ChannelPosts#send}). */
		final TransactionTemplate ownTransaction;

		Clients(SlackApi slack, SecretBox secrets, FixpointProperties properties, Clock clock,
				PlatformTransactionManager transactions) {
			this.slack = slack;
			this.secrets = secrets;
			this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
			this.clock = clock;
			this.ownTransaction = new TransactionTemplate(transactions);
			this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		}

	}

	ChannelPosts(SubscriptionRepository subscriptions, MessageRepository messages, Reads reads, Clients clients) {
		this.subscriptions = subscriptions;
		this.messages = messages;
		this.reads = reads;
		this.clients = clients;
	}

	/**
	 * A bug changed.
	 * @param event what the subscriptions may want ({@code bug.created}...), or null for
	 * a change that only updates existing posts
	 */
	void on(UUID bugId, UUID projectId, String event) {
		List<ChannelSubscription> subs = this.subscriptions.findByProject(projectId);
		if (subs.isEmpty()) {
			return;
		}
		Membership slack;
		try {
			slack = this.reads.access.asSystem(projectId, actor(), dev.fixpoint.projects.ProjectRole.VIEWER);
		}
		catch (dev.fixpoint.platform.NotFoundException gone) {
			return;
		}
		Optional<WorkspaceRepository.WorkspaceRow> workspace = this.reads.workspaces.findByOrg(slack.project().orgId());
		Optional<Bug> bug = this.reads.bugs.find(bugId, slack);
		if (workspace.isEmpty() || bug.isEmpty()) {
			return;
		}
		String token = this.clients.secrets.open(SlackWorkspaces.TOKEN_PURPOSE, workspace.get().botToken());
		String team = workspace.get().teamId();
		String severity = bug.get().severity().key();
		for (String channel : subs.stream().map(ChannelSubscription::channelId).distinct().toList()) {
			Optional<String> ts = this.messages.ts(bugId, team, channel);
			// a query is evaluated (one SQL query) only when it decides whether to post
			if (ts.isEmpty() && (event == null || subs.stream()
				.noneMatch(sub -> sub.channelId().equals(channel) && sub.wants(event, severity)
						&& this.reads.queries.passes(sub, bugId, slack)))) {
				continue;
			}
			try {
				send(token, team, bug.get(), slack, channel, ts.orElse(null));
			}
			catch (SlackApi.SlackRefusedException ex) {
				log.info("{}: bug {} in channel {} skipped", ex.getMessage(), bug.get().key(), channel);
				if (ts.isPresent() && ex.error().equals("message_not_found")) {
					this.messages.forget(bugId, team, channel);
				}
			}
		}
	}

	/**
	 * Posts or edits one channel's message. A new message's {@code ts} is committed in a
	 * transaction of its own as soon as Slack answers: when a later channel of the same
	 * delivery fails (a 429, an outage) the outbox rolls the delivery back and tries it
	 * again, and the retry must edit this message rather than post it a second time.
	 */
	private void send(String token, String team, Bug bug, Membership slack, String channel, String ts) {
		var body = BugMessages.post(bug, slack.project(), this.clients.baseUrl, channel, ts);
		if (ts != null) {
			this.clients.slack.call(token, "chat.update", body);
			return;
		}
		JsonNode posted = this.clients.slack.call(token, "chat.postMessage", body);
		this.clients.ownTransaction.executeWithoutResult(status -> this.messages.save(bug.id(), team, channel,
				posted.path("ts").asString(""), Times.now(this.clients.clock)));
	}

	private dev.fixpoint.platform.CurrentUser actor() {
		SystemActor actor = SystemActor.SLACK;
		return Accounts.asCurrentUser(new UserSummary(actor.id(), actor.username() + "@fixpoint.invalid",
				actor.displayName(), actor.username()));
	}

}
