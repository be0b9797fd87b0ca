package dev.fixpoint.portal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Status page entries (with the bug's severity and category kept current) and
 * subscribers.
 */
@Repository
class StatusRepository {

	record EntryRow(UUID bugId, UUID orgId, UUID projectId, String publicTitle, String publicNote, LocalDate eta,
			String severity, String category, Instant fixedAt, Instant publishedAt, Instant updatedAt) {
	}

	/** A subscriber of the whole page ({@code entryId} null) or of one entry. */
	record SubscriberRow(UUID id, UUID orgId, UUID entryId, String email, String tokenSalt, Instant confirmedAt) {
	}

	private static final String SUBSCRIBER_COLUMNS = "id, org_id, entry_id, email, token_salt, confirmed_at";

	private static final String ENTRY_COLUMNS = """
			bug_id, org_id, project_id, public_title, public_note, eta, severity, category, fixed_at, published_at,
			updated_at
			""";

	private final JdbcClient jdbc;

	StatusRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void upsert(EntryRow e) {
		this.jdbc.sql("""
				insert into status_entries (bug_id, org_id, project_id, public_title, public_note, eta, severity,
				    category, fixed_at, published_at, updated_at)
				values (:bug, :org, :project, :title, :note, :eta, :severity, :category, :fixed, :now, :now)
				on conflict (bug_id) do update set public_title = excluded.public_title,
				    public_note = excluded.public_note, eta = excluded.eta, severity = excluded.severity,
				    category = excluded.category, updated_at = excluded.updated_at
				""")
			.param("bug", e.bugId())
			.param("org", e.orgId())
			.param("project", e.projectId())
			.param("title", e.publicTitle())
			.param("note", e.publicNote())
			.param("eta", e.eta() == null ? null : Date.valueOf(e.eta()))
			.param("severity", e.severity())
			.param("category", e.category())
			.param("fixed", e.fixedAt() == null ? null : Timestamp.from(e.fixedAt()))
			.param("now", Timestamp.from(e.updatedAt()))
			.update();
	}

	int delete(UUID bugId) {
		return this.jdbc.sql("delete from status_entries where bug_id = :bug").param("bug", bugId).update();
	}

	Optional<EntryRow> find(UUID bugId) {
		return this.jdbc.sql("select " + ENTRY_COLUMNS + " from status_entries where bug_id = :bug")
			.param("bug", bugId)
			.query(StatusRepository::entry)
			.optional();
	}

	/** The organization's open entries and those fixed since {@code fixedSince}. */
	List<EntryRow> page(UUID orgId, Instant fixedSince) {
		return this.jdbc.sql("select " + ENTRY_COLUMNS + """
				from status_entries
				where org_id = :org and (category <> 'done' or fixed_at >= :since)
				order by updated_at desc
				limit 200
				""")
			.param("org", orgId)
			.param("since", Timestamp.from(fixedSince))
			.query(StatusRepository::entry)
			.list();
	}

	List<EntryRow> ofProject(UUID projectId) {
		return this.jdbc
			.sql("select " + ENTRY_COLUMNS
					+ " from status_entries where project_id = :project order by updated_at desc")
			.param("project", projectId)
			.query(StatusRepository::entry)
			.list();
	}

	/** Open entries of the organization whose public title resembles {@code title}. */
	List<EntryRow> similar(UUID projectId, String title, int limit) {
		return this.jdbc.sql("select " + ENTRY_COLUMNS + """
				from status_entries
				where project_id = :project and category <> 'done' and :title <% public_title
				order by word_similarity(:title, public_title) desc, updated_at desc
				limit :limit
				""")
			.param("project", projectId)
			.param("title", title)
			.param("limit", limit)
			.query(StatusRepository::entry)
			.list();
	}

	/** Follows the bug's status (data of the change: in its transaction). */
	int followStatus(UUID bugId, String category, Instant now) {
		return this.jdbc.sql("""
				update status_entries set category = cast(:category as text), updated_at = cast(:now as timestamptz),
				    fixed_at = case when cast(:category as text) = 'done' then cast(:now as timestamptz) end
				where bug_id = :bug and category <> cast(:category as text)
				""").param("bug", bugId).param("category", category).param("now", Timestamp.from(now)).update();
	}

	int followSeverity(UUID bugId, String severity, Instant now) {
		return this.jdbc.sql("""
				update status_entries set severity = :severity, updated_at = :now where bug_id = :bug
				""").param("bug", bugId).param("severity", severity).param("now", Timestamp.from(now)).update();
	}

	private static EntryRow entry(ResultSet rs, int row) throws SQLException {
		Date eta = rs.getDate("eta");
		Timestamp fixed = rs.getTimestamp("fixed_at");
		return new EntryRow(rs.getObject("bug_id", UUID.class), rs.getObject("org_id", UUID.class),
				rs.getObject("project_id", UUID.class), rs.getString("public_title"), rs.getString("public_note"),
				eta == null ? null : eta.toLocalDate(), rs.getString("severity"), rs.getString("category"),
				fixed == null ? null : fixed.toInstant(), rs.getTimestamp("published_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	// --- subscribers

	/**
	 * @return the subscriber, new or as it was (an address subscribes once to the page,
	 * and once to each entry)
	 */
	SubscriberRow subscribe(UUID id, UUID orgId, UUID entryId, String email, String salt, String tokenHash,
			Instant now) {
		this.jdbc.sql("""
				insert into status_subscribers (id, org_id, entry_id, email, token_salt, token_hash, created_at)
				values (:id, :org, :entry, lower(:email), :salt, :hash, :now)
				on conflict do nothing
				""")
			.param("id", id)
			.param("org", orgId)
			.param("entry", entryId)
			.param("email", email)
			.param("salt", salt)
			.param("hash", tokenHash)
			.param("now", Timestamp.from(now))
			.update();
		return this.jdbc.sql("select " + SUBSCRIBER_COLUMNS + """
				 from status_subscribers
				where org_id = :org and email = lower(:email) and entry_id is not distinct from cast(:entry as uuid)
				""")
			.param("org", orgId)
			.param("email", email)
			.param("entry", entryId)
			.query(StatusRepository::subscriber)
			.single();
	}

	Optional<SubscriberRow> findByTokenHash(String hash) {
		return this.jdbc.sql("select " + SUBSCRIBER_COLUMNS + " from status_subscribers where token_hash = :hash")
			.param("hash", hash)
			.query(StatusRepository::subscriber)
			.optional();
	}

	void confirm(UUID id, Instant now) {
		this.jdbc.sql("update status_subscribers set confirmed_at = coalesce(confirmed_at, :now) where id = :id")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update();
	}

	void deleteSubscriber(UUID id) {
		this.jdbc.sql("delete from status_subscribers where id = :id").param("id", id).update();
	}

	/** The page's confirmed subscribers. */
	List<SubscriberRow> confirmedSubscribers(UUID orgId) {
		return this.jdbc.sql("select " + SUBSCRIBER_COLUMNS + """
				 from status_subscribers
				where org_id = :org and entry_id is null and confirmed_at is not null order by created_at
				""").param("org", orgId).query(StatusRepository::subscriber).list();
	}

	/** The confirmed subscribers of one entry. */
	List<SubscriberRow> confirmedEntrySubscribers(UUID entryId) {
		return this.jdbc.sql("select " + SUBSCRIBER_COLUMNS + """
				 from status_subscribers
				where entry_id = :entry and confirmed_at is not null order by created_at
				""").param("entry", entryId).query(StatusRepository::subscriber).list();
	}

	/** The subscriptions with these ids, by id (those deleted since are missing). */
	Map<UUID, SubscriberRow> subscribers(List<UUID> ids) {
		Map<UUID, SubscriberRow> byId = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc
				.sql("select " + SUBSCRIBER_COLUMNS + " from status_subscribers where id in (:ids) order by created_at")
				.param("ids", ids)
				.query(StatusRepository::subscriber)
				.list()
				.forEach(s -> byId.put(s.id(), s));
		}
		return byId;
	}

	/** A subscription as its organization's admins list it. */
	record ListedSubscriber(UUID id, String email, UUID entryId, String entryTitle, Instant createdAt,
			Instant confirmedAt) {
	}

	/**
	 * The organization's subscriptions, newest first, after the (time, id) position
	 * {@code after} (both null: from the start).
	 */
	List<ListedSubscriber> listSubscribers(UUID orgId, Instant afterTime, UUID afterId, int limit) {
		return this.jdbc.sql("""
				select s.id, s.email, s.entry_id, e.public_title, s.created_at, s.confirmed_at
				from status_subscribers s left join status_entries e on e.bug_id = s.entry_id
				where s.org_id = :org
				  and (cast(:afterTime as timestamptz) is null
				       or (s.created_at, s.id) < (cast(:afterTime as timestamptz), cast(:afterId as uuid)))
				order by s.created_at desc, s.id desc
				limit :limit
				""")
			.param("org", orgId)
			.param("afterTime", afterTime == null ? null : Timestamp.from(afterTime))
			.param("afterId", afterId)
			.param("limit", limit)
			.query((rs, n) -> {
				Timestamp confirmed = rs.getTimestamp("confirmed_at");
				return new ListedSubscriber(rs.getObject("id", UUID.class), rs.getString("email"),
						rs.getObject("entry_id", UUID.class), rs.getString("public_title"),
						rs.getTimestamp("created_at").toInstant(), confirmed == null ? null : confirmed.toInstant());
			})
			.list();
	}

	int deleteSubscriber(UUID orgId, UUID id) {
		return this.jdbc.sql("delete from status_subscribers where org_id = :org and id = :id")
			.param("org", orgId)
			.param("id", id)
			.update();
	}

	private static SubscriberRow subscriber(ResultSet rs, int row) throws SQLException {
		Timestamp confirmed = rs.getTimestamp("confirmed_at");
		return new SubscriberRow(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
				rs.getObject("entry_id", UUID.class), rs.getString("email"), rs.getString("token_salt"),
				confirmed == null ? null : confirmed.toInstant());
	}

}
