package dev.fixpoint.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EmailItemRepository {

	record EmailItem(UUID id, UUID userId, UUID bugId, UUID bulkId, String kind, String delivery, String bugKey,
			String bugTitle, String bugStatus, String line, Instant createdAt) {
	}

	/** A batch of instant items: one person, one bug or one bulk change. */
	record Group(UUID userId, UUID bugId, UUID bulkId) {
	}

	private static final String COLUMNS = """
			id, user_id, bug_id, bulk_id, kind, delivery, bug_key, bug_title, bug_status, line, created_at
			""";

	private final JdbcClient jdbc;

	EmailItemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(EmailItem item) {
		this.jdbc.sql("""
				insert into email_items (id, user_id, bug_id, bulk_id, kind, delivery, bug_key, bug_title, bug_status,
				    line, created_at)
				values (:id, :userId, :bugId, :bulkId, :kind, :delivery, :bugKey, :bugTitle, :bugStatus, :line,
				    :createdAt)
				""")
			.param("id", item.id())
			.param("userId", item.userId())
			.param("bugId", item.bugId())
			.param("bulkId", item.bulkId())
			.param("kind", item.kind())
			.param("delivery", item.delivery())
			.param("bugKey", item.bugKey())
			.param("bugTitle", item.bugTitle())
			.param("bugStatus", item.bugStatus())
			.param("line", item.line())
			.param("createdAt", Timestamp.from(item.createdAt()))
			.update();
	}

	/**
	 * Instant batches whose first item is older than the window (they are complete), of
	 * people still under their hourly limit (the others wait, and their batches keep
	 * growing).
	 */
	List<Group> dueInstantGroups(Instant firstBefore, Instant hourAgo, int maxPerHour, int limit) {
		return this.jdbc.sql("""
				select user_id, case when bulk_id is null then bug_id end as bug_id, bulk_id
				from email_items i
				where delivery = 'instant' and email_id is null
				  and (select count(*) from emails e where e.user_id = i.user_id and e.created_at > :hourAgo) < :max
				group by user_id, case when bulk_id is null then bug_id end, bulk_id
				having min(created_at) <= :firstBefore
				order by min(created_at)
				limit :limit
				""")
			.param("firstBefore", Timestamp.from(firstBefore))
			.param("hourAgo", Timestamp.from(hourAgo))
			.param("max", maxPerHour)
			.param("limit", limit)
			.query(Group.class)
			.list();
	}

	/**
	 * People with digest items waiting, and since when; by user id, after
	 * {@code afterUser} (null: from the start).
	 */
	List<UserSince> pendingDigests(UUID afterUser, int limit) {
		String after = afterUser == null ? "" : " and user_id > :after";
		var spec = this.jdbc.sql("""
				select user_id, min(created_at) as since
				from email_items
				where delivery = 'digest' and email_id is null""" + after + """

				group by user_id
				order by user_id
				limit :limit
				""").param("limit", limit);
		if (afterUser != null) {
			spec = spec.param("after", afterUser);
		}
		return spec
			.query((rs, n) -> new UserSince(rs.getObject("user_id", UUID.class), rs.getTimestamp("since").toInstant()))
			.list();
	}

	record UserSince(UUID userId, Instant since) {
	}

	/**
	 * Locks the pending items of a group (another node composing the same group skips
	 * them), leaving out bugs the person muted since. Oldest first.
	 */
	List<EmailItem> lockGroup(Group group) {
		String scope = group.bulkId() != null ? "and bulk_id = :bulkId" : "and bulk_id is null and bug_id = :bugId";
		var spec = this.jdbc.sql("select " + COLUMNS + """
				from email_items i
				where user_id = :userId and delivery = 'instant' and email_id is null
				""" + scope + """
				 order by created_at, id
				for update skip locked
				""").param("userId", group.userId());
		spec = group.bulkId() != null ? spec.param("bulkId", group.bulkId()) : spec.param("bugId", group.bugId());
		return spec.query((rs, n) -> map(rs)).list();
	}

	List<EmailItem> lockDigest(UUID userId) {
		return this.jdbc.sql("select " + COLUMNS + """
				from email_items
				where user_id = :userId and delivery = 'digest' and email_id is null
				order by created_at, id
				for update skip locked
				""").param("userId", userId).query((rs, n) -> map(rs)).list();
	}

	void attach(Collection<UUID> itemIds, UUID emailId) {
		this.jdbc.sql("update email_items set email_id = :emailId where id in (:ids)")
			.param("emailId", emailId)
			.param("ids", itemIds)
			.update();
	}

	void delete(Collection<UUID> itemIds) {
		if (!itemIds.isEmpty()) {
			this.jdbc.sql("delete from email_items where id in (:ids)").param("ids", itemIds).update();
		}
	}

	private static EmailItem map(ResultSet rs) throws SQLException {
		return new EmailItem(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getObject("bug_id", UUID.class), rs.getObject("bulk_id", UUID.class), rs.getString("kind"),
				rs.getString("delivery"), rs.getString("bug_key"), rs.getString("bug_title"),
				rs.getString("bug_status"), rs.getString("line"), rs.getTimestamp("created_at").toInstant());
	}

}
