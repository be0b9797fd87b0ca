package dev.fixpoint.portal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rate limit buckets of {@code portal_rate_limits}: one row per key (a hash), its
 * tokens as of {@code updated_at}. A missing row is a full bucket.
 */
@Repository
class RateLimitRepository {

	private record Row(double tokens, Instant updatedAt) {
	}

	private final JdbcClient jdbc;

	RateLimitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the buckets that do not exist (full), locks them in key order (no deadlock
	 * between two takes of the same keys) and returns their tokens at {@code now}, in the
	 * order given. Inside the caller's transaction.
	 */
	double[] lock(Instant now, PortalThrottle.Bucket... buckets) {
		PortalThrottle.Bucket[] ordered = buckets.clone();
		Arrays.sort(ordered, Comparator.comparing(PortalThrottle.Bucket::key));
		Map<String, Double> available = new java.util.HashMap<>();
		for (PortalThrottle.Bucket bucket : ordered) {
			this.jdbc.sql("""
					insert into portal_rate_limits (key, tokens, updated_at) values (:key, :tokens, :now)
					on conflict (key) do nothing
					""")
				.param("key", bucket.key())
				.param("tokens", (double) bucket.capacity())
				.param("now", Timestamp.from(now))
				.update();
			Row row = this.jdbc.sql("select tokens, updated_at from portal_rate_limits where key = :key for update")
				.param("key", bucket.key())
				.query((rs, n) -> new Row(rs.getDouble("tokens"), rs.getTimestamp("updated_at").toInstant()))
				.single();
			available.put(bucket.key(), bucket.refilled(row.tokens(), Duration.between(row.updatedAt(), now)));
		}
		return Arrays.stream(buckets).mapToDouble(b -> available.get(b.key())).toArray();
	}

	/** The bucket's tokens at {@code now}, without locking or changing it. */
	double available(Instant now, PortalThrottle.Bucket bucket) {
		Optional<Row> row = this.jdbc.sql("select tokens, updated_at from portal_rate_limits where key = :key")
			.param("key", bucket.key())
			.query((rs, n) -> new Row(rs.getDouble("tokens"), rs.getTimestamp("updated_at").toInstant()))
			.optional();
		return row.map(r -> bucket.refilled(r.tokens(), Duration.between(r.updatedAt(), now)))
			.orElse((double) bucket.capacity());
	}

	void store(String key, double tokens, Instant now) {
		this.jdbc.sql("update portal_rate_limits set tokens = :tokens, updated_at = :now where key = :key")
			.param("key", key)
			.param("tokens", tokens)
			.param("now", Timestamp.from(now))
			.update();
	}

}
