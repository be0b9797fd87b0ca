package dev.fixpoint.live;

import java.util.List;

import dev.fixpoint.bugs.BugChanged;
import dev.fixpoint.bugs.BugCreated;
import dev.fixpoint.comments.CommentAdded;
import dev.fixpoint.comments.CommentChanged;
import dev.fixpoint.platform.outbox.OutboxConsumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code live} outbox consumer: a committed change of a bug (every edit publishes
 * {@link BugChanged}, status changes and assignments included), a comment everyone in the
 * project may read, added, edited or deleted ({@link CommentAdded},
 * {@link CommentChanged}), or a new bug ({@link BugCreated}) becomes one {@code NOTIFY}
 * to every node. Not ordered: a page reads the bug as it is when the notice arrives, so
 * an older notice after a newer one shows nothing stale. Internal notes are not announced
 * (not every viewer may read them).
 */
@Configuration(proxyBeanMethods = false)
class LiveOutbox {

	@Bean
	OutboxConsumer liveConsumer(LiveSignals signals) {
		return OutboxConsumer.named("live")
			.on(BugChanged.class, BugChanged::bugId,
					d -> signals.changed(d.event().projectId(), d.event().bugId(), d.event().key(), d.event().actorId(),
							d.event().changes().keySet()))
			.on(BugCreated.class, BugCreated::bugId,
					d -> signals.created(d.event().projectId(), d.event().bugId(), d.event().key(),
							d.event().reporterId()))
			.on(CommentAdded.class, CommentAdded::bugId, event -> !event.internal(),
					d -> signals.changed(d.event().projectId(), d.event().bugId(), d.event().key(),
							d.event().authorId(), List.of("comment")))
			.on(CommentChanged.class, CommentChanged::bugId, event -> !event.internal(),
					d -> signals.changed(d.event().projectId(), d.event().bugId(), d.event().key(), d.event().actorId(),
							List.of("comment")))
			.build();
	}

}
