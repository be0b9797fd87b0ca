package dev.fixpoint.bugs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.fixpoint.accounts.SystemActor;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.workflow.StatusCategory;
import dev.fixpoint.workflow.Workflow;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bugs brought in from another tracker, a batch at a time: the bulk entry point of the
 * imports module. One batch is a few statements whatever its size (the existing bugs of
 * the batch, one multi-row insert with the numbers from the project's sequence, the
 * updates, one history insert), in the caller's transaction, so a batch commits whole.
 * <p>
 * Unlike filing ({@link BugManagement#report}) an import keeps the source's dates,
 * notifies nobody (no {@link BugCreated}, no mentions: no outbox rows), watches nothing
 * and starts no SLA clock (a years-old open bug would breach at once); it publishes
 * {@link ImportedBugsChanging} before a re-run's updates and {@link BugsImported} after,
 * for the rollups. The full-text vector is the row's generated column, as for every bug,
 * its comments' part stored with it. A bug is identified by (source, original id): a
 * re-run updates the fields and keeps the number, never files it twice. Its history entry
 * ("imported from Jira WEB-123") is the import's ({@code SystemActor.IMPORT}), dated when
 * the source filed it. The job that filed a bug is kept, so the job can be undone
 * ({@link #undo}) while none of its bugs changed since.
 */
@Service
public class BugImport {

	private static final Pattern SOURCE = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

	private final BugImportRepository bugs;

	private final ApplicationEventPublisher events;

	BugImport(BugImportRepository bugs, ApplicationEventPublisher events) {
		this.bugs = bugs;
		this.events = events;
	}

	/** What a batch did. */
	public record Written(int created, int updated, Map<String, UUID> ids) {
	}

	/**
	 * A batch's turn among batches of one job written side by side: the batch waits for
	 * the one before it to draw its bug numbers, then draws its own, so the numbers
	 * follow the file batch by batch. It waits before taking the project's import lock,
	 * so it never holds that lock while it waits.
	 */
	public interface Turn {

		/** A batch written alone: nothing to wait for. */
		Turn ALONE = new Turn() {
			@Override
			public void awaitNumbers() {
			}

			@Override
			public void numbered() {
			}
		};

		/** Waits until the batch before this one drew its numbers (or ended). */
		void awaitNumbers();

		/** This batch drew its numbers (or has none to draw). */
		void numbered();

	}

	/** {@link #write(Membership, String, String, UUID, List, Turn)} for a batch alone. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Written write(Membership importer, String source, String label, UUID jobId, List<ImportedBug> batch) {
		return write(importer, source, label, jobId, batch, Turn.ALONE);
	}

	/**
	 * Writes a batch: files the bugs the project does not have from this source yet,
	 * updates the others. Requires a project admin (the importer) and a transaction.
	 * @param source the source's name ({@code jira}, {@code linear}, {@code csv})
	 * @param label how the history names it ("imported from Jira WEB-123")
	 * @param turn when to draw the new bugs' numbers
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Written write(Membership importer, String source, String label, UUID jobId, List<ImportedBug> batch,
			Turn turn) {
		importer.require(ProjectAction.MANAGE_PROJECT);
		if (!SOURCE.matcher(source).matches()) {
			throw InvalidInputException.of("source", "is not a source name");
		}
		Workflow workflow = importer.project().workflow();
		for (ImportedBug bug : batch) {
			check(workflow, bug);
		}
		UUID projectId = importer.projectId();
		turn.awaitNumbers();
		this.bugs.shareProjectImports(projectId);
		Map<String, ImportedBug> unique = new LinkedHashMap<>();
		batch.forEach(bug -> unique.put(bug.originalId(), bug));
		Map<String, UUID> existing = this.bugs.findImported(projectId, source, unique.keySet());
		List<BugImportRepository.Row> inserts = new ArrayList<>();
		List<BugImportRepository.Row> updates = new ArrayList<>();
		Map<String, UUID> ids = new LinkedHashMap<>(existing);
		for (ImportedBug bug : unique.values()) {
			UUID id = existing.get(bug.originalId());
			BugImportRepository.Row row = BugImportRepository.Row.of(
					id == null ? dev.fixpoint.platform.Ids.newId() : id, bug,
					workflow.categoryOf(bug.status()) == StatusCategory.DONE, "closed".equals(bug.status()));
			(id == null ? inserts : updates).add(row);
			ids.putIfAbsent(bug.originalId(), row.id());
		}
		// only the bugs the source changed are written again (and recounted)
		List<UUID> updated = this.bugs.changed(updates);
		if (!updated.isEmpty()) {
			this.events.publishEvent(new ImportedBugsChanging(projectId, updated));
			java.util.Set<UUID> changed = new java.util.HashSet<>(updated);
			this.bugs.update(updates.stream().filter(row -> changed.contains(row.id())).toList());
		}
		long[] numbers = this.bugs.numbers(projectId, inserts.size());
		turn.numbered();
		this.bugs.insert(projectId, source, jobId, inserts, numbers);
		this.bugs.history(inserts, SystemActor.IMPORT.id(), label);
		if (!inserts.isEmpty() || !updated.isEmpty()) {
			List<UUID> all = new ArrayList<>(inserts.stream().map(BugImportRepository.Row::id).toList());
			all.addAll(updated);
			this.events.publishEvent(new BugsImported(projectId, all));
		}
		return new Written(inserts.size(), updates.size(), ids);
	}

	/**
	 * A link the source recorded between two of its issues.
	 *
	 * @param fromId the original id of the bug it was recorded on
	 * @param kind {@code duplicates} (this bug is a duplicate of the target),
	 * {@code duplicated_by} (the target is a duplicate of this bug), or the source's word
	 * for another link ({@code relates to}, {@code blocks})
	 * @param targetKey the target's original key ({@code WEB-7}) or id
	 */
	public record Link(String fromId, String kind, String targetKey) {
	}

	/**
	 * Writes the links of an import once all its bugs are written (a link may point
	 * further down the file): a duplicate sets {@code duplicate_of} (unless it points
	 * elsewhere already), any other link becomes a {@code linked} history entry of the
	 * import. Targets are looked up among the project's bugs from {@code source} by their
	 * original key or id; a link to an issue that was not imported is kept as text.
	 * @return how many links were written
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int link(Membership importer, String source, List<Link> links) {
		importer.require(ProjectAction.MANAGE_PROJECT);
		if (links.isEmpty()) {
			return 0;
		}
		return this.bugs.link(importer.projectId(), source, links, SystemActor.IMPORT.id());
	}

	/**
	 * Deletes the bugs the import job filed (with their comments and history), when none
	 * of them changed since: no edit, comment or history entry other than the import's.
	 * Bugs the job only updated stay as they are.
	 * @return how many bugs were deleted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int undo(Membership importer, UUID jobId) {
		importer.require(ProjectAction.MANAGE_PROJECT);
		UUID projectId = importer.projectId();
		this.bugs.lockProjectImports(projectId);
		java.util.Optional<String> changed = this.bugs.changedSinceImport(projectId, jobId, SystemActor.IMPORT.id());
		if (changed.isPresent()) {
			throw dev.fixpoint.platform.ConflictException
				.because(changed.get() + " changed since it was imported: the import can no longer be undone");
		}
		List<UUID> ids = this.bugs.filedBy(projectId, jobId);
		if (ids.isEmpty()) {
			return 0;
		}
		this.events.publishEvent(new ImportedBugsChanging(projectId, ids));
		return this.bugs.delete(projectId, jobId);
	}

	/** Ids of bugs this project imported from {@code source}, by original id. */
	@Transactional(readOnly = true)
	public Map<String, UUID> imported(UUID projectId, String source, Collection<String> originalIds) {
		return this.bugs.findImported(projectId, source, originalIds);
	}

	private static void check(Workflow workflow, ImportedBug bug) {
		if (workflow.status(bug.status()).isEmpty()) {
			throw InvalidInputException.of("status", "'" + bug.status() + "' is not a status of the workflow");
		}
		if (bug.title().isBlank() || bug.title().length() > BugRules.TITLE_MAX) {
			throw InvalidInputException.of("title", "must be 1 to " + BugRules.TITLE_MAX + " characters");
		}
		if (bug.description().length() > BugRules.TEXT_MAX) {
			throw InvalidInputException.of("description", "must be at most " + BugRules.TEXT_MAX + " characters");
		}
		if (bug.tags().size() > BugRules.MAX_TAGS) {
			throw InvalidInputException.of("tags", "at most " + BugRules.MAX_TAGS + " tags");
		}
	}

}
