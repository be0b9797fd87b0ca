package dev.fixpoint.triage;

import java.time.Clock;
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
 * from the outbox consumer and the embedding backfill, inside their transactions, never
 * in the request that filed the bug. A failure of the model itself is logged and stored
 * as the reason, so a bug the model cannot read never blocks the queue. With the model
 * off ({@code fixpoint.triage.enabled=false}) only the title is stored, under the model
 * {@link VectorRepository#NOT_EMBEDDED}: words find the bug, and the backfill embeds it
 * once a node runs the model.
 */
@Component
class Embeddings {

	private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

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
		Optional<Bug> found = this.bugs.find(bugId, this.access.asSystem(projectId, SYSTEM, ProjectRole.VIEWER));
		if (found.isEmpty()) {
			return; // deleted before its turn: nothing to embed
		}
		Bug bug = found.get();
		if (!this.enabled) {
			this.vectors.saveTitle(bugId, projectId, bug.title(), Times.now(this.clock));
			return;
		}
		TriageText.Outcome text = TriageText.of(bug.title(), bug.description(), bug.stepsToReproduce());
		Optional<byte[]> vector = text.text().flatMap(t -> vectorOf(bug.key(), t));
		String skipped = vector.isPresent() ? null
				: text.skipped() != null ? text.skipped() : "the model could not read this text (see the log)";
		if (vector.isEmpty()) {
			log.info("No embedding for {}: {}", bug.key(), skipped);
		}
		this.vectors.save(bugId, projectId, bug.title(), vector.orElse(null), skipped, Times.now(this.clock));
	}

	/**
	 * An imported batch (no {@code BugCreated}): the titles at once (one statement, words
	 * find them), then each report embedded, all in the outbox delivery's transaction.
	 */
	void imported(UUID projectId, java.util.List<UUID> bugIds) {
		this.vectors.queue(bugIds, Times.now(this.clock));
		if (this.enabled) {
			bugIds.forEach(id -> embed(id, projectId));
		}
	}

	/** The vector of a report being written (the filing form), if it has words. */
	Optional<byte[]> query(String title, String description) {
		if (!this.enabled) {
			return Optional.empty();
		}
		return TriageText.of(title, description, null).text().flatMap(t -> vectorOf("a query", t));
	}

	private Optional<byte[]> vectorOf(String what, TriageText text) {
		try {
			return Optional.of(Vectors.quantized(this.encoder.encode(text)));
		}
		catch (RuntimeException | LinkageError ex) {
			// LinkageError: ONNX Runtime's or the tokenizer's native library does not
			// load on this platform
			log.warn("The sentence model failed on {}", what, ex);
			return Optional.empty();
		}
	}

}
