package dev.fixpoint.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.bugs.ImportedBug;
import dev.fixpoint.projects.ProjectMembers;
import dev.fixpoint.workflow.Workflow;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads the first rows of a job's stored file and translates them as the import would
 * ({@link RowTranslator}), writing nothing: the wizard's preview, with each row's
 * warnings beside it.
 */
@Component
class ImportPreviews {

	private final ImportJobRepository jobs;

	private final ProjectMembers members;

	private final JsonMapper json;

	ImportPreviews(ImportJobRepository jobs, ProjectMembers members, JsonMapper json) {
		this.jobs = jobs;
		this.members = members;
		this.json = json;
	}

	ImportPreview preview(ImportJobRepository.JobRow job, Workflow workflow, int limit) {
		if (this.jobs.chunkCount(job.id()) == 0) {
			return new ImportPreview(List.of(), Map.of(), List.of());
		}
		Charset charset = job.charset() != null ? Charset.forName(job.charset()) : StandardCharsets.UTF_8;
		List<dev.fixpoint.projects.Member> members = this.members.list(job.projectId());
		Map<UUID, String> names = new java.util.HashMap<>();
		members.forEach(m -> names.put(m.user().id(), m.user().name()));
		RowTranslator translator = new RowTranslator(job.source(), job.mapping(), workflow,
				new People(members, job.mapping().people()), job.createdBy(), job.createdAt(), ImportReport.empty());
		Set<String> columns = new LinkedHashSet<>();
		Map<String, String> fields = new LinkedHashMap<>();
		List<ImportPreview.Row> rows = new ArrayList<>();
		try (InputStream in = TextEncoding.withoutBom(ExportFile.open(this.jobs, job.id()), charset);
				RowReader reader = RowReader.open(new BufferedReader(new InputStreamReader(in, charset)),
						job.source().json(), this.json)) {
			if (reader instanceof RowReader.Csv csv) {
				columns.addAll(csv.header());
			}
			while (reader.hasNext() && rows.size() < limit) {
				SourceRow row = reader.next();
				columns.addAll(row.values().keySet());
				for (String field : ImportPreview.FIELDS) {
					String column = translator.column(row, field);
					if (row.has(column)) {
						fields.putIfAbsent(field, column);
					}
				}
				rows.add(row(row, translator.translate(row), names));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (RowReader.BrokenFileException ex) {
			// the dry run reports it; the preview shows what it could read
		}
		return new ImportPreview(List.copyOf(columns), fields, rows);
	}

	private static ImportPreview.Row row(SourceRow source, RowTranslator.Translated t, Map<UUID, String> names) {
		List<String> warnings = t.warnings().stream().map(ImportWarning::message).toList();
		String original = t.warnings().isEmpty() ? null : t.warnings().get(0).original();
		ImportedBug bug = t.bug();
		if (bug == null) {
			return new ImportPreview.Row(source.line(), original, null, null, null, null, null, 0, warnings);
		}
		UUID assignee = bug.assigneeId();
		return new ImportPreview.Row(source.line(), bug.originalKey() != null ? bug.originalKey() : bug.originalId(),
				bug.title(), bug.status(), bug.priority().key(), bug.severity().key(),
				assignee == null ? null : names.getOrDefault(assignee, assignee.toString()), bug.comments().size(),
				warnings);
	}

}
