package dev.fixpoint.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A yes/no question about a key (does this project have webhooks, Slack channels...)
 * asked inside many transactions and answered from memory for a short while: a
 * {@link RememberedValues} of answers. When the answer changes on this node,
 * {@link #forget} drops it at once and again when the changing transaction ends, so a
 * reader that asked in between cannot keep the old answer; other nodes see the change
 * within {@code fresh}.
 */
public final class RememberedFlags<K> {

	private final RememberedValues<K, Boolean> answers;

	private final Predicate<K> question;

	/**
	 * Answers {@code question} from memory for {@code fresh}, for 10,000 keys at most.
	 */
	public RememberedFlags(Duration fresh, Predicate<K> question) {
		this.answers = new RememberedValues<>(fresh, 10_000);
		this.question = question;
	}

	public boolean test(K key) {
		return this.answers.get(key, k -> Optional.of(this.question.test(k))).orElseThrow();
	}

	/** Forgets the answer now and again once the caller's transaction has ended. */
	public void forget(K key) {
		this.answers.forget(key);
	}

}
