package dev.fixpoint.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.fixpoint.bugs.BugChanged;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.bugs.SlaOnFiling;
import dev.fixpoint.comments.CommentAdded;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Project;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every bug's SLA clock in step with the bug. Listens synchronously, inside the
 * transaction that filed or changed the bug: the clock, {@code sla_due_at} and
 * {@code sla_state} commit (or roll back) with the change, and the API response of that
 * very request already shows the due time.
 */
@Component
class SlaClocks implements SlaOnFiling {

	private final BugSlaRepository clocks;

	private final SlaSettings settings;

	private final Clock clock;

	SlaClocks(BugSlaRepository clocks, SlaSettings settings, Clock clock) {
		this.clocks = clocks;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A new bug's clock starts now; its row follows in this transaction (the foreign key
	 * is checked at commit).
	 */
	@Override
	public Started start(UUID bugId, Project project, Severity severity) {
		Instant now = Times.now(this.clock);
		UUID projectId = project.id();
		SlaPolicy policy = this.settings.policyOf(project);
		SlaCalendar calendar = policy.calendar();
		SlaClock clock = SlaClock.start(now, policy.target(severity).map(SlaTarget::duration).orElse(null));
		SlaClock.Escalation escalation = clock.running() ? clock.armAt(now, calendar) : null;
		return new Started(clock.running() ? clock.dueAt(calendar) : null, clock.stateAt(now, calendar),
				BugSlaRepository.insertWithBug(
						new BugSlaRepository.StoredClock(bugId, projectId, severity, now, clock, escalation)));
	}

	@EventListener
	void on(BugChanged event) {
		if (event.changed("severity") || event.changed("status")) {
			sync(event.bugId());
		}
		if (event.changed("status") && event.actorId() != null) {
			this.clocks.responded(event.bugId(), event.actorId(), Times.now(this.clock));
		}
	}

	@EventListener
	void on(CommentAdded event) {
		this.clocks.responded(event.bugId(), event.authorId(), Times.now(this.clock));
	}

	/** Brings the clock of a bug up to date with its severity and whether it is done. */
	void sync(UUID bugId) {
		BugSlaRepository.BugFacts bug = this.clocks.facts(bugId).orElse(null);
		if (bug == null) {
			return;
		}
		Instant now = Times.now(this.clock);
		SlaPolicy policy = this.settings.policyOf(bug.projectId());
		SlaCalendar calendar = policy.calendar();
		Duration target = policy.target(bug.severity()).map(SlaTarget::duration).orElse(null);
		BugSlaRepository.StoredClock stored = this.clocks.lock(bugId).orElse(null);
		Instant start = stored != null ? stored.startedAt() : bug.createdAt();
		SlaClock next;
		if (stored == null) {
			// bugs filed before SLAs existed count from their creation; a done one has an
			// unknown history: it starts stopped and only counts from a reopen
			next = bug.open() ? SlaClock.start(start, target) : new SlaClock(1, target, null, Duration.ZERO);
		}
		else {
			next = stored.clock();
			if (stored.severity() != bug.severity()) {
				next = next.retarget(target);
			}
			next = bug.open() ? next.resume(now) : next;
		}
		boolean stopping = !bug.open() && next.running();
		next = bug.open() ? next : next.stop(now, calendar);
		boolean newPeriod = stored == null || next.period() != stored.clock().period();
		SlaClock.Escalation escalation = !next.running() ? null : newPeriod ? next.armAt(now, calendar) : stored.next();
		BugSlaRepository.StoredClock saved = new BugSlaRepository.StoredClock(bugId, bug.projectId(), bug.severity(),
				start, next, escalation);
		if (stored == null) {
			this.clocks.insert(saved);
		}
		else {
			this.clocks.update(saved);
		}
		if (stopping) {
			this.clocks.stopped(bugId, now, next.met(now, calendar));
		}
		else if (next.running() && stored != null && !stored.clock().running()) {
			this.clocks.stopped(bugId, null, null);
		}
		this.clocks.updateBug(bugId, next.running() ? next.dueAt(calendar) : null, next.stateAt(now, calendar));
	}

}
