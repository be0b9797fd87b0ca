package dev.fixpoint.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/** Every value of a channel is forgotten by its notice, a reconnect or a change here. */
class ForgettingChannelTest {

	/** Two kinds of values behind one channel, as accounts keeps tokens and people. */
	static final class Memory extends ForgettingChannel {

		final RememberedValues<String, String> names = remembered(10);

		final RememberedValues<String, Integer> ages = remembered(10);

		Memory() {
			super("people_changes", Duration.ofMinutes(1));
		}

	}

	private final Memory memory = new Memory();

	private final AtomicInteger asked = new AtomicInteger();

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void namesItsChannel() {
		assertThat(this.memory.channel()).isEqualTo("people_changes");
	}

	@Test
	void aNoticeForgetsEveryValueOfTheChannel() {
		remember();
		this.memory.received("");
		remember();
		assertThat(this.asked).hasValue(4);
	}

	@Test
	void aReconnectForgetsEveryValueOfTheChannel() {
		remember();
		this.memory.resync();
		remember();
		assertThat(this.asked).hasValue(4);
	}

	@Test
	void aChangeHereForgetsAtOnceAndAgainWhenItsTransactionEnds() {
		remember();
		TransactionSynchronizationManager.initSynchronization();
		this.memory.forget();
		remember();
		assertThat(this.asked).as("forgotten at once").hasValue(4);
		TransactionSynchronizationManager.getSynchronizations()
			.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
		remember();
		assertThat(this.asked).as("and when the transaction ended").hasValue(6);
	}

	@Test
	void valuesAreRememberedBetweenForgettings() {
		remember();
		remember();
		assertThat(this.asked).hasValue(2);
	}

	/**
	 * Asks for one value of each kind (a lookup counts only when memory does not know).
	 */
	private void remember() {
		this.memory.names.get("ann", key -> {
			this.asked.incrementAndGet();
			return Optional.of("Ann");
		});
		this.memory.ages.get("ann", key -> {
			this.asked.incrementAndGet();
			return Optional.of(41);
		});
	}

}
