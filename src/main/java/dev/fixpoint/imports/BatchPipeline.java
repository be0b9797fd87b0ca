package dev.fixpoint.imports;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.fixpoint.bugs.BugImport;

/**
 * Writes a job's batches on writer threads of their own while the runner translates the
 * next batch: the database indexes batches while Java parses and converts the next
 * (bench/imports/README.md). With two writers (the default, {@code
 * fixpoint.imports.writers}) two consecutive batches are written side by side, each in
 * its own transaction on its own connection, so both cores of a small machine work on the
 * database at once.
 * <p>
 * The batches still commit in the file's order: a batch does its work, then waits for the
 * one before it to commit before it locks the job and commits itself ({@link Turn}), so
 * the job's progress is always "every record up to N committed" and a job stopped or
 * resumed at any point has exactly its committed batches, as with one writer. A batch
 * whose predecessor was not written (cancelled, lost, failed) rolls back. At most
 * {@code writers} batches are in flight; a batch that names an original id of a batch
 * still in flight waits for it (the later row updates the bug the earlier one filed, as
 * one writer would have done, and two transactions never wait on each other's rows). The
 * bugs' numbers are drawn batch by batch in the file's order ({@link BugImport.Turn}). A
 * batch that fails ends the job with its exception, rethrown on the runner's thread.
 */
final class BatchPipeline implements AutoCloseable {

	/** Writes one batch, in its turn. */
	interface Writer {

		ImportBatches.Outcome write(ImportBatches.Batch batch, Turn turn);

	}

	/**
	 * A batch's place in the order: the batch before it (its outcome once it committed or
	 * rolled back) and who draws bug numbers first.
	 */
	static final class Turn implements BugImport.Turn {

		private static final Turn FIRST = new Turn(CompletableFuture.completedFuture(ImportBatches.Outcome.WRITTEN),
				new CountDownLatch(0));

		private final Future<ImportBatches.Outcome> before;

		private final CountDownLatch beforeNumbered;

		private final CountDownLatch numbered = new CountDownLatch(1);

		private Turn(Future<ImportBatches.Outcome> before, CountDownLatch beforeNumbered) {
			this.before = before;
			this.beforeNumbered = beforeNumbered;
		}

		/** A turn for a batch written alone (no batch before it in flight). */
		static Turn alone() {
			return new Turn(FIRST.before, FIRST.beforeNumbered);
		}

		/**
		 * Waits until the batch before this one committed or rolled back.
		 * @return whether it was written (committed)
		 */
		boolean beforeWritten() {
			try {
				return this.before.get() == ImportBatches.Outcome.WRITTEN;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
			catch (ExecutionException ex) {
				return false;
			}
		}

		@Override
		public void awaitNumbers() {
			try {
				this.beforeNumbered.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("The import was interrupted while a batch was written", ex);
			}
		}

		@Override
		public void numbered() {
			this.numbered.countDown();
		}

	}

	private record InFlight(Set<String> ids, CompletableFuture<ImportBatches.Outcome> done, Turn turn) {
	}

	private final ExecutorService writers;

	private final int width;

	private final Writer write;

	private final Deque<InFlight> inFlight = new ArrayDeque<>();

	BatchPipeline(int writers, Writer write) {
		this.width = Math.max(1, writers);
		this.writers = Executors.newFixedThreadPool(this.width,
				Thread.ofPlatform().name("imports-writer-", 1).daemon().factory());
		this.write = write;
	}

	/**
	 * Starts writing this batch once there is room (and once every batch in flight that
	 * shares an original id with it is done).
	 * @return what became of the batches it waited for ({@code WRITTEN} when all were
	 * written, or none): when one was not, {@code batch} is not started
	 */
	ImportBatches.Outcome hand(ImportBatches.Batch batch) {
		Set<String> ids = new HashSet<>();
		batch.bugs().forEach(b -> ids.add(b.originalId()));
		while (!this.inFlight.isEmpty() && (this.inFlight.size() >= this.width || overlaps(ids))) {
			ImportBatches.Outcome oldest = awaitOldest();
			if (oldest != ImportBatches.Outcome.WRITTEN) {
				return oldest;
			}
		}
		InFlight last = this.inFlight.peekLast();
		Turn turn = last == null ? Turn.alone() : new Turn(last.done(), last.turn().numbered);
		CompletableFuture<ImportBatches.Outcome> done = new CompletableFuture<>();
		this.writers.execute(() -> {
			try {
				done.complete(this.write.write(batch, turn));
			}
			catch (Throwable ex) {
				done.completeExceptionally(ex);
			}
			finally {
				// the next batch draws its numbers even when this one never got to
				turn.numbered();
			}
		});
		this.inFlight.addLast(new InFlight(ids, done, turn));
		return ImportBatches.Outcome.WRITTEN;
	}

	private boolean overlaps(Set<String> ids) {
		for (InFlight f : this.inFlight) {
			for (String id : ids) {
				if (f.ids().contains(id)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Waits for every batch in flight, in order: what became of them ({@code WRITTEN}
	 * when all were written, else the first that was not).
	 */
	ImportBatches.Outcome await() {
		while (!this.inFlight.isEmpty()) {
			ImportBatches.Outcome oldest = awaitOldest();
			if (oldest != ImportBatches.Outcome.WRITTEN) {
				return oldest;
			}
		}
		return ImportBatches.Outcome.WRITTEN;
	}

	private ImportBatches.Outcome awaitOldest() {
		InFlight oldest = this.inFlight.removeFirst();
		try {
			return oldest.done().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("The import was interrupted while a batch was written", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Waits for the batches being written (even when the runner stops on an error: those
	 * after a failed one roll back).
	 */
	@Override
	public void close() {
		this.writers.close();
	}

}
