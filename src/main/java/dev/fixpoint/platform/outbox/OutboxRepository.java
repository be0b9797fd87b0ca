package dev.fixpoint.platform.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.platform.QueueGauges;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OutboxRepository {

	/** A row to write: one event for one consumer. */
	record NewRow(UUID eventId, String consumer, String eventType, String payload, UUID aggregateId, boolean ordered,
			UUID batchId, Instant publishedAt) {
	}

	/** A claimed row, locked by the claiming transaction. */
	record Claimed(long seq, UUID eventId, String consumer, String eventType, String payload, UUID batchId,
			Instant publishedAt, int attempts, boolean ordered) {
	}

	private final JdbcClient jdbc;

	OutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The rows of one event, one per consumer, in one statement. */
	void insert(List<NewRow> rows) {
		StringBuilder values = new StringBuilder();
		for (int i = 0; i < rows.size(); i++) {
			values.append(i == 0 ? "" : ", ")
				.append("(:e, :consumer%1$d, :type, cast(:payload as jsonb), :aggregate%1$d, :ordered%1$d, :batch%1$d, :at, :at)"
					.formatted(i));
		}
		NewRow first = rows.get(0);
		var spec = this.jdbc.sql("""
				insert into outbox (event_id, consumer, event_type, payload, aggregate_id, ordered, batch_id,
				    published_at, next_attempt_at)
				values\s""" + values)
			.param("e", first.eventId())
			.param("type", first.eventType())
			.param("payload", first.payload())
			.param("at", Timestamp.from(first.publishedAt()));
		for (int i = 0; i < rows.size(); i++) {
			NewRow row = rows.get(i);
			spec = spec.param("consumer" + i, row.consumer())
				.param("aggregate" + i, row.aggregateId())
				.param("ordered" + i, row.ordered())
				.param("batch" + i, row.batchId());
		}
		spec.update();
	}

	/**
	 * Locks up to {@code limit} due rows that nobody else holds; of an ordered consumer's
	 * aggregate only the oldest pending row (the later ones wait for it, even while it is
	 * locked elsewhere or waiting for a retry).
	 */
	List<Claimed> claimDue(Instant now, int limit, Collection<String> consumers) {
		return this.jdbc
			.sql("""
					select seq, event_id, consumer, event_type, payload::text as payload, batch_id, published_at, attempts,
					    ordered
					from outbox o
					where o.next_attempt_at <= :now
					  and o.consumer in (:consumers)
					  and (not o.ordered or not exists (
					      select 1 from outbox p
					      where p.ordered and p.consumer = o.consumer and p.aggregate_id = o.aggregate_id and p.seq < o.seq))
					order by o.seq
					limit :limit
					for update skip locked
					""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.param("consumers", consumers)
			.query((rs, n) -> new Claimed(rs.getLong("seq"), rs.getObject("event_id", UUID.class),
					rs.getString("consumer"), rs.getString("event_type"), rs.getString("payload"),
					rs.getObject("batch_id", UUID.class), rs.getTimestamp("published_at").toInstant(),
					rs.getInt("attempts"), rs.getBoolean("ordered")))
			.list();
	}

	/**
	 * This transaction's commit returns before its WAL is flushed to disk (see
	 * {@link Outbox}).
	 */
	void commitWithoutWaitingForFlush() {
		this.jdbc.sql("set local synchronous_commit = off").update();
	}

	void delete(Collection<Long> seqs) {
		if (!seqs.isEmpty()) {
			this.jdbc.sql("delete from outbox where seq in (:seqs)").param("seqs", seqs).update();
		}
	}

	void failed(long seq, Instant next, String error) {
		this.jdbc.sql("""
				update outbox set attempts = attempts + 1, next_attempt_at = :next, last_error = :error where seq = :seq
				""").param("next", Timestamp.from(next)).param("error", error).param("seq", seq).update();
	}

	/** Rows not delivered yet and the time the oldest was published (null: none). */
	QueueGauges.Backlog backlog() {
		return this.jdbc.sql(
				"select count(*) as depth, (select published_at from outbox order by seq limit 1) as oldest from outbox")
			.query((rs, n) -> new QueueGauges.Backlog(rs.getLong("depth"),
					rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant()))
			.single();
	}

}
