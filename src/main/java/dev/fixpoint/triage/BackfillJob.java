package dev.fixpoint.triage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the backfill queue every {@code fixpoint.triage.backfill-interval} (10 s) on
 * every node; a separate bean so {@link Backfill#step} runs through its transactional
 * proxy. EmbeddingProgress is logged every 1,000 bugs and shown on the triage settings
 * page.
 */
@Component
class BackfillJob {

	private static final Logger log = LoggerFactory.getLogger(BackfillJob.class);

	private final Backfill backfill;

	BackfillJob(Backfill backfill) {
		this.backfill = backfill;
	}

	@Scheduled(fixedDelayString = "${fixpoint.triage.backfill-interval:PT10S}",
			initialDelayString = "${fixpoint.triage.backfill-initial-delay:PT20S}")
	void run() {
		long done = 0;
		long start = System.nanoTime();
		int step;
		do {
			step = this.backfill.step();
			done += step;
			if (step > 0 && done % 1_024 == 0) {
				log.info("Triage backfill: {} bugs embedded in this run ({} per second)", done, rate(done, start));
			}
		}
		while (step > 0);
		if (done > 0) {
			log.info("Triage backfill: {} bugs embedded ({} per second)", done, rate(done, start));
		}
	}

	private static long rate(long done, long start) {
		long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
		return done * 1000 / ms;
	}

}
