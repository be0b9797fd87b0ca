package dev.fixpoint.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.platform.Ids;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns due email items into outbox emails, each group in its own transaction with its
 * items locked ({@code FOR UPDATE SKIP LOCKED}), so several nodes never compose the same
 * item twice: instant items once the batch window after the first of them passed (one
 * email per bug, one summary per bulk change), digest items once the person's digest time
 * passed them. Bugs muted since are dropped; a person over the hourly limit waits, and
 * their changes keep merging meanwhile.
 */
@Component
class EmailComposer {

	private static final int BATCH = 200;

	private final EmailItemRepository items;

	private final EmailRepository emails;

	private final Collaborators with;

	private final EmailProperties properties;

	/** The readers this composer needs besides its own tables. */
	@Component
	static class Collaborators {

		final Accounts accounts;

		final PreferenceRepository preferences;

		final WatcherRepository watchers;

		final EmailTemplates templates;

		final TransactionTemplate transactions;

		Collaborators(Accounts accounts, PreferenceRepository preferences, WatcherRepository watchers,
				EmailTemplates templates, TransactionTemplate transactions) {
			this.accounts = accounts;
			this.preferences = preferences;
			this.watchers = watchers;
			this.templates = templates;
			this.transactions = transactions;
		}

	}

	EmailComposer(EmailItemRepository items, EmailRepository emails, Collaborators with, EmailProperties properties) {
		this.items = items;
		this.emails = emails;
		this.with = with;
		this.properties = properties;
	}

	/** Composes everything due at {@code now}; returns how many emails were written. */
	int composeDue(Instant now) {
		int written = 0;
		Instant hourAgo = now.minus(Duration.ofHours(1));
		for (int round = 0; round < 50; round++) {
			List<EmailItemRepository.Group> due = this.items.dueInstantGroups(now.minus(this.properties.batchWindow()),
					hourAgo, this.properties.maxPerHour(), BATCH);
			for (EmailItemRepository.Group group : due) {
				written += inTransaction(() -> composeInstant(group, now));
			}
			if (due.size() < BATCH) {
				break;
			}
		}
		UUID after = null;
		List<EmailItemRepository.UserSince> pending;
		do {
			pending = this.items.pendingDigests(after, BATCH);
			for (EmailItemRepository.UserSince p : pending) {
				NotificationPreferences prefs = this.with.preferences.find(p.userId())
					.orElseGet(NotificationPreferences::defaults);
				Instant slot = prefs.lastDigestSlot(now);
				if (slot.isAfter(p.since())) {
					written += inTransaction(() -> composeDigest(p.userId(), slot, now));
				}
				after = p.userId();
			}
		}
		while (pending.size() == BATCH);
		return written;
	}

	private int composeInstant(EmailItemRepository.Group group, Instant now) {
		int recent = this.emails.countSince(group.userId(), now.minus(Duration.ofHours(1)));
		if (recent >= this.properties.maxPerHour()) {
			return 0; // waits for room; later changes keep joining this batch
		}
		List<EmailItemRepository.EmailItem> locked = withoutMuted(group.userId(), this.items.lockGroup(group));
		if (locked.isEmpty()) {
			return 0;
		}
		return write(group.userId(), locked, now, group.bulkId() != null && distinctBugs(locked) > 1
				? this.with.templates::bulk : this.with.templates::bug);
	}

	/**
	 * The digest of the items due at {@code slot}, if this node is the one to send it.
	 * The items are checked again once locked: when another node is composing the same
	 * digest it holds the items it found, and what is left here came after them (say an
	 * SLA escalation of a minute ago); those wait for the next slot instead of going out
	 * as a second digest.
	 */
	private int composeDigest(UUID userId, Instant slot, Instant now) {
		List<EmailItemRepository.EmailItem> pending = this.items.lockDigest(userId);
		if (pending.isEmpty() || !slot.isAfter(pending.get(0).createdAt())) {
			return 0;
		}
		List<EmailItemRepository.EmailItem> locked = withoutMuted(userId, pending);
		return locked.isEmpty() ? 0 : write(userId, locked, now, this.with.templates::digest);
	}

	private int write(UUID userId, List<EmailItemRepository.EmailItem> locked, Instant now,
			java.util.function.BiFunction<UUID, List<EmailItemRepository.EmailItem>, EmailTemplates.Composed> template) {
		Optional<UserSummary> user = this.with.accounts.find(userId);
		List<UUID> ids = locked.stream().map(EmailItemRepository.EmailItem::id).toList();
		if (user.isEmpty()) {
			this.items.delete(ids);
			return 0;
		}
		EmailTemplates.Composed email = template.apply(userId, locked);
		UUID emailId = Ids.newId();
		this.emails.insert(new EmailRepository.EmailRow(emailId, userId, user.get().email(), email.subject(),
				email.text(), email.html(), this.with.templates.messageId(emailId), email.threadId(),
				email.listUnsubscribe(), now, 0));
		this.items.attach(ids, emailId);
		return 1;
	}

	private List<EmailItemRepository.EmailItem> withoutMuted(UUID userId, List<EmailItemRepository.EmailItem> locked) {
		Set<UUID> muted = this.with.watchers.mutedBugs(userId,
				locked.stream().map(EmailItemRepository.EmailItem::bugId).distinct().toList());
		if (muted.isEmpty()) {
			return locked;
		}
		this.items.delete(
				locked.stream().filter(i -> muted.contains(i.bugId())).map(EmailItemRepository.EmailItem::id).toList());
		return locked.stream().filter(i -> !muted.contains(i.bugId())).toList();
	}

	private static long distinctBugs(List<EmailItemRepository.EmailItem> items) {
		return items.stream().map(EmailItemRepository.EmailItem::bugId).distinct().count();
	}

	private int inTransaction(java.util.function.IntSupplier work) {
		Integer result = this.with.transactions.execute(status -> work.getAsInt());
		return result == null ? 0 : result;
	}

}
