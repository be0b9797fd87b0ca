package dev.fixpoint.slack;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.fixpoint.platform.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed requests from Slack already taken, in {@code slack_requests_seen}, shared by
 * every node: a request whose signature was seen is a replay, wherever it arrives. A
 * signature is kept (as its SHA-256) while its timestamp could still pass the 5-minute
 * check, with a minute to spare for the nodes' clocks; a job deletes older ones.
 */
@Repository
class SeenRequests {

	/** How long a signature is kept after its timestamp. */
	static final Duration KEPT = SlackSignature.WINDOW.plusMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(SeenRequests.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	SeenRequests(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a verified request's signature; false when it was there already (a replay).
	 * Outside a transaction it commits at once, so two nodes taking the same request
	 * concurrently cannot both succeed: the second insert waits for the first and finds
	 * the key taken.
	 */
	boolean firstTime(String signature, Instant signedAt) {
		return this.jdbc.sql("""
				insert into slack_requests_seen (signature_hash, signed_at) values (:hash, :at)
				on conflict (signature_hash) do nothing
				""").param("hash", SlackPeople.hash(signature)).param("at", Timestamp.from(signedAt)).update() == 1;
	}

	/** Deletes the signatures whose timestamps no request may carry any more. */
	@Scheduled(fixedDelayString = "${fixpoint.slack.seen-requests-cleanup-interval:PT10M}",
			initialDelayString = "${fixpoint.slack.seen-requests-cleanup-initial-delay:PT3M}")
	@Transactional
	public int prune() {
		int deleted = this.jdbc.sql("delete from slack_requests_seen where signed_at < :before")
			.param("before", Timestamp.from(Times.now(this.clock).minus(KEPT)))
			.update();
		if (deleted > 0) {
			log.debug("Deleted {} Slack request signatures past the 5-minute window", deleted);
		}
		return deleted;
	}

}
