package dev.fixpoint.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.fixpoint.platform.Times;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code fixpoint.outbox.depth} (deliveries not done yet) and
 * {@code fixpoint.outbox.oldest.age} (seconds since the oldest of them was published; 0
 * when there is none): a growing age means a consumer keeps failing or no node delivers.
 * Both gauges read one snapshot, taken by one query and kept for {@link #FRESH}, like the
 * email outbox's.
 */
@Component
class OutboxMetrics implements MeterBinder {

	static final Duration FRESH = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

	private record Snapshot(Instant takenAt, double depth, double oldestAge) {
	}

	private final OutboxRepository rows;

	private final Clock clock;

	private Snapshot last;

	OutboxMetrics(OutboxRepository rows, Clock clock) {
		this.rows = rows;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("fixpoint.outbox.depth", this, m -> m.snapshot().depth())
			.description("Outbox deliveries (event and consumer) not done yet")
			.register(registry);
		Gauge.builder("fixpoint.outbox.oldest.age", this, m -> m.snapshot().oldestAge())
			.description("Age of the oldest outbox delivery not done yet")
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
			OutboxRepository.Backlog backlog = this.rows.backlog();
			double age = backlog.oldest() == null ? 0
					: Math.max(0, Duration.between(backlog.oldest(), now).toMillis() / 1000.0);
			return new Snapshot(now, backlog.depth(), age);
		}
		catch (DataAccessException ex) {
			log.debug("Could not read the outbox for the metrics", ex);
			return new Snapshot(now, Double.NaN, Double.NaN);
		}
	}

}
