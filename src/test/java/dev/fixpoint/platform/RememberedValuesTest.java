package dev.fixpoint.platform;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class RememberedValuesTest {

	private final Map<String, String> truth = new HashMap<>();

	private final AtomicInteger asked = new AtomicInteger();

	private final RememberedValues<String, String> values = new RememberedValues<>(Duration.ofMinutes(1), 100);

	private Optional<String> lookup(String key) {
		this.asked.incrementAndGet();
		return Optional.ofNullable(this.truth.get(key));
	}

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void aValueIsLookedUpOnceAndAnAbsentOneEveryTime() {
		this.truth.put("ann", "Ann");
		assertThat(this.values.get("ann", this::lookup)).contains("Ann");
		assertThat(this.values.get("ann", this::lookup)).contains("Ann");
		assertThat(this.values.get("bob", this::lookup)).isEmpty();
		assertThat(this.values.get("bob", this::lookup)).isEmpty();
		assertThat(this.asked).hasValue(3);
	}

	@Test
	void manyKeysLookUpOnlyTheUnknownOnesInOneGo() {
		this.truth.putAll(Map.of("ann", "Ann", "bob", "Bob", "cy", "Cy"));
		this.values.get("ann", this::lookup);
		AtomicInteger batches = new AtomicInteger();
		List<String> found = this.values.getAll(List.of("ann", "bob", "cy", "dee"), keys -> {
			batches.incrementAndGet();
			assertThat(keys).containsExactly("bob", "cy", "dee");
			return keys.stream().map(this.truth::get).filter(v -> v != null).toList();
		}, value -> value.toLowerCase());
		assertThat(found).containsExactlyInAnyOrder("Ann", "Bob", "Cy");
		assertThat(batches).hasValue(1);
		assertThat(this.values.get("cy", this::lookup)).contains("Cy");
		assertThat(this.asked).as("cy was remembered from the batch").hasValue(1);
	}

	@Test
	void aLookupThatBeganBeforeAForgettingDoesNotStoreItsAnswer() {
		this.truth.put("ann", "Ann");
		Optional<String> read = this.values.get("ann", key -> {
			Optional<String> before = lookup(key);
			// the change commits and its notice arrives while this lookup is under way
			this.truth.put("ann", "Ann Renamed");
			this.values.forgetNow();
			return before;
		});
		assertThat(read).contains("Ann");
		assertThat(this.values.get("ann", this::lookup)).contains("Ann Renamed");
	}

	@Test
	void aChangeHereIsForgottenAtOnceAndAgainWhenItsTransactionEnds() {
		this.truth.put("ann", "Ann");
		this.values.get("ann", this::lookup);
		TransactionSynchronizationManager.initSynchronization();
		this.truth.put("ann", "Ann Renamed");
		this.values.forget();
		// a reader outside the transaction still sees the committed name and is
		// remembered
		this.truth.put("ann", "Ann");
		assertThat(this.values.get("ann", this::lookup)).contains("Ann");
		this.truth.put("ann", "Ann Renamed");
		transactionEnds();
		assertThat(this.values.get("ann", this::lookup)).contains("Ann Renamed");
	}

	@Test
	void forgettingOneKeyKeepsTheOthersUntilItsTransactionEnds() {
		this.truth.putAll(Map.of("ann", "Ann", "bob", "Bob"));
		this.values.get("ann", this::lookup);
		this.values.get("bob", this::lookup);
		TransactionSynchronizationManager.initSynchronization();
		this.truth.putAll(Map.of("ann", "Ann Renamed", "bob", "Bob Renamed"));
		this.values.forget("ann");
		assertThat(this.values.get("bob", this::lookup)).as("not forgotten").contains("Bob");
		// a reader before the commit remembers the old name...
		this.truth.put("ann", "Ann");
		assertThat(this.values.get("ann", this::lookup)).contains("Ann");
		// ...until the changing transaction ends
		this.truth.put("ann", "Ann Renamed");
		transactionEnds();
		assertThat(this.values.get("ann", this::lookup)).contains("Ann Renamed");
		assertThat(this.values.get("bob", this::lookup)).contains("Bob");
		assertThat(this.asked).hasValue(4);
	}

	private static void transactionEnds() {
		TransactionSynchronizationManager.getSynchronizations()
			.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
	}

}
