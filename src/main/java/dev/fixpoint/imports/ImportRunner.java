package dev.fixpoint.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs import jobs: claims one (once across nodes), reads its file twice, streamed: first
 * to find its encoding (a byte order mark, else strict UTF-8, else Windows-1252) and
 * count its records (a broken file fails here, before anything is written), then to
 * translate the records and write them in batches ({@link ImportBatches}). A job claimed
 * again after its node stopped skips the records its committed batches covered.
 */
@Component
class ImportRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	/** This process; a job's heartbeat names it. */
	private final String node = "node-" + UUID.randomUUID();

	private final ImportJobRepository jobs;

	private final ImportBatches batches;

	private final ProjectAccess access;

	private final ProjectMembers members;

	private final Clock clock;

	private final JsonMapper json;

	private final TransactionTemplate tx;

	private final int batchSize;

	private final int writers;

	private final Duration staleAfter;

	private final RemoteSources remote;

	private final ImportAttachments attachments;

	private final ImportAudit audit;

	ImportRunner(ImportJobRepository jobs, ImportBatches batches, ProjectAccess access, ProjectMembers members,
			Clock clock, JsonMapper json, TransactionTemplate tx, RemoteSources remote, ImportAttachments attachments,
			@Value("${fixpoint.imports.batch-size:500}") int batchSize,
			@Value("${fixpoint.imports.writers:2}") int writers,
			@Value("${fixpoint.imports.stale-after:PT1M}") Duration staleAfter, ImportAudit audit) {
		this.audit = audit;
		this.remote = remote;
		this.attachments = attachments;
		this.jobs = jobs;
		this.batches = batches;
		this.access = access;
		this.members = members;
		this.clock = clock;
		this.json = json;
		this.tx = tx;
		this.batchSize = batchSize;
		this.writers = writers;
		this.staleAfter = staleAfter;
	}

	/**
	 * Claims the next job and runs it to its end.
	 * @return whether there was a job
	 */
	boolean runNext() {
		return runNext(Integer.MAX_VALUE);
	}

	/**
	 * Like {@link #runNext()}, but stops after {@code batches} batches as if the node had
	 * died there (tests of resuming).
	 */
	boolean runNext(int batches) {
		Instant now = Times.now(this.clock);
		Optional<UUID> claimed = this.tx.execute(s -> this.jobs.claim(this.node, now, now.minus(this.staleAfter)));
		if (claimed == null || claimed.isEmpty()) {
			return false;
		}
		run(claimed.get(), batches);
		return true;
	}

	private void run(UUID id, int maxBatches) {
		ImportJobRepository.JobRow job = this.jobs.find(id).orElseThrow();
		try {
			Charset charset = job.charset() != null ? Charset.forName(job.charset()) : null;
			if (job.total() == null) {
				charset = job.source().remote() ? countRemote(job) : count(job);
			}
			ImportState end = importRows(this.jobs.find(id).orElseThrow(), charset, maxBatches);
			if (end == ImportState.DONE && !job.dryRun()) {
				end = this.attachments.fetch(this.jobs.find(id).orElseThrow(), this.node);
			}
			if (end == ImportState.DONE && this.batches.complete(id, this.node, importer(job),
					job.source()) == ImportBatches.Outcome.WRITTEN) {
				if (!job.dryRun()) {
					// a dry run keeps its file for the run that follows it (Imports.run)
					this.jobs.dropFile(id);
				}
			}
			else if (end == ImportState.CANCELLED) {
				this.jobs.dropFile(id);
			}
		}
		catch (RowReader.BrokenFileException | RemoteHttp.RemoteException ex) {
			this.jobs.finish(id, ImportState.FAILED, ex.getMessage(), Times.now(this.clock));
		}
		catch (RuntimeException ex) {
			log.warn("Import {} failed", id, ex);
			this.jobs.finish(id, ImportState.FAILED, failure(ex), Times.now(this.clock));
		}
		this.audit.ended(id);
	}

	private static String failure(RuntimeException ex) {
		if (ex instanceof dev.fixpoint.platform.DomainException) {
			return ex.getMessage();
		}
		return "The import stopped on an unexpected error; the batches before it are imported, run it again to "
				+ "continue (the server's log has the details)";
	}

	/**
	 * An API source's first page: the number of issues (when the API tells), and
	 * credentials or an address that do not work fail here, before anything is written.
	 */
	private Charset countRemote(ImportJobRepository.JobRow job) {
		RowReader.Remote rows = new RowReader.Remote(this.remote.open(job), 0);
		Integer total = rows.total();
		this.jobs.counted(job.id(), total == null ? 0 : total, null);
		return StandardCharsets.UTF_8;
	}

	/** First pass: the encoding and the number of records. */
	private Charset count(ImportJobRepository.JobRow job) {
		Charset charset = declared(job).orElse(null);
		if (charset == null) {
			try (InputStream in = ExportFile.open(this.jobs, job.id())) {
				byte[] head = in.readNBytes(4096);
				charset = TextEncoding.sniff(head, head.length);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		if (charset == null) {
			try {
				charset = StandardCharsets.UTF_8;
				this.jobs.counted(job.id(), records(job, charset), charset.name());
				return charset;
			}
			catch (RowReader.BrokenFileException ex) {
				if (!isEncoding(ex)) {
					throw ex;
				}
				charset = TextEncoding.WINDOWS_1252;
			}
		}
		this.jobs.counted(job.id(), records(job, charset), charset.name());
		return charset;
	}

	private static Optional<Charset> declared(ImportJobRepository.JobRow job) {
		String encoding = job.mapping().encoding();
		if (encoding == null || encoding.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(encoding.equalsIgnoreCase("utf-16") ? StandardCharsets.UTF_16LE : Charset.forName(encoding));
	}

	private static boolean isEncoding(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof CharacterCodingException) {
				return true;
			}
		}
		return false;
	}

	private int records(ImportJobRepository.JobRow job, Charset charset) {
		int n = 0;
		try (RowReader rows = open(job, charset)) {
			while (rows.hasNext()) {
				rows.skip();
				if (++n % 10_000 == 0) {
					// a long first pass still shows this node alive
					this.jobs.heartbeat(job.id(), this.node, Times.now(this.clock));
				}
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return n;
	}

	private RowReader open(ImportJobRepository.JobRow job, Charset charset) throws IOException {
		InputStream in = TextEncoding.withoutBom(ExportFile.open(this.jobs, job.id()), charset);
		Reader reader = new BufferedReader(new InputStreamReader(in,
				charset.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)),
				1 << 16);
		return RowReader.open(reader, job.source().json(), this.json);
	}

	private Membership importer(ImportJobRepository.JobRow job) {
		return this.access.membership(job.projectId(), new CurrentUser(job.createdBy(), null, null, null));
	}

	/**
	 * Second pass: after the records already committed, batch by batch; a batch is
	 * written ({@link BatchPipeline}) while the next one is translated.
	 */
	private ImportState importRows(ImportJobRepository.JobRow job, Charset charset, int maxBatches) {
		Membership importer = importer(job);
		ImportReport report = job.report();
		RowTranslator translator = new RowTranslator(job.source(), job.mapping(), importer.project().workflow(),
				new People(this.members.list(job.projectId()), job.mapping().people()), job.createdBy(),
				job.createdAt(), report);
		ImportConnection origin = this.remote.origin(job);
		try (RowReader rows = job.source().remote() ? new RowReader.Remote(this.remote.open(job), job.processed())
				: open(job, charset);
				BatchPipeline pipeline = new BatchPipeline(this.writers, (batch, turn) -> this.batches.write(job.id(),
						this.node, importer, job.source(), batch, turn))) {
			for (int skip = 0; !job.source().remote() && skip < job.processed() && rows.hasNext(); skip++) {
				rows.skip();
			}
			ImportBatches.Outcome outcome = ImportBatches.Outcome.WRITTEN;
			int batchesHanded = 0;
			while (rows.hasNext() && outcome == ImportBatches.Outcome.WRITTEN) {
				ImportBatches.Batch batch = translate(translator, rows, report, origin);
				if (batchesHanded++ == maxBatches) {
					ImportBatches.Outcome last = pipeline.await();
					return last == ImportBatches.Outcome.WRITTEN ? ImportState.RUNNING : end(job, last);
				}
				outcome = pipeline.hand(batch);
			}
			if (outcome == ImportBatches.Outcome.WRITTEN) {
				outcome = pipeline.await();
			}
			else {
				try {
					pipeline.await();
				}
				catch (RuntimeException ex) {
					// a batch after the one that was not written: rolled back, whatever
					// stopped it
				}
			}
			return end(job, outcome);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The next batch: up to {@code batchSize} records, with the report as it is now. */
	private ImportBatches.Batch translate(RowTranslator translator, RowReader rows, ImportReport report,
			ImportConnection origin) {
		List<dev.fixpoint.bugs.ImportedBug> bugs = new ArrayList<>();
		List<dev.fixpoint.bugs.BugImport.Link> links = new ArrayList<>();
		List<RowTranslator.Attachment> files = new ArrayList<>();
		List<ImportWarning> warnings = new ArrayList<>();
		int inBatch = 0;
		while (inBatch < this.batchSize && rows.hasNext()) {
			RowTranslator.Translated t = translator.translate(rows.next());
			if (t.bug() != null) {
				bugs.add(t.bug());
				links.addAll(t.links());
				files.addAll(t.attachments());
			}
			warnings.addAll(t.warnings());
			inBatch++;
		}
		// a copy: the translator goes on counting the next batch into the report
		// meanwhile
		return new ImportBatches.Batch(inBatch, bugs, links, files, warnings, report.copy(), origin);
	}

	/**
	 * The job's state after its batches: a cancelled job is marked so once none of its
	 * batches is in flight any more.
	 */
	private ImportState end(ImportJobRepository.JobRow job, ImportBatches.Outcome outcome) {
		if (outcome == ImportBatches.Outcome.CANCELLED) {
			outcome = this.batches.cancel(job.id(), this.node);
		}
		return switch (outcome) {
			case WRITTEN -> ImportState.DONE;
			case CANCELLED -> ImportState.CANCELLED;
			case LOST -> ImportState.RUNNING;
		};
	}

}
