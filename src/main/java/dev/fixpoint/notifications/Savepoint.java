package dev.fixpoint.notifications;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs work in a savepoint of the current transaction (or in a new one if there is none):
 * when it fails, only the work is rolled back and the surrounding transaction stays
 * usable.
 */
@Component
class Savepoint {

	@Transactional(propagation = Propagation.NESTED)
	public void run(Runnable work) {
		work.run();
	}

}
