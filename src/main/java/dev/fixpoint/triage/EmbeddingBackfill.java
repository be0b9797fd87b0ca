package dev.fixpoint.triage;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import dev.fixpoint.platform.Backfill;
import dev.fixpoint.platform.outbox.SlowLanePacing;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Embeds, in the background ({@code platform.Backfills}: once per start of a node), the
 * bugs whose report is not embedded by the current model: every bug filed before
 * migration V41, those filed while the model was off
 * ({@code fixpoint.triage.enabled=false}), all of them after a change of model, and bugs
 * with no row at all (written straight into the database, e.g. by bench/data's
 * generator): a batch first gives those a row with their title (words find them at once),
 * then embeds. A batch is one transaction that holds its rows
 * ({@code FOR UPDATE SKIP LOCKED}) until their vectors commit, so nodes never embed the
 * same bug twice and a crash repeats one batch. With the model off on this node there is
 * nothing to do. How far it is shows on the project's triage settings page
 * ({@link TriageAdmin#status}).
 * <p>
 * Paced like the outbox's slow lane ({@link SlowLanePacing}): batches follow each other
 * for up to {@link #RUN} per turn of {@code Backfills}, and while this machine's CPUs are
 * busy each batch is followed by a rest of {@link #REST} times its CPU time (its wall
 * time on a virtual thread; at most a second): flat out on an idle machine, a quarter of
 * a core or less on a busy one.
 * <p>
 * When the application stops, the walk ends with the batch under way, before the model
 * closes ({@link #destroy}).
 */
@Component
class EmbeddingBackfill implements Backfill, DisposableBean {

	/**
	 * At most this many bugs a batch, whatever {@code fixpoint.backfill.batch} says: some
	 * 10 ms of CPU each, so a transaction holds its connection a second or two at most.
	 */
	static final int MAX_BATCH = 64;

	/**
	 * How long one turn goes on with batch after batch (the scheduler runs each job on a
	 * virtual thread of its own: only the other backfills wait meanwhile).
	 */
	static final Duration RUN = Duration.ofSeconds(10);

	/** The slow lane's rest (times the CPU time of a batch) while the machine is busy. */
	static final int REST = 3;

	private final VectorRepository vectors;

	private final Embeddings embeddings;

	private final TransactionTemplate transactions;

	/**
	 * The thread the batches run on: a platform thread, since the model's native code
	 * would pin the scheduler's virtual thread to one of the few carrier threads that
	 * every request shares, and since a virtual thread has no CPU time of its own to pace
	 * by.
	 */
	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("triage-backfill").daemon().factory());

	/** Set when the application stops: the worker ends after its batch. */
	private volatile boolean stopping;

	/** Whether this walk found every bug with a row, from its cursor on. */
	private volatile boolean allQueued;

	EmbeddingBackfill(VectorRepository vectors, Embeddings embeddings, PlatformTransactionManager transactions) {
		this.vectors = vectors;
		this.embeddings = embeddings;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	public String what() {
		return "Bug reports embedded by " + SentenceEncoder.MODEL;
	}

	@Override
	public Batch next(UUID after, int size) {
		if (!this.embeddings.enabled()) {
			return new Batch(true, 0, after);
		}
		if (this.stopping) {
			return new Batch(false, 0, after);
		}
		if (after == null) {
			this.allQueued = false; // a new walk
		}
		try {
			return this.worker.submit(() -> run(after, size)).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Batch(false, 0, after);
		}
		catch (RejectedExecutionException ex) {
			return new Batch(false, 0, after); // stopping
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException(ex.getCause());
		}
	}

	/** Batch after batch for up to {@link #RUN}, on the worker thread. */
	private Batch run(UUID after, int size) {
		long until = System.nanoTime() + RUN.toNanos();
		SlowLanePacing pacing = SlowLanePacing.ofThisMachine(REST);
		pacing.start();
		int done = 0;
		UUID last = after;
		do {
			UUID from = last;
			List<VectorRepository.Pending> batch = this.transactions.execute(tx -> embed(from, size));
			if (batch.isEmpty()) {
				break;
			}
			done += batch.size();
			last = batch.get(batch.size() - 1).bugId();
			pacing.afterDelivery();
		}
		while (!this.stopping && System.nanoTime() < until);
		return new Batch(true, done, last);
	}

	/**
	 * Ends the walk with the batch under way (at most
	 * {@link SentenceEncoder#CLOSE_WAIT}), before the sentence model closes (it is
	 * destroyed after this bean, which needs it).
	 */
	@Override
	public void destroy() throws InterruptedException {
		stop();
		this.worker.shutdown();
		if (!this.worker.awaitTermination(SentenceEncoder.CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
			this.worker.shutdownNow();
		}
	}

	/**
	 * No next batch once the application begins to stop (before Tomcat's graceful
	 * shutdown and the beans' destruction, which wait their turn): a stop ends the walk
	 * after the batch under way, not seconds later.
	 */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		this.stopping = true;
	}

	/** One batch after {@code after}, in its transaction: what it embedded. */
	private List<VectorRepository.Pending> embed(UUID after, int size) {
		int limit = Math.min(size, MAX_BATCH);
		if (!this.allQueued) {
			// none missing past the cursor once fewer than asked were: new bugs get their
			// row from the outbox
			this.allQueued = this.embeddings.queueMissing(after, limit) < limit;
		}
		List<VectorRepository.Pending> batch = this.vectors.claimOutdated(after, limit);
		this.embeddings.embed(batch);
		return batch;
	}

}
