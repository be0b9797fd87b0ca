package dev.fixpoint.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * The two gauges of a queue kept in a table (the outbox, the email outbox):
 * {@code NAME.depth} (entries not done yet) and {@code NAME.oldest.age} (seconds since
 * the oldest of them was queued; 0 when there is none). A growing age means the queue is
 * not drained: a consumer keeps failing, or no node works on it. Both gauges read one
 * snapshot, taken by one query and kept for {@link #FRESH}, so a scrape costs at most one
 * query however often it comes. A module binds its queue with a small subclass that names
 * it and gives the query.
 */
public abstract class QueueGauges implements MeterBinder {

	/** How long a snapshot is used before the queue is read again. */
	public static final Duration FRESH = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(QueueGauges.class);

	/**
	 * What the query finds.
	 *
	 * @param oldest when the oldest entry not done yet was queued; {@code null} when none
	 */
	public record Backlog(long depth, Instant oldest) {
	}

	private record Snapshot(Instant takenAt, double depth, double oldestAge) {
	}

	private final String name;

	private final String entries;

	private final Supplier<Backlog> backlog;

	private final Clock clock;

	private Snapshot last;

	/**
	 * @param name the gauges' prefix, e.g. {@code fixpoint.outbox}
	 * @param entries what the queue holds, for the descriptions, e.g. "Emails in the
	 * outbox"
	 * @param backlog one query over the queue's table
	 */
	protected QueueGauges(String name, String entries, Supplier<Backlog> backlog, Clock clock) {
		this.name = name;
		this.entries = entries;
		this.backlog = backlog;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(this.name + ".depth", this, m -> m.snapshot().depth())
			.description(this.entries + " not done yet")
			.register(registry);
		Gauge.builder(this.name + ".oldest.age", this, m -> m.snapshot().oldestAge())
			.description("Age of the oldest of the " + this.entries.toLowerCase(Locale.ROOT) + " not done yet")
			.baseUnit("seconds")
			.register(registry);
	}

	private synchronized Snapshot snapshot() {
		Instant now = Times.now(this.clock);
		if (this.last == null || now.isBefore(this.last.takenAt()) || !now.isBefore(this.last.takenAt().plus(FRESH))) {
			this.last = take(now);
		}
		return this.last;
	}

	private Snapshot take(Instant now) {
		try {
			Backlog found = this.backlog.get();
			double age = found.oldest() == null ? 0
					: Math.max(0, Duration.between(found.oldest(), now).toMillis() / 1000.0);
			return new Snapshot(now, found.depth(), age);
		}
		catch (DataAccessException ex) {
			log.debug("Could not read {} for the metrics", this.name, ex);
			return new Snapshot(now, Double.NaN, Double.NaN);
		}
	}

}
