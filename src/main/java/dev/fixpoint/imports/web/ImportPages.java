package dev.fixpoint.imports.web;

import java.util.List;
import java.util.Map;

import dev.fixpoint.imports.ImportJob;
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

		public List<ImportSource> sources() {
			return List.of(ImportSource.values());
		}

		public String jobUrl(ImportJob job) {
			return ImportRoutes.job(projectKey(), job.id());
		}

	}

	/** Steps 2 and 3: a job's progress, then its report (dry run) or summary (run). */
	public record Job(Capabilities can, ImportJob job) {

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

}
