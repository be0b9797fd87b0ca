package dev.fixpoint.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers by key (a token's owner, a person's name) that many requests ask for, kept in
 * memory until the rows they come from change. The owner forgets them all: on this node
 * with {@link #forget} where it changes those rows (at once and again when the changing
 * transaction ends), on every node when a {@link dev.fixpoint.platform.NoticeChannel}
 * notice sent by a trigger on those rows arrives ({@link #forgetNow}), and at the latest
 * after {@code fresh}. A lookup that began before a forgetting does not store its answer,
 * so an answer read before a change cannot outlive the change's notice. Absent answers
 * are not remembered.
 */
public final class RememberedValues<K, V> {

	private final Cache<K, V> values;

	/** Moves on every forgetting. */
	private final AtomicLong generation = new AtomicLong();

	public RememberedValues(Duration fresh, long maximumSize) {
		this.values = Caffeine.newBuilder().expireAfterWrite(fresh).maximumSize(maximumSize).build();
	}

	/** The value for {@code key}, from memory or {@code lookup}. */
	public Optional<V> get(K key, Function<K, Optional<V>> lookup) {
		V known = this.values.getIfPresent(key);
		if (known != null) {
			return Optional.of(known);
		}
		long seen = this.generation.get();
		Optional<V> found = lookup.apply(key);
		found.ifPresent(value -> remember(key, value, seen));
		return found;
	}

	/**
	 * The values of those {@code keys} that have one: from memory, and one {@code lookup}
	 * of the keys it does not know, whose values name their keys through {@code keyOf}.
	 */
	public List<V> getAll(Collection<K> keys, Function<List<K>, List<V>> lookup, Function<V, K> keyOf) {
		List<V> found = new ArrayList<>(keys.size());
		List<K> missing = new ArrayList<>();
		for (K key : keys) {
			V known = this.values.getIfPresent(key);
			if (known != null) {
				found.add(known);
			}
			else {
				missing.add(key);
			}
		}
		if (!missing.isEmpty()) {
			long seen = this.generation.get();
			for (V value : lookup.apply(missing)) {
				remember(keyOf.apply(value), value, seen);
				found.add(value);
			}
		}
		return found;
	}

	/** Replaces a remembered value (one this node changed itself), if there is one. */
	public void update(K key, Function<V, V> change) {
		this.values.asMap().computeIfPresent(key, (k, value) -> change.apply(value));
	}

	private void remember(K key, V value, long seen) {
		this.values.put(key, value);
		if (this.generation.get() != seen) {
			this.values.invalidate(key);
		}
	}

	/** Forgets everything now and again once the caller's transaction has ended. */
	public void forget() {
		nowAndWhenTransactionEnds(this::forgetNow);
	}

	/**
	 * Forgets the value of {@code key} now and again once the caller's transaction has
	 * ended.
	 */
	public void forget(K key) {
		nowAndWhenTransactionEnds(() -> {
			this.generation.incrementAndGet();
			this.values.invalidate(key);
		});
	}

	/**
	 * A reader that asks between the change and its commit reads the old rows and may
	 * remember them: the second forgetting drops what it remembered.
	 */
	private static void nowAndWhenTransactionEnds(Runnable forgetting) {
		forgetting.run();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					forgetting.run();
				}
			});
		}
	}

	/** Forgets everything (a change notice arrived, or notices may have been missed). */
	public void forgetNow() {
		this.generation.incrementAndGet();
		this.values.invalidateAll();
	}

}
