package dev.fixpoint.sla;

import java.time.Clock;

import dev.fixpoint.platform.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link SlaEscalations#escalate} every ~30 s on every node. A separate bean so the
 * call goes through the transactional proxy: the due clocks stay locked
 * ({@code skip locked}) until the escalations and their notifications commit. (Called on
 * itself, {@code @Transactional} would not apply.)
 */
@Component
class SlaEscalationJob {

	private static final Logger log = LoggerFactory.getLogger(SlaEscalationJob.class);

	private final SlaEscalations escalations;

	private final Clock clock;

	SlaEscalationJob(SlaEscalations escalations, Clock clock) {
		this.escalations = escalations;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${fixpoint.sla.escalation-interval:PT30S}",
			initialDelayString = "${fixpoint.sla.escalation-initial-delay:PT30S}")
	void run() {
		int fired = this.escalations.escalate(Times.now(this.clock));
		if (fired > 0) {
			log.info("SLA escalations sent: {}", fired);
		}
	}

}
