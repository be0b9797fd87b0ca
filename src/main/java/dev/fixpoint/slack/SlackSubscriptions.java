package dev.fixpoint.slack;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channels subscribed to a project (project admins): which facts reach which channel,
 * optionally only for some severities and for bugs matching a query of the search
 * language ({@link SubscriptionQueries}). Members see the list (read-only).
 */
@Service
public class SlackSubscriptions {

	static final int MAX_PER_PROJECT = 20;

	private final SubscriptionRepository subscriptions;

	private final ProjectAccess access;

	private final SlackOutbox.Subscribed subscribed;

	private final SubscriptionQueries queries;

	private final Clock clock;

	private final AuditLog audit;

	SlackSubscriptions(SubscriptionRepository subscriptions, ProjectAccess access, SlackOutbox.Subscribed subscribed,
			SubscriptionQueries queries, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.subscriptions = subscriptions;
		this.access = access;
		this.subscribed = subscribed;
		this.queries = queries;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ChannelSubscription> list(String projectRef, CurrentUser user) {
		return this.subscriptions.findByProject(this.access.membership(projectRef, user).projectId());
	}

	@Transactional
	public ChannelSubscription subscribe(String projectRef, NewSubscription subscription, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		List<FieldError> errors = new ArrayList<>();
		String channel = subscription.channelId() == null ? "" : subscription.channelId().strip();
		if (!channel.matches("[A-Z0-9]{2,32}")) {
			errors.add(
					new FieldError("channel_id", "must be a Slack channel id (e.g. C0123ABCD: the channel's details)"));
		}
		String name = subscription.channelName() == null ? null
				: subscription.channelName().strip().replaceFirst("^#", "");
		if (name != null && name.length() > 80) {
			errors.add(new FieldError("channel_name", "must be at most 80 characters"));
		}
		List<String> events = subscription.events() == null ? List.of()
				: subscription.events().stream().distinct().toList();
		if (events.isEmpty() || !ChannelSubscription.EVENTS.containsAll(events)) {
			errors.add(new FieldError("events", "must name at least one of "
					+ String.join(", ", ChannelSubscription.EVENTS.stream().sorted().toList())));
		}
		List<String> severities = subscription.severities() == null ? List.of()
				: subscription.severities().stream().distinct().toList();
		if (!severities.stream().allMatch(s -> Severity.parse(s).isPresent())) {
			errors.add(new FieldError("severities", "must be critical, high, medium or low"));
		}
		String query = null;
		try {
			query = this.queries.checked(subscription.query(), admin);
		}
		catch (InvalidInputException ex) {
			errors.addAll(ex.fieldErrors());
		}
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
		if (this.subscriptions.countByProject(admin.projectId()) >= MAX_PER_PROJECT) {
			throw ConflictException.because("A project has at most " + MAX_PER_PROJECT + " Slack subscriptions");
		}
		ChannelSubscription created = new ChannelSubscription(Ids.newId(), admin.projectId(), channel,
				name == null || name.isEmpty() ? null : name, events, severities, query, Times.now(this.clock));
		this.subscriptions.insert(created, user.id());
		record("integration.slack_subscribed", admin, null, created);
		this.subscribed.changed(admin.projectId());
		return created;
	}

	@Transactional
	public void unsubscribe(String projectRef, UUID id, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		ChannelSubscription old = this.subscriptions.findByProject(admin.projectId())
			.stream()
			.filter(s -> s.id().equals(id))
			.findFirst()
			.orElse(null);
		if (old == null || !this.subscriptions.delete(admin.projectId(), id)) {
			throw NotFoundException.of("Slack subscription");
		}
		record("integration.slack_unsubscribed", admin, old, null);
		this.subscribed.changed(admin.projectId());
	}

	private void record(String action, Membership admin, ChannelSubscription before, ChannelSubscription after) {
		this.audit.record(AuditEvent.of(action, admin.user().id())
			.org(admin.project().orgId())
			.target("project", admin.projectId(), admin.project().key())
			.change(auditValues(before), auditValues(after)));
	}

	private static Map<String, Object> auditValues(ChannelSubscription subscription) {
		if (subscription == null) {
			return null;
		}
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("subscription_id", subscription.id().toString());
		values.put("channel_id", subscription.channelId());
		values.put("channel_name", subscription.channelName());
		values.put("events", subscription.events());
		values.put("severities", subscription.severities());
		return values;
	}

}
