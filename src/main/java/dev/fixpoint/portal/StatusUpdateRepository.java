package dev.fixpoint.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code status_updates}: the entry changes a confirmed status page subscriber should
 * hear about, waiting to be composed into one email per address and organization.
 */
@Repository
class StatusUpdateRepository {

	/** Who a digest goes to: an address (lower case) of one organization's page. */
	record Recipient(UUID orgId, String email) {
	}

	/** A pending change of an entry, with the subscription it reaches the address by. */
	record Pending(UUID id, UUID subscriberId, UUID entryId, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	StatusUpdateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One pending row per confirmed subscriber of the entry and, when {@code pageToo}, of
	 * the page; one statement, whatever their number.
	 */
	int add(StatusRepository.EntryRow entry, boolean pageToo, Instant at) {
		return this.jdbc.sql("""
				insert into status_updates (id, subscriber_id, entry_id, created_at)
				select gen_random_uuid(), s.id, :entry, :at
				from status_subscribers s
				where s.confirmed_at is not null
				  and (s.entry_id = :entry or (:pageToo and s.entry_id is null and s.org_id = :org))
				""")
			.param("entry", entry.bugId())
			.param("org", entry.orgId())
			.param("pageToo", pageToo)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Addresses whose oldest pending change is from {@code before} or earlier. */
	List<Recipient> dueRecipients(Instant before, int limit) {
		return this.jdbc.sql("""
				select s.org_id, s.email
				from status_updates u join status_subscribers s on s.id = u.subscriber_id
				where u.sent_at is null
				group by s.org_id, s.email
				having min(u.created_at) <= :before
				order by min(u.created_at)
				limit :limit
				""")
			.param("before", Timestamp.from(before))
			.param("limit", limit)
			.query((rs, n) -> new Recipient(rs.getObject("org_id", UUID.class), rs.getString("email")))
			.list();
	}

	/**
	 * The address's pending changes, oldest first, locked; rows another node holds are
	 * skipped.
	 */
	List<Pending> lockPending(Recipient recipient) {
		return this.jdbc.sql("""
				select u.id, u.subscriber_id, u.entry_id, u.created_at
				from status_updates u join status_subscribers s on s.id = u.subscriber_id
				where u.sent_at is null and s.org_id = :org and s.email = :email
				order by u.created_at, u.id
				for update of u skip locked
				""")
			.param("org", recipient.orgId())
			.param("email", recipient.email())
			.query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getObject("subscriber_id", UUID.class),
					rs.getObject("entry_id", UUID.class), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	void markSent(List<UUID> ids, Instant now) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("update status_updates set sent_at = :now where id in (:ids)")
				.param("ids", ids)
				.param("now", Timestamp.from(now))
				.update();
		}
	}

}
