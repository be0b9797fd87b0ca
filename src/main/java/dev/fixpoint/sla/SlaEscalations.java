package dev.fixpoint.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.Priority;
import dev.fixpoint.bugs.Severity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation job: every ~30 s, the clocks that crossed 50, 75 or 100 % of their
 * target publish {@link SlaThresholdReached}, once per bug, period and threshold. Safe on
 * several nodes and across restarts: due clocks are locked with {@code skip locked}, and
 * an escalation is published only when its row in {@code sla_escalations} was actually
 * inserted. Listeners (notifications) run synchronously when the event is published,
 * inside {@link #escalate}'s transaction, so the escalation row and its notifications
 * commit or roll back together. A critical bug that breaches is raised to P0 (history: by
 * the system). {@link SlaEscalationJob} runs it on a schedule, through the Spring proxy,
 * so the run has its transaction.
 */
@Service
public class SlaEscalations {

	static final int BATCH = 200;

	static final int MAX_BATCHES = 50;

	private final BugSlaRepository clocks;

	private final SlaSettings settings;

	private final BugManagement bugs;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SlaEscalations(BugSlaRepository clocks, SlaSettings settings, BugManagement bugs, ApplicationEventPublisher events,
			Clock clock) {
		this.clocks = clocks;
		this.settings = settings;
		this.bugs = bugs;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Fires every threshold due by {@code now}, batch after batch (at most
	 * {@link #MAX_BATCHES} per run, the rest waits for the next run); returns how many
	 * escalations were new.
	 */
	@Transactional
	public int escalate(Instant now) {
		Map<UUID, SlaPolicy> policies = new HashMap<>();
		int fired = 0;
		List<BugSlaRepository.DueClock> due;
		int batches = 0;
		do {
			due = this.clocks.lockDue(now, BATCH);
			fired += escalate(due, now, policies);
		}
		while (due.size() == BATCH && ++batches < MAX_BATCHES);
		return fired;
	}

	private int escalate(List<BugSlaRepository.DueClock> due, Instant now, Map<UUID, SlaPolicy> policies) {
		int fired = 0;
		for (BugSlaRepository.DueClock d : due) {
			BugSlaRepository.StoredClock s = d.stored();
			SlaCalendar calendar = policies.computeIfAbsent(s.projectId(), this.settings::policyOf).calendar();
			SlaClock.Escalation next = s.next();
			while (next != null && !next.at().isAfter(now)) {
				fired += fire(d, next, s.clock().dueAt(calendar), now) ? 1 : 0;
				next = s.clock().after(next.threshold(), calendar);
			}
			this.clocks.update(new BugSlaRepository.StoredClock(s.bugId(), s.projectId(), s.severity(), s.startedAt(),
					s.clock(), next));
		}
		return fired;
	}

	private boolean fire(BugSlaRepository.DueClock d, SlaClock.Escalation escalation, Instant dueAt, Instant now) {
		BugSlaRepository.StoredClock s = d.stored();
		this.clocks.updateBugState(s.bugId(), SlaClock.stateAfter(escalation.threshold()));
		if (!this.clocks.recordEscalation(s.bugId(), s.clock().period(), escalation.threshold(), now)) {
			return false;
		}
		if (escalation.threshold() >= 100 && s.severity() == Severity.CRITICAL) {
			this.bugs.raisePriority(s.bugId(), Priority.P0);
		}
		this.events.publishEvent(new SlaThresholdReached(s.bugId(), s.projectId(), d.key(), d.title(),
				s.severity().key(), d.assigneeId(), escalation.threshold(), dueAt));
		return true;
	}

}
