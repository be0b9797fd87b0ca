package dev.fixpoint.webhooks;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import dev.fixpoint.attachments.AttachmentAdded;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugAssigned;
import dev.fixpoint.bugs.BugChanged;
import dev.fixpoint.bugs.BugCreated;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.BugStatusChanged;
import dev.fixpoint.comments.CommentAdded;
import dev.fixpoint.comments.Comments;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.outbox.OutboxDelivery;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.sla.SlaThresholdReached;
import dev.fixpoint.webhooks.WebhookRepository.WebhookRow;

import org.springframework.stereotype.Component;

/**
 * Turns the facts of bugs, comments, attachments and SLA (outbox consumer
 * {@code webhooks}, ordered per bug, after their change committed) into deliveries: for
 * each active webhook of the project that subscribed to the event, whose owner still sees
 * the bug and whose filter it passes, one delivery row with the body as the owner sees
 * it, then a {@link WebhookDeliveryDue} for the sender. Internal notes (and files on
 * them) only to webhooks that chose them.
 */
@Component
class WebhookFanOut {

	/** What a fact adds to the body, for one webhook as its owner; empty: not sent. */
	private interface About extends BiFunction<WebhookRow, Membership, Optional<Map<String, Object>>> {

	}

	private final WebhookRepository webhooks;

	private final Owners owners;

	private final Filters filters;

	private final Readers read;

	/** The modules' read sides and what writes deliveries. */
	@Component
	record Readers(BugQueries bugs, Comments comments, Payloads payloads, WebhookDeliveries deliveries) {
	}

	WebhookFanOut(WebhookRepository webhooks, Owners owners, Filters filters, Readers read) {
		this.webhooks = webhooks;
		this.owners = owners;
		this.filters = filters;
		this.read = read;
	}

	void on(OutboxDelivery<BugCreated> d) {
		BugCreated e = d.event();
		fanOut(WebhookEvent.BUG_CREATED, e.projectId(), e.bugId(), e.reporterId(), d.publishedAt(), false,
				(hook, owner) -> Optional.of(Map.of()));
	}

	void onChange(OutboxDelivery<BugChanged> d) {
		BugChanged e = d.event();
		Map<String, Object> changes = new LinkedHashMap<>();
		e.changes().forEach((field, change) -> {
			Map<String, Object> fromTo = new HashMap<>();
			fromTo.put("from", change.oldValue());
			fromTo.put("to", change.newValue());
			changes.put(field, fromTo);
		});
		fanOut(WebhookEvent.BUG_UPDATED, e.projectId(), e.bugId(), e.actorId(), d.publishedAt(), false,
				(hook, owner) -> Optional.of(Map.of("changes", changes)));
	}

	void onStatus(OutboxDelivery<BugStatusChanged> d) {
		BugStatusChanged e = d.event();
		Map<String, Object> status = new HashMap<>();
		status.put("from", e.from());
		status.put("to", e.to());
		status.put("from_category", e.fromCategory());
		status.put("to_category", e.toCategory());
		fanOut(WebhookEvent.BUG_STATUS_CHANGED, e.projectId(), e.bugId(), e.actorId(), d.publishedAt(), false,
				(hook, owner) -> Optional.of(Map.of("status_change", status)));
	}

	void onAssign(OutboxDelivery<BugAssigned> d) {
		BugAssigned e = d.event();
		Map<String, Object> assignment = new HashMap<>();
		assignment.put("previous_assignee_id", e.previousAssigneeId());
		assignment.put("assignee_id", e.assigneeId());
		fanOut(WebhookEvent.BUG_ASSIGNED, e.projectId(), e.bugId(), e.actorId(), d.publishedAt(), false,
				(hook, owner) -> Optional.of(Map.of("assignment", assignment)));
	}

	void onComment(OutboxDelivery<CommentAdded> d) {
		CommentAdded e = d.event();
		fanOut(WebhookEvent.COMMENT_CREATED, e.projectId(), e.bugId(), e.authorId(), d.publishedAt(), e.internal(),
				(hook, owner) -> this.read.comments().find(e.commentId(), owner).map(c -> Map.of("comment", c)));
	}

	void onAttachment(OutboxDelivery<AttachmentAdded> d) {
		AttachmentAdded e = d.event();
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("id", e.attachmentId());
		file.put("filename", e.filename());
		file.put("content_type", e.contentType());
		file.put("size", e.size());
		file.put("comment_id", e.commentId());
		fanOut(WebhookEvent.ATTACHMENT_CREATED, e.projectId(), e.bugId(), e.uploaderId(), d.publishedAt(), false,
				(hook, owner) -> {
					if (e.commentId() == null) {
						return Optional.of(Map.of("attachment", file));
					}
					return this.read.comments()
						.find(e.commentId(), owner)
						.filter(c -> !c.isInternal() || hook.internalNotes())
						.map(c -> Map.of("attachment", file));
				});
	}

	void onSla(OutboxDelivery<SlaThresholdReached> d) {
		SlaThresholdReached e = d.event();
		Map<String, Object> sla = new LinkedHashMap<>();
		sla.put("percent", e.percent());
		sla.put("breached", e.breached());
		sla.put("due_at", e.dueAt());
		fanOut(WebhookEvent.SLA_THRESHOLD_REACHED, e.projectId(), e.bugId(), null, d.publishedAt(), false,
				(hook, owner) -> Optional.of(Map.of("sla", sla)));
	}

	private void fanOut(WebhookEvent event, UUID projectId, UUID bugId, UUID actorId, Instant occurredAt,
			boolean internal, About about) {
		for (WebhookRow hook : this.webhooks.listening(projectId, event)) {
			if (internal && !hook.internalNotes()) {
				continue;
			}
			Optional<Membership> owner = this.owners.ownerOf(hook);
			Optional<Bug> bug = owner.flatMap(o -> this.read.bugs().find(bugId, o));
			if (bug.isEmpty() || !this.filters.passes(hook, bugId, owner.get())) {
				continue;
			}
			about.apply(hook, owner.get()).ifPresent(extra -> {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("bug", bug.get());
				body.putAll(extra);
				UUID id = Ids.newId();
				this.read.deliveries()
					.enqueue(id, hook, event, bugId,
							this.read.payloads().body(id, event, occurredAt, owner.get().project(), actorId, body),
							null);
			});
		}
	}

}
