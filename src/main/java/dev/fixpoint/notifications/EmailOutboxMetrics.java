package dev.fixpoint.notifications;

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
 * {@code fixpoint.email.outbox.depth} (emails not sent yet) and
 * {@code fixpoint.email.outbox.oldest.age} (seconds since the oldest of them was
 * composed; 0 when there is none): a growing age means emails are not leaving (SMTP down,
 * no worker running). Both gauges read one snapshot, taken by one indexed query and kept
 * for {@link #FRESH}, so a scrape costs at most one query however often it comes.
 */
@Component
class EmailOutboxMetrics implements MeterBinder {

	static final Duration FRESH = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(EmailOutboxMetrics.class);

	private record Snapshot(Instant takenAt, double depth, double oldestAge) {
	}

	private final EmailRepository emails;

	private final Clock clock;

	private Snapshot last;

	EmailOutboxMetrics(EmailRepository emails, Clock clock) {
		this.emails = emails;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("fixpoint.email.outbox.depth", this, m -> m.snapshot().depth())
			.description("Emails in the outbox not sent yet")
			.register(registry);
		Gauge.builder("fixpoint.email.outbox.oldest.age", this, m -> m.snapshot().oldestAge())
			.description("Age of the oldest unsent email in the outbox")
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
			EmailRepository.Backlog backlog = this.emails.backlog();
			double age = backlog.oldest() == null ? 0
					: Math.max(0, Duration.between(backlog.oldest(), now).toMillis() / 1000.0);
			return new Snapshot(now, backlog.depth(), age);
		}
		catch (DataAccessException ex) {
			log.debug("Could not read the email outbox for the metrics", ex);
			return new Snapshot(now, Double.NaN, Double.NaN);
		}
	}

}
