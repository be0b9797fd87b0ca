package dev.fixpoint.platform;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Walks every {@link Backfill} bean once per start of this node, a batch of
 * {@code fixpoint.backfill.batch} rows per {@code fixpoint.backfill.interval}, each from
 * its first row to its end, which it reaches when a batch this node claimed changes
 * nothing. New rows need no backfill: they are written right.
 */
@Component
class Backfills {

	private final List<Backfill.Walk> walks;

	private final int size;

	Backfills(List<Backfill> backfills, @Value("${fixpoint.backfill.batch:200}") int size) {
		this.walks = backfills.stream().map(Backfill.Walk::new).toList();
		this.size = size;
	}

	@Scheduled(fixedDelayString = "${fixpoint.backfill.interval:PT1S}",
			initialDelayString = "${fixpoint.backfill.initial-delay:PT30S}")
	void run() {
		this.walks.forEach(walk -> walk.step(this.size));
	}

}
