package dev.fixpoint.triage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.accounts.SystemActor;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Embeds a bug's report and stores the vector (or why there is none). Runs after commit:
 * from the outbox consumer (its slow lane: one thread, never the notifications' workers)
 * and the embedding backfill, inside their transactions, never in the request that filed
 * the bug. A failure of the model itself is logged and stored as the reason, so a bug the
 * model cannot read never blocks the queue. With the model off
 * ({@code fixpoint.triage.enabled=false}) only the title is stored, under the model
 * {@link VectorRepository#NOT_EMBEDDED}: words find the bug, and the backfill embeds it
 * once a node runs the model.
 */
@Component
class Embeddings {

	private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

	/**
	 * Reports per run of the model: padded to the longest of them, a batch of 8 costs
	 * less CPU per report than one at a time (bench/README.md, "Triage").
	 */
	static final int BATCH = 8;

	private static final CurrentUser SYSTEM = new CurrentUser(SystemActor.SYSTEM.id(), null,
			SystemActor.SYSTEM.username(), SystemActor.SYSTEM.displayName());

	private final SentenceEncoder encoder;

	private final VectorRepository vectors;

	private final BugQueries bugs;

	private final ProjectAccess access;

	private final Clock clock;

	private final boolean enabled;

	Embeddings(SentenceEncoder encoder, VectorRepository vectors, BugQueries bugs, ProjectAccess access, Clock clock,
			TriageProperties properties) {
		this.encoder = encoder;
		this.vectors = vectors;
		this.bugs = bugs;
		this.access = access;
		this.clock = clock;
		this.enabled = properties.enabled();
	}

	/** Whether the sentence model runs on this node. */
	boolean enabled() {
		return this.enabled;
	}

	/** Embeds the bug as it is now; a bug deleted meanwhile is nothing to do. */
	void embed(UUID bugId, UUID projectId) {
		embed(List.of(new VectorRepository.Pending(bugId, projectId)));
	}

	/**
	 * Embeds these bugs as they are now, {@link #BATCH} reports per run of the model (the
	 * backfill, an imported batch); bugs deleted meanwhile are nothing to do.
	 */
	void embed(List<VectorRepository.Pending> pending) {
		List<Report> reports = new ArrayList<>();
		for (VectorRepository.Pending p : pending) {
			this.bugs.find(p.bugId(), this.access.asSystem(p.projectId(), SYSTEM, ProjectRole.VIEWER))
				.ifPresent(bug -> reports.add(new Report(bug, p.projectId(),
						TriageText.of(bug.title(), bug.description(), bug.stepsToReproduce()))));
		}
		if (!this.enabled) {
			reports.forEach(r -> this.vectors.saveTitle(r.bug.id(), r.projectId, r.bug.title(), Times.now(this.clock)));
			return;
		}
		// alike in length side by side: a batch is padded to its longest report
		List<Report> readable = reports.stream()
			.filter(r -> r.text.text().isPresent())
			.sorted(java.util.Comparator.comparingInt(r -> r.text.text().orElseThrow().text().length()))
			.toList();
		for (int from = 0; from < readable.size(); from += BATCH) {
			List<Report> batch = readable.subList(from, Math.min(readable.size(), from + BATCH));
			List<Optional<byte[]>> vectors = vectorsOf(batch);
			for (int i = 0; i < batch.size(); i++) {
				save(batch.get(i), vectors.get(i));
			}
		}
		reports.stream().filter(r -> r.text.text().isEmpty()).forEach(r -> save(r, Optional.empty()));
	}

	private void save(Report report, Optional<byte[]> vector) {
		String skipped = vector.isPresent() ? null : report.text.skipped() != null ? report.text.skipped()
				: "the model could not read this text (see the log)";
		if (vector.isEmpty()) {
			log.info("No embedding for {}: {}", report.bug.key(), skipped);
		}
		this.vectors.save(report.bug.id(), report.projectId, report.bug.title(), vector.orElse(null), skipped,
				Times.now(this.clock));
	}

	/**
	 * The vectors of a batch in one run of the model; when it fails, one by one, so one
	 * text the model cannot read leaves only itself without a vector.
	 */
	private List<Optional<byte[]>> vectorsOf(List<Report> batch) {
		if (batch.size() > 1) {
			try {
				return this.encoder.encode(batch.stream().map(r -> r.text.text().orElseThrow()).toList())
					.stream()
					.map(v -> Optional.of(Vectors.quantized(v)))
					.toList();
			}
			catch (SentenceEncoder.Closed ex) {
				throw ex;
			}
			catch (RuntimeException | LinkageError ex) {
				log.info("The sentence model failed on a batch of {} reports: embedding them one by one", batch.size());
			}
		}
		return batch.stream().map(r -> vectorOf(r.bug.key(), r.text.text().orElseThrow())).toList();
	}

	/** The titles of these bugs, queued for embedding: words find them at once. */
	void queue(List<UUID> bugIds) {
		this.vectors.queue(bugIds, Times.now(this.clock));
	}

	/**
	 * Up to {@code limit} bugs after {@code after} in id order that have no row yet,
	 * given their title's row, queued for embedding (the backfill): how many.
	 */
	int queueMissing(UUID after, int limit) {
		return this.vectors.queueMissing(after, limit, Times.now(this.clock));
	}

	/**
	 * An imported batch (no {@code BugCreated}), its titles already queued
	 * ({@link #queue}): each report still queued embedded, {@link #BATCH} per run of the
	 * model.
	 */
	void imported(UUID projectId, List<UUID> bugIds) {
		if (this.enabled) {
			embed(this.vectors.outdated(bugIds)
				.stream()
				.map(id -> new VectorRepository.Pending(id, projectId))
				.toList());
		}
	}

	private record Report(Bug bug, UUID projectId, TriageText.Outcome text) {
	}

	/** The vector of a report being written (the filing form), if it has words. */
	Optional<byte[]> query(String title, String description) {
		if (!this.enabled) {
			return Optional.empty();
		}
		try {
			return TriageText.of(title, description, null).text().flatMap(t -> vectorOf("a query", t));
		}
		catch (SentenceEncoder.Closed ex) {
			return Optional.empty(); // the application is stopping
		}
	}

	/**
	 * The vector of one text, empty if the model cannot read it; throws
	 * {@link SentenceEncoder.Closed} (nothing to store) while the application stops.
	 */
	private Optional<byte[]> vectorOf(String what, TriageText text) {
		try {
			return Optional.of(Vectors.quantized(this.encoder.encode(text)));
		}
		catch (SentenceEncoder.Closed ex) {
			throw ex;
		}
		catch (RuntimeException | LinkageError ex) {
			// LinkageError: ONNX Runtime's or the tokenizer's native library does not
			// load on this platform
			log.warn("The sentence model failed on {}", what, ex);
			return Optional.empty();
		}
	}

}
