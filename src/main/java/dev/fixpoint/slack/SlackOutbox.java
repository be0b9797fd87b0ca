package dev.fixpoint.slack;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.bugs.BugAssigned;
import dev.fixpoint.bugs.BugChanged;
import dev.fixpoint.bugs.BugCreated;
import dev.fixpoint.bugs.BugStatusChanged;
import dev.fixpoint.platform.FixpointProperties;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.RememberedFlags;
import dev.fixpoint.platform.SecretBox;
import dev.fixpoint.platform.outbox.OutboxConsumer;
import dev.fixpoint.platform.outbox.OutboxDelivery;
import dev.fixpoint.sla.SlaThresholdReached;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ways out to Slack, both through the outbox: {@code slack} (ordered per bug) keeps
 * the subscribed channels' posts of a bug ({@link ChannelPosts}); {@code slack-calls}
 * makes the other calls ({@link SlackCallDue}). A project without subscriptions writes no
 * row ({@link Subscribed}).
 */
@Configuration(proxyBeanMethods = false)
class SlackOutbox {

	private static final Logger log = LoggerFactory.getLogger(SlackOutbox.class);

	@Bean
	OutboxConsumer slackConsumer(ChannelPosts posts, Subscribed subscribed) {
		return OutboxConsumer.named("slack")
			.orderedPerAggregate()
			.callsOut()
			.on(BugCreated.class, BugCreated::bugId, e -> subscribed.any(e.projectId()),
					d -> posts.on(d.event().bugId(), d.event().projectId(), "bug.created"))
			.on(BugStatusChanged.class, BugStatusChanged::bugId, e -> subscribed.any(e.projectId()),
					d -> posts.on(d.event().bugId(), d.event().projectId(),
							"done".equals(d.event().toCategory()) ? "bug.resolved" : "bug.status_changed"))
			.on(BugAssigned.class, BugAssigned::bugId, e -> subscribed.any(e.projectId()),
					d -> posts.on(d.event().bugId(), d.event().projectId(), "bug.assigned"))
			// status and assignee changes come with their own events; the post shows only
			// these besides
			.on(BugChanged.class, BugChanged::bugId,
					e -> (e.changed("title") || e.changed("severity")) && subscribed.any(e.projectId()),
					d -> posts.on(d.event().bugId(), d.event().projectId(), null))
			.on(SlaThresholdReached.class, SlaThresholdReached::bugId,
					e -> e.breached() && subscribed.any(e.projectId()),
					d -> posts.on(d.event().bugId(), d.event().projectId(), "sla.breached"))
			.build();
	}

	@Bean
	OutboxConsumer slackCallsConsumer(Calls calls) {
		return OutboxConsumer.named("slack-calls")
			.callsOut()
			.on(SlackCallDue.class, SlackCallDue::id, calls::on)
			.build();
	}

	/**
	 * Makes a {@link SlackCallDue} call; a refusal (a removed channel) is logged, not
	 * retried.
	 */
	@Component
	static class Calls {

		private final WorkspaceRepository workspaces;

		private final SecretBox secrets;

		private final SlackApi slack;

		private final JsonMapper json = JsonMapper.builder().build();

		Calls(WorkspaceRepository workspaces, SecretBox secrets, SlackApi slack) {
			this.workspaces = workspaces;
			this.secrets = secrets;
			this.slack = slack;
		}

		@SuppressWarnings("unchecked")
		void on(OutboxDelivery<SlackCallDue> delivery) {
			SlackCallDue call = delivery.event();
			WorkspaceRepository.WorkspaceRow workspace = this.workspaces.findByTeam(call.teamId()).orElse(null);
			if (workspace == null) {
				return;
			}
			try {
				this.slack.call(this.secrets.open(SlackWorkspaces.TOKEN_PURPOSE, workspace.botToken()), call.method(),
						this.json.readValue(call.body(), Map.class));
			}
			catch (SlackApi.SlackRefusedException ex) {
				log.info("{} (call {} dropped)", ex.getMessage(), call.id());
			}
		}

	}

	/** Publishes calls to make after the current transaction commits. */
	@Component
	static class Later {

		private final ApplicationEventPublisher events;

		private final TransactionTemplate transactions;

		private final String baseUrl;

		private final JsonMapper json = JsonMapper.builder().build();

		Later(ApplicationEventPublisher events, PlatformTransactionManager transactions,
				FixpointProperties properties) {
			this.events = events;
			this.transactions = new TransactionTemplate(transactions);
			this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
		}

		/** Inside a transaction: the call is made once it commits. */
		void call(String teamId, String method, Map<String, ?> body) {
			this.events.publishEvent(new SlackCallDue(Ids.newId(), teamId, method, this.json.writeValueAsString(body)));
		}

		/** Runs work and the calls it asks for in one transaction. */
		void inTransaction(Runnable work) {
			this.transactions.executeWithoutResult(status -> work.run());
		}

		/**
		 * A private message to a Slack user in a channel (or a direct message without
		 * one).
		 */
		void tell(String teamId, String channel, String slackUser, String text) {
			if (slackUser == null || !slackUser.matches("[A-Z0-9]{2,32}")) {
				return;
			}
			inTransaction(() -> {
				if (channel != null && channel.matches("[A-Z0-9]{2,32}")) {
					call(teamId, "chat.postEphemeral", Map.of("channel", channel, "user", slackUser, "text", text));
				}
				else {
					call(teamId, "chat.postMessage", Map.of("channel", slackUser, "text", text));
				}
			});
		}

		String bugUrl(String key) {
			return this.baseUrl + "/bugs/" + key;
		}

	}

	/**
	 * Whether a project has channel subscriptions: asked inside every change's
	 * transaction, remembered 5 s (this node forgets a project as soon as its
	 * subscriptions change).
	 */
	@Component
	static class Subscribed {

		private final RememberedFlags<UUID> projects;

		Subscribed(JdbcClient jdbc) {
			this.projects = new RememberedFlags<>(Duration.ofSeconds(5),
					id -> jdbc.sql("select exists (select 1 from slack_subscriptions where project_id = :project)")
						.param("project", id)
						.query(Boolean.class)
						.single());
		}

		boolean any(UUID projectId) {
			return this.projects.test(projectId);
		}

		void changed(UUID projectId) {
			this.projects.forget(projectId);
		}

	}

}
