package dev.fixpoint.imports;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Writes a job's batches on a thread of their own, one at a time and in order, while the
 * runner translates the next batch: the database indexes one batch while Java parses and
 * converts the next, instead of each waiting for the other (bench/imports/README.md). At
 * most one batch is being written and one translated; the runner hands a batch over only
 * once the one before it is committed, so a job stopped or resumed at any point has
 * exactly its committed batches, as before. A batch that fails ends the job with its
 * exception, rethrown on the runner's thread.
 */
final class BatchPipeline implements AutoCloseable {

	private final ExecutorService writer = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("imports-writer").daemon().factory());

	private final Function<ImportBatches.Batch, ImportBatches.Outcome> write;

	private Future<ImportBatches.Outcome> pending;

	BatchPipeline(Function<ImportBatches.Batch, ImportBatches.Outcome> write) {
		this.write = write;
	}

	/**
	 * Waits for the batch before, then starts writing this one.
	 * @return what became of the batch before ({@code WRITTEN} when there was none): when
	 * it was not written, {@code batch} is not started either
	 */
	ImportBatches.Outcome hand(ImportBatches.Batch batch) {
		ImportBatches.Outcome before = await();
		if (before == ImportBatches.Outcome.WRITTEN) {
			this.pending = this.writer.submit(() -> this.write.apply(batch));
		}
		return before;
	}

	/** Waits for the batch being written, if any: what became of it. */
	ImportBatches.Outcome await() {
		Future<ImportBatches.Outcome> last = this.pending;
		this.pending = null;
		if (last == null) {
			return ImportBatches.Outcome.WRITTEN;
		}
		try {
			return last.get();
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

	/** Waits for the batch being written (even when the runner stops on an error). */
	@Override
	public void close() {
		this.writer.close();
	}

}
