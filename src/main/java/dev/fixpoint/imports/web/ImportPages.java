package dev.fixpoint.imports.web;

import java.util.List;
import java.util.Map;

import dev.fixpoint.imports.ImportJob;
import dev.fixpoint.imports.ImportMapping;
import dev.fixpoint.imports.ImportPreview;
import dev.fixpoint.imports.ImportSource;
import dev.fixpoint.projects.Capabilities;

/** The template parameters of the import wizard. */
public final class ImportPages {

	private ImportPages() {
	}

	/**
	 * Step 1: upload a file, pick its source, optionally map; the latest imports below.
	 */
	public record Start(Capabilities can, List<ImportJob> recent, String error, String source, String baseUrl,
			String mapping) {

		public String projectKey() {
			return this.can.projectKey();
		}

		public String action() {
			return ImportRoutes.imports(projectKey());
		}

		public String connectAction() {
			return ImportRoutes.connect(projectKey());
		}

		public List<ImportSource> apiSources() {
			return java.util.Arrays.stream(ImportSource.values()).filter(ImportSource::remote).toList();
		}

		public List<ImportSource> sources() {
			return java.util.Arrays.stream(ImportSource.values()).filter(s -> !s.remote()).toList();
		}

		public String jobUrl(ImportJob job) {
			return ImportRoutes.job(projectKey(), job.id());
		}

	}

	/**
	 * Steps 2 and 3: a job's progress, then its report (dry run) or summary (run);
	 * {@code error}: why the last action on it was refused, or null.
	 */
	public record Job(Capabilities can, ImportJob job, String error, Mapping mapping) {

		Job withError(String message) {
			return new Job(this.can, this.job, message, this.mapping);
		}

		Job withMapping(Mapping mapping) {
			return new Job(this.can, this.job, this.error, mapping);
		}

		public String projectKey() {
			return this.can.projectKey();
		}

		public String progressUrl() {
			return ImportRoutes.progress(projectKey(), this.job.id());
		}

		public String cancelUrl() {
			return ImportRoutes.cancel(projectKey(), this.job.id());
		}

		public String runUrl() {
			return ImportRoutes.run(projectKey(), this.job.id());
		}

		public String warningsUrl() {
			return ImportRoutes.warnings(projectKey(), this.job.id());
		}

		public String undoUrl() {
			return ImportRoutes.undo(projectKey(), this.job.id());
		}

		public String startUrl() {
			return ImportRoutes.imports(projectKey());
		}

		public String bugsUrl() {
			return "/p/" + projectKey() + "/bugs";
		}

		public boolean live() {
			return !this.job.state().finished();
		}

		public boolean canRun() {
			return this.job.dryRun() && this.job.state() == dev.fixpoint.imports.ImportState.DONE;
		}

		public String rate() {
			return this.job.rowsPerSecond() == null ? "–" : String.format("%,.0f rows/s", this.job.rowsPerSecond());
		}

		public String eta() {
			Long s = this.job.etaSeconds();
			if (s == null) {
				return "–";
			}
			return s < 60 ? s + " s left" : (s / 60) + " min " + (s % 60) + " s left";
		}

		public List<Map.Entry<String, Integer>> entries(Map<String, Integer> counts) {
			return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList();
		}

	}

	/** A choice of a select: its value and what it shows. */
	public record Option(String value, String label) {
	}

	/**
	 * The mapping step under a finished dry run: the file's columns for each Fixpoint
	 * field, each status of the file to one of the workflow, each person who is not a
	 * member to a member or the stand-in, and the first rows as they would be imported
	 * with their warnings. Submitting runs the dry run again with the new mapping.
	 *
	 * @param statuses the workflow's statuses
	 * @param people the project's members (email, name) a person of the file can be
	 * mapped to
	 */
	public record Mapping(String action, ImportPreview preview, List<Option> statuses, List<Option> people,
			ImportMapping current, Map<String, String> statusMapping, Map<String, String> priorityMapping,
			List<String> unknownPeople) {

		public List<String> priorities() {
			return List.of("P0", "P1", "P2", "P3");
		}

		public List<String> fields() {
			return ImportPreview.FIELDS;
		}

		/** The column a field is read from now, or "" (none). */
		public String columnOf(String field) {
			return this.preview.fields().getOrDefault(field, "");
		}

		/** What an unknown person maps to now: a member's email, or "" (the stand-in). */
		public String personOf(String name) {
			return this.current.people().getOrDefault(name, "");
		}

		public String standIn() {
			String s = this.current.unknownPerson();
			return s == null || s.isBlank() ? ImportMapping.IMPORTER : s;
		}

		public List<Option> standIns() {
			List<Option> options = new java.util.ArrayList<>();
			options.add(new Option(ImportMapping.IMPORTER, "Me (the importer)"));
			options.add(new Option(ImportMapping.PLACEHOLDER, "Import (a placeholder, the name kept in comments)"));
			options.addAll(this.people);
			return options;
		}

	}

}
