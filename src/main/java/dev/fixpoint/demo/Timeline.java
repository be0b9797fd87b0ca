package dev.fixpoint.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.PriorityQueue;
import java.util.function.Consumer;

import dev.fixpoint.platform.Times;

/**
 * A project's months of history, played in time order: every step (file a bug, triage it,
 * comment, move it) runs {@link Times#backdated backdated} to its moment, so the ordinary
 * use cases write the times they would have had. Steps schedule the next steps of a bug's
 * life; one that would happen after {@code end} never does (recent bugs are still young).
 * At each new day of the story the SLA escalations due by then fire ({@code everyDay}),
 * so clocks reach their thresholds when they would have.
 */
final class Timeline {

	private record Step(Instant at, long order, Runnable action) {
	}

	private final PriorityQueue<Step> agenda = new PriorityQueue<>(
			(a, b) -> a.at().equals(b.at()) ? Long.compare(a.order(), b.order()) : a.at().compareTo(b.at()));

	private final Instant end;

	private final Consumer<Instant> everyDay;

	private long order;

	Timeline(Instant end, Consumer<Instant> everyDay) {
		this.end = end;
		this.everyDay = everyDay;
	}

	/** Schedules {@code action} at {@code at}, unless that is after the story's end. */
	void at(Instant at, Runnable action) {
		if (!at.isAfter(this.end)) {
			this.agenda.add(new Step(at, this.order++, action));
		}
	}

	/** Schedules {@code action} {@code later} after {@code from}. */
	void after(Instant from, Duration later, Runnable action) {
		at(from.plus(later), action);
	}

	/** Plays every step in time order, then the day of the end. */
	void play() {
		Instant day = null;
		while (!this.agenda.isEmpty()) {
			Step step = this.agenda.poll();
			Instant today = step.at().truncatedTo(ChronoUnit.DAYS);
			if (day != null && today.isAfter(day)) {
				tick(today);
			}
			day = today;
			Times.backdated(step.at(), () -> {
				step.action().run();
				return null;
			});
		}
		tick(this.end);
	}

	private void tick(Instant at) {
		Times.backdated(at, () -> {
			this.everyDay.accept(at);
			return null;
		});
	}

}
