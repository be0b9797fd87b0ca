package dev.fixpoint.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.bugs.BugImport;
import dev.fixpoint.bugs.Priority;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectMembers;
import dev.fixpoint.workflow.Workflow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * The use cases of imports, for project admins: start one (the file stored, the job
 * queued; a node's import thread runs it), follow it, cancel it, download its warnings.
 * Anyone who is not a member of the project gets 404, a member who is not an admin 403.
 */
@Service
public class Imports {

	/** The warnings an import shows; all of them are in the CSV download. */
	static final int SHOWN_WARNINGS = 100;

	private final ImportJobRepository jobs;

	private final ProjectAccess access;

	private final ObjectProvider<ImportWorker> worker;

	private final Clock clock;

	private final long maxBytes;

	private final BugImport bugs;

	private final ProjectMembers members;

	private final ImportPreviews previews;

	private final RemoteSources remote;

	private final ImportAudit audit;

	private final java.time.Duration staleAfter;

	Imports(ImportJobRepository jobs, ProjectAccess access, ObjectProvider<ImportWorker> worker, Clock clock,
			@Value("${fixpoint.imports.max-size:1GB}") DataSize maxSize, BugImport bugs, ProjectMembers members,
			ImportPreviews previews, RemoteSources remote, ImportAudit audit,
			@Value("${fixpoint.imports.stale-after:PT1M}") java.time.Duration staleAfter) {
		this.audit = audit;
		this.staleAfter = staleAfter;
		this.previews = previews;
		this.remote = remote;
		this.jobs = jobs;
		this.access = access;
		this.worker = worker;
		this.clock = clock;
		this.maxBytes = maxSize.toBytes();
		this.bugs = bugs;
		this.members = members;
	}

	/**
	 * Queues an import of {@code file} (streamed into the database in pieces, never held
	 * in memory).
	 */
	@Transactional
	public ImportJob start(String projectRef, CurrentUser user, String source, boolean dryRun, ImportMapping mapping,
			String filename, InputStream file) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		ImportSource parsed = ImportSource.parse(source)
			.filter(s -> !s.remote())
			.orElseThrow(() -> InvalidInputException.of("source",
					"must be one of jira_csv, linear_csv, csv, json (jira_api, redmine_api, github_api and "
							+ "gitlab_api are sent as JSON with a connection)"));
		ImportMapping checked = check(mapping == null ? ImportMapping.none() : mapping, admin.project().workflow());
		checkStandIn(checked, admin);
		UUID id = Ids.newId();
		String name = filename == null || filename.isBlank() ? "upload" : filename.strip();
		this.jobs.insert(ImportJobRepository.JobRow.queued(id, admin.projectId(), user.id(), parsed, dryRun, checked,
				name.length() > 255 ? name.substring(0, 255) : name, Times.now(this.clock)));
		this.jobs.storeFile(id, file, this.maxBytes);
		this.audit.started(admin, id);
		wakeAfterCommit();
		return view(this.jobs.find(id).orElseThrow());
	}

	/**
	 * Queues an import read from another tracker's REST API: its connection stored, the
	 * token sealed until the job ends; nothing is fetched before the job runs.
	 */
	@Transactional
	public ImportJob connect(String projectRef, CurrentUser user, String source, boolean dryRun, ImportMapping mapping,
			ImportConnection connection, String token) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		ImportSource parsed = ImportSource.parse(source)
			.filter(ImportSource::remote)
			.orElseThrow(() -> InvalidInputException.of("source",
					"must be one of jira_api, redmine_api, github_api, gitlab_api"));
		checkConnection(parsed, connection, token);
		ImportMapping given = mapping == null ? ImportMapping.none() : mapping;
		if (parsed == ImportSource.JIRA_API && given.baseUrl() == null) {
			// each bug links back to its issue (/browse/WEB-1)
			given = given.withBaseUrl(connection.url().strip());
		}
		ImportMapping checked = check(given, admin.project().workflow());
		checkStandIn(checked, admin);
		UUID id = Ids.newId();
		String name = parsed.label() + " " + connection.scope().strip();
		this.jobs.insert(ImportJobRepository.JobRow.queued(id, admin.projectId(), user.id(), parsed, dryRun, checked,
				name.length() > 255 ? name.substring(0, 255) : name, Times.now(this.clock)));
		this.jobs.connect(id, connection, this.remote.seal(token.strip()));
		this.audit.started(admin, id);
		wakeAfterCommit();
		return view(this.jobs.find(id).orElseThrow());
	}

	private static void checkConnection(ImportSource source, ImportConnection c, String token) {
		List<FieldError> errors = new ArrayList<>();
		boolean urlRequired = !source.labelled();
		if (c == null) {
			throw InvalidInputException.of("connection", "is required: url, user, scope");
		}
		if (c.url() != null && !c.url().isBlank() && !c.url().matches("^https?://[^\\s]{1,500}$")
				|| urlRequired && (c.url() == null || c.url().isBlank())) {
			errors.add(new FieldError("connection.url", "must be the tracker's http(s) address"));
		}
		if (c.scope() == null || c.scope().isBlank() || c.scope().length() > 1000) {
			errors.add(new FieldError("connection.scope", switch (source) {
				case JIRA_API -> "must be a project key or a JQL query";
				case REDMINE_API -> "must be a project identifier";
				case GITLAB_API -> "must be the project's path (group/project) or id";
				default -> "must be owner/repository";
			}));
		}
		else if (source == ImportSource.GITHUB_API && !c.scope().strip().matches("^[\\w.-]+/[\\w.-]+$")) {
			errors.add(new FieldError("connection.scope", "must be owner/repository"));
		}
		else if (source == ImportSource.GITLAB_API && !c.scope().strip().matches("^([0-9]+|[\\w.-]+(/[\\w.-]+)+)$")) {
			errors.add(new FieldError("connection.scope", "must be the project's path (group/project) or id"));
		}
		if (token == null || token.isBlank() || token.length() > 2000) {
			errors.add(new FieldError("token", "is required: the API token or key"));
		}
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
	}

	private void wakeAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Imports.this.worker.ifAvailable(ImportWorker::wake);
			}
		});
	}

	/**
	 * Runs what a finished dry run showed: a new job with the dry run's file and mapping
	 * (the file moves to it; no second upload).
	 */
	@Transactional
	public ImportJob run(UUID dryRunId, CurrentUser user) {
		ImportJobRepository.JobRow dryRun = admin(dryRunId, user);
		if (!dryRun.dryRun() || dryRun.state() != ImportState.DONE) {
			throw ConflictException.because("Only a finished dry run can be run; start a new import instead");
		}
		UUID id = Ids.newId();
		this.jobs.insert(ImportJobRepository.JobRow.queued(id, dryRun.projectId(), user.id(), dryRun.source(), false,
				dryRun.mapping(), dryRun.filename(), Times.now(this.clock)));
		if (!(dryRun.source().remote() ? this.jobs.moveConnection(dryRunId, id) : this.jobs.moveFile(dryRunId, id))) {
			throw ConflictException.because("This dry run's file was already imported; start a new import instead");
		}
		this.audit.started(this.access.membership(dryRun.projectId(), user), id);
		wakeAfterCommit();
		return view(this.jobs.find(id).orElseThrow());
	}

	/**
	 * The first rows of a job's file as the import makes them (while the file is kept: a
	 * dry run's until it is run), for the wizard's mapping step.
	 */
	@Transactional(readOnly = true)
	public ImportPreview preview(UUID id, CurrentUser user, int rows) {
		ImportJobRepository.JobRow job = admin(id, user);
		Membership admin = this.access.membership(job.projectId(), user);
		return this.previews.preview(job, admin.project().workflow(), Math.min(Math.max(rows, 1), 50));
	}

	/** The mapping a job runs with. */
	@Transactional(readOnly = true)
	public ImportMapping mappingOf(UUID id, CurrentUser user) {
		return admin(id, user).mapping();
	}

	/**
	 * A finished dry run again with another mapping: a new dry run with the same file
	 * (moved to it) and the source's address, time zone and encoding the first one had
	 * unless the new mapping names them.
	 */
	@Transactional
	public ImportJob remap(UUID dryRunId, ImportMapping mapping, CurrentUser user) {
		ImportJobRepository.JobRow dryRun = admin(dryRunId, user);
		Membership admin = this.access.membership(dryRun.projectId(), user);
		if (!dryRun.dryRun() || dryRun.state() != ImportState.DONE) {
			throw ConflictException.because("Only a finished dry run can be mapped again; start a new import instead");
		}
		ImportMapping old = dryRun.mapping();
		ImportMapping merged = new ImportMapping(merge(old.fields(), mapping.fields()),
				merge(old.statuses(), mapping.statuses()), merge(old.priorities(), mapping.priorities()),
				merge(old.severities(), mapping.severities()), merge(old.people(), mapping.people()),
				mapping.baseUrl() != null ? mapping.baseUrl() : old.baseUrl(),
				mapping.timeZone() != null ? mapping.timeZone() : old.timeZone(),
				mapping.encoding() != null ? mapping.encoding() : old.encoding(), mapping.unknownPerson());
		ImportMapping checked = check(merged, admin.project().workflow());
		checkStandIn(checked, admin);
		UUID id = Ids.newId();
		this.jobs.insert(ImportJobRepository.JobRow.queued(id, dryRun.projectId(), user.id(), dryRun.source(), true,
				checked, dryRun.filename(), Times.now(this.clock)));
		if (!(dryRun.source().remote() ? this.jobs.moveConnection(dryRunId, id) : this.jobs.moveFile(dryRunId, id))) {
			throw ConflictException.because("This dry run's file was already imported; start a new import instead");
		}
		this.audit.started(this.access.membership(dryRun.projectId(), user), id);
		wakeAfterCommit();
		return view(this.jobs.find(id).orElseThrow());
	}

	/**
	 * Deletes the bugs a finished import filed (with the comments and history it wrote),
	 * while none of them changed since; its job stays, marked undone. Bugs it only
	 * updated (a re-run) keep their values.
	 */
	@Transactional
	public ImportJob undo(UUID id, CurrentUser user) {
		ImportJobRepository.JobRow job = admin(id, user);
		Membership admin = this.access.membership(job.projectId(), user);
		job = this.jobs.lock(id).orElseThrow(() -> NotFoundException.of("Import"));
		if (job.dryRun() || job.state() != ImportState.DONE) {
			throw ConflictException.because("Only a finished import (not a dry run) can be undone");
		}
		this.bugs.undo(admin, id);
		this.jobs.forgetAttachments(id);
		this.jobs.undone(id);
		return view(this.jobs.find(id).orElseThrow());
	}

	@Transactional(readOnly = true)
	public ImportJob find(UUID id, CurrentUser user) {
		return view(admin(id, user));
	}

	/** Stops a job: a queued one at once, a running one before its next batch. */
	@Transactional
	public ImportJob cancel(UUID id, CurrentUser user) {
		ImportJobRepository.JobRow job = admin(id, user);
		if (this.jobs.requestCancel(id, Times.now(this.clock))) {
			this.audit.cancelled(this.access.membership(job.projectId(), user), id);
		}
		return view(this.jobs.find(id).orElseThrow());
	}

	/**
	 * Whether an import job is writing rows now, on any node (running, its node's
	 * heartbeat younger than {@code fixpoint.imports.stale-after}): background work that
	 * would compete with it for the machine (embedding imported bugs, a backfill) can
	 * wait until this is false. No access check: it tells nothing about any project.
	 */
	@Transactional(readOnly = true)
	public boolean running() {
		return this.jobs.anyRunning(Times.now(this.clock).minus(this.staleAfter));
	}

	/** The project's latest imports, newest first. */
	@Transactional(readOnly = true)
	public List<ImportJob> recent(String projectRef, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		return this.jobs.recent(admin.projectId(), 20).stream().map(this::view).toList();
	}

	/** Every warning of a job as CSV: line, original key, message. */
	@Transactional(readOnly = true)
	public void writeWarnings(UUID id, CurrentUser user, Writer out) throws IOException {
		admin(id, user);
		// not closed: the caller owns the writer
		CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
		csv.printRecord("line", "original", "warning");
		for (ImportWarning w : this.jobs.warnings(id, Integer.MAX_VALUE)) {
			csv.printRecord(w.line(), w.original(), w.message());
		}
		csv.flush();
	}

	private ImportJobRepository.JobRow admin(UUID id, CurrentUser user) {
		ImportJobRepository.JobRow job = this.jobs.find(id).orElseThrow(() -> NotFoundException.of("Import"));
		this.access.membership(job.projectId(), user).require(ProjectAction.MANAGE_PROJECT);
		return job;
	}

	private ImportJob view(ImportJobRepository.JobRow job) {
		Double rate = null;
		Long eta = null;
		if (job.startedAt() != null && job.processed() > 0) {
			Instant end = job.finishedAt() != null ? job.finishedAt() : Times.now(this.clock);
			double seconds = Math.max(Duration.between(job.startedAt(), end).toMillis(), 1) / 1000.0;
			rate = Math.round(job.processed() / seconds * 10) / 10.0;
			if (job.total() != null && !job.state().finished() && rate > 0) {
				eta = (long) Math.ceil((job.total() - job.processed()) / rate);
			}
		}
		return new ImportJob(job.id(), job.projectId(), job.source(), job.dryRun(), job.filename(), job.sizeBytes(),
				job.charset(), job.state(), job.total(), job.processed(), job.created(), job.updated(), job.skipped(),
				job.comments(), job.links(), job.attachments(), job.warningCount(),
				this.jobs.warnings(job.id(), SHOWN_WARNINGS), job.report(), job.error(), job.cancelRequested(),
				job.createdAt(), job.startedAt(), job.finishedAt(), rate, eta);
	}

	/** Every value the mapping names must be one of this project's. */
	private static ImportMapping check(ImportMapping mapping, Workflow workflow) {
		List<FieldError> errors = new ArrayList<>();
		mapping.statuses().forEach((from, to) -> {
			if (workflow.status(to).isEmpty()) {
				errors.add(new FieldError("mapping.statuses." + from, "'" + to + "' is not a status of the workflow"));
			}
		});
		mapping.priorities().forEach((from, to) -> {
			if (Priority.parse(to).isEmpty()) {
				errors.add(new FieldError("mapping.priorities." + from, "must be one of P0, P1, P2, P3"));
			}
		});
		mapping.severities().forEach((from, to) -> {
			if (Severity.parse(to).isEmpty()) {
				errors.add(new FieldError("mapping.severities." + from, "must be one of critical, high, medium, low"));
			}
		});
		if (mapping.timeZone() != null && !ZoneId.getAvailableZoneIds().contains(mapping.timeZone())
				&& !"UTC".equals(mapping.timeZone())) {
			errors.add(new FieldError("mapping.time_zone", "is not a time zone (e.g. Europe/Berlin)"));
		}
		if (mapping.encoding() != null && !mapping.encoding().isBlank() && !supported(mapping.encoding())) {
			errors.add(new FieldError("mapping.encoding", "must be UTF-8, UTF-16 or windows-1252"));
		}
		if (mapping.baseUrl() != null && !mapping.baseUrl().matches("^https?://\\S+$")) {
			errors.add(new FieldError("mapping.base_url", "must be an http(s) URL"));
		}
		for (Map.Entry<String, String> field : mapping.fields().entrySet()) {
			if (field.getValue() == null || field.getValue().isBlank()) {
				errors.add(new FieldError("mapping.fields." + field.getKey(), "must name a column"));
			}
		}
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
		return mapping;
	}

	private static Map<String, String> merge(Map<String, String> old, Map<String, String> changes) {
		Map<String, String> merged = new java.util.LinkedHashMap<>(old);
		merged.putAll(changes);
		return merged;
	}

	/** The member named to stand in for unknown people must be one. */
	private void checkStandIn(ImportMapping mapping, Membership admin) {
		String standIn = mapping.unknownPerson();
		if (standIn == null || standIn.isBlank() || standIn.equalsIgnoreCase(ImportMapping.IMPORTER)
				|| standIn.equalsIgnoreCase(ImportMapping.PLACEHOLDER)) {
			return;
		}
		if (new People(this.members.list(admin.projectId()), Map.of()).find(standIn).isEmpty()) {
			throw InvalidInputException.of("mapping.unknown_person",
					"must be importer, placeholder or the email or username of a member");
		}
	}

	private static boolean supported(String encoding) {
		return encoding.equalsIgnoreCase("utf-16") || List.of("UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252")
			.stream()
			.anyMatch(c -> Charset.forName(c).aliases().contains(encoding) || c.equalsIgnoreCase(encoding));
	}

}
