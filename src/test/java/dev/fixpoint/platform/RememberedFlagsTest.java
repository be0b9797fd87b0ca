package dev.fixpoint.platform;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class RememberedFlagsTest {

	private final Map<String, Boolean> truth = new HashMap<>();

	private final AtomicInteger asked = new AtomicInteger();

	private final RememberedFlags<String> flags = new RememberedFlags<>(Duration.ofMinutes(1), key -> {
		this.asked.incrementAndGet();
		return this.truth.getOrDefault(key, false);
	});

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void anAnswerIsAskedOnceThenRemembered() {
		this.truth.put("WEB", true);
		assertThat(this.flags.test("WEB")).isTrue();
		assertThat(this.flags.test("WEB")).isTrue();
		assertThat(this.flags.test("API")).isFalse();
		assertThat(this.asked).hasValue(2);
	}

	@Test
	void aForgottenAnswerIsAskedAgainAtOnceAndAgainAfterTheChangingTransaction() {
		assertThat(this.flags.test("WEB")).isFalse();
		TransactionSynchronizationManager.initSynchronization();
		this.truth.put("WEB", true);
		this.flags.forget("WEB");
		// a reader asks before the change is committed and sees the old answer
		this.truth.put("WEB", false);
		assertThat(this.flags.test("WEB")).isFalse();
		this.truth.put("WEB", true);
		assertThat(this.flags.test("WEB")).as("remembered until the transaction ends").isFalse();
		TransactionSynchronizationManager.getSynchronizations()
			.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
		assertThat(this.flags.test("WEB")).as("the committed answer").isTrue();
		assertThat(this.asked).hasValue(3);
	}

}
