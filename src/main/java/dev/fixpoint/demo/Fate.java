package dev.fixpoint.demo;

import java.util.Random;

/**
 * How far a demo bug got in its life so far. The weights make a believable backlog: a
 * third untouched, some being worked on, a good share resolved or closed, a few reopened
 * by QA.
 */
enum Fate {

	/**
	 * Filed, nobody looked yet (unless the reporter assigned it or the component owner
	 * got it).
	 */
	UNTRIAGED(22),
	/** Assigned and prioritized by the project admin. */
	TRIAGED(18), IN_PROGRESS(14), IN_REVIEW(8),
	/** Resolved as fixed, waiting for QA. */
	FIXED(12),
	/** Resolved without a fix: duplicate, cannot reproduce, won't fix, by design. */
	DISMISSED(6),
	/** Fixed, verified by QA, closed. */
	CLOSED(15),
	/** Fixed, then reopened by QA; sometimes already being worked on again. */
	REOPENED(5);

	private final int weight;

	Fate(int weight) {
		this.weight = weight;
	}

	static Fate draw(Random random) {
		int total = 0;
		for (Fate fate : values()) {
			total += fate.weight;
		}
		int roll = random.nextInt(total);
		for (Fate fate : values()) {
			roll -= fate.weight;
			if (roll < 0) {
				return fate;
			}
		}
		throw new IllegalStateException();
	}

}
