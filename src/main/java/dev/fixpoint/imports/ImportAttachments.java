package dev.fixpoint.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.accounts.SystemActor;
import dev.fixpoint.attachments.Attachments;
import dev.fixpoint.bugs.BugImport;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Downloads the attachments a job's rows named once its rows are written, one at a time
 * and outside any transaction, into the attachments pipeline (its sniffing, scanning and
 * limits) as the "Import" actor. Only files on the tracker's own host are fetched (the
 * API's address, or the mapping's {@code base_url}): an export cannot make the server
 * fetch other addresses; files of an uploaded zip are read from it. A file that cannot be
 * fetched or is refused is a warning of the job; a re-run asks for it again.
 */
@Component
class ImportAttachments {

	private static final Logger log = LoggerFactory.getLogger(ImportAttachments.class);

	/** The address of a file of the uploaded zip: {@code zip:files/shot.png}. */
	static final String ZIP = "zip:";

	private final ImportJobRepository jobs;

	private final Attachments attachments;

	private final BugImport bugs;

	private final RemoteSources remote;

	private final ProjectAccess access;

	private final Clock clock;

	ImportAttachments(ImportJobRepository jobs, Attachments attachments, BugImport bugs, RemoteSources remote,
			ProjectAccess access, Clock clock) {
		this.jobs = jobs;
		this.attachments = attachments;
		this.bugs = bugs;
		this.remote = remote;
		this.access = access;
		this.clock = clock;
	}

	/** Fetches what is pending; CANCELLED when the job was cancelled meanwhile. */
	ImportState fetch(ImportJobRepository.JobRow job, String node) {
		Optional<String> host = this.remote.address(job).map(ImportAttachments::host);
		Membership actor = this.access.asSystem(job.projectId(), new CurrentUser(SystemActor.IMPORT.id(), null,
				SystemActor.IMPORT.username(), SystemActor.IMPORT.displayName()), ProjectRole.QA);
		for (List<RowTranslator.Attachment> pending = this.jobs.pendingAttachments(job.id(), 100); !pending
			.isEmpty(); pending = this.jobs.pendingAttachments(job.id(), 100)) {
			if (this.jobs.find(job.id()).map(ImportJobRepository.JobRow::cancelRequested).orElse(true)) {
				this.jobs.finish(job.id(), ImportState.CANCELLED, null, Times.now(this.clock));
				return ImportState.CANCELLED;
			}
			this.jobs.heartbeat(job.id(), node, Times.now(this.clock));
			Map<String, UUID> bugIds = this.bugs.imported(job.projectId(), job.source().identity(),
					pending.stream().map(RowTranslator.Attachment::fromId).toList());
			List<ImportWarning> warnings = new ArrayList<>();
			Map<RowTranslator.Attachment, Optional<String>> zipped = fromZip(job, actor, bugIds,
					pending.stream().filter(f -> f.url().startsWith(ZIP)).toList());
			for (RowTranslator.Attachment file : pending) {
				Optional<String> problem = file.url().startsWith(ZIP) ? zipped.get(file)
						: fetchOne(job, actor, host, bugIds.get(file.fromId()), file);
				problem.ifPresent(p -> warnings.add(new ImportWarning(null, file.fromId(), p)));
				this.jobs.attachmentFetched(job.id(), file, problem.isEmpty());
			}
			this.jobs.appendWarnings(job.id(), warnings);
		}
		return ImportState.DONE;
	}

	/**
	 * Files of the uploaded zip ({@code zip:} addresses): one walk through the zip's
	 * entries for them all; each found entry streamed into the pipeline.
	 */
	private Map<RowTranslator.Attachment, Optional<String>> fromZip(ImportJobRepository.JobRow job, Membership actor,
			Map<String, UUID> bugIds, List<RowTranslator.Attachment> files) {
		Map<RowTranslator.Attachment, Optional<String>> results = new java.util.HashMap<>();
		if (files.isEmpty()) {
			return results;
		}
		Map<String, List<RowTranslator.Attachment>> byPath = new java.util.HashMap<>();
		files.forEach(f -> byPath.computeIfAbsent(f.url().substring(ZIP.length()), p -> new ArrayList<>()).add(f));
		try (java.io.BufferedInputStream raw = new java.io.BufferedInputStream(new StoredFile(this.jobs, job.id()))) {
			if (ExportFile.isZip(raw)) {
				java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(raw);
				for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
					List<RowTranslator.Attachment> named = byPath.remove(ExportFile.path(e.getName()));
					if (named == null || e.isDirectory()) {
						continue;
					}
					// one upload per entry: a file named twice is attached to its first
					// bug only
					RowTranslator.Attachment file = named.get(0);
					results.put(file,
							upload(actor, bugIds.get(file.fromId()), file, ExportFile.entry(zip), e.getSize()));
					named.subList(1, named.size())
						.forEach(other -> results.put(other, Optional.of("attachment " + other.filename()
								+ ": the zip has it once, it is attached to " + file.fromId())));
				}
			}
		}
		catch (IOException ex) {
			log.warn("Import {}: the zip cannot be read for attachments", job.id(), ex);
		}
		byPath.values()
			.forEach(missing -> missing.forEach(f -> results.put(f, Optional.of("attachment " + f.filename() + ": "
					+ f.url().substring(ZIP.length()) + " is not in the uploaded zip"))));
		files.forEach(f -> results.putIfAbsent(f, Optional.of("attachment " + f.filename() + ": not read")));
		return results;
	}

	private Optional<String> upload(Membership actor, UUID bugId, RowTranslator.Attachment file, InputStream body,
			long length) {
		if (bugId == null) {
			return Optional.of("attachment " + file.filename() + ": its bug was not imported");
		}
		try {
			this.attachments.upload(actor, bugId, null, file.filename(), body, length);
			return Optional.empty();
		}
		catch (DomainException ex) {
			return Optional.of("attachment " + file.filename() + ": " + ex.getMessage());
		}
	}

	/** Empty when the file is attached, else why not. */
	private Optional<String> fetchOne(ImportJobRepository.JobRow job, Membership actor, Optional<String> host,
			UUID bugId, RowTranslator.Attachment file) {
		String what = "attachment " + file.filename();
		if (bugId == null) {
			return Optional.of(what + ": its bug was not imported");
		}
		if (host.isEmpty() || !host.get().equals(host(file.url()))) {
			return Optional.of(what + ": not downloaded, " + file.url() + " is not on the tracker's address"
					+ (host.isEmpty() ? " (give the tracker's address and run again)" : " (" + host.get() + ")"));
		}
		try {
			HttpResponse<InputStream> response = this.remote.download(job, file.url());
			try (InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					return Optional.of(what + ": the tracker answered " + response.statusCode());
				}
				long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
				this.attachments.upload(actor, bugId, null, file.filename(), body, length);
				return Optional.empty();
			}
		}
		catch (DomainException ex) {
			return Optional.of(what + ": " + ex.getMessage());
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.of(what + ": cannot be downloaded (" + ex.getMessage() + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RemoteHttp.RemoteException("The import was interrupted");
		}
		catch (RuntimeException ex) {
			log.warn("Import {}: attachment {} not stored", job.id(), file.url(), ex);
			return Optional.of(what + ": not stored (the server's log has the details)");
		}
	}

	private static String host(String url) {
		try {
			URI uri = URI.create(url);
			return (uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

}
