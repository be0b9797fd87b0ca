package dev.fixpoint.imports.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.imports.ImportJob;
import dev.fixpoint.imports.ImportMapping;
import dev.fixpoint.imports.Imports;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.projects.Capabilities;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import wizard of a project's admins: upload (always a dry run first), the dry run's
 * report with its warnings, then the run with a live progress bar (the fragment polls
 * itself while the job is unfinished) and its summary.
 */
@Controller
class ImportController {

	private final Imports imports;

	private final ProjectAccess access;

	private final JsonMapper json;

	ImportController(Imports imports, ProjectAccess access, JsonMapper json) {
		this.imports = imports;
		this.access = access;
		this.json = json;
	}

	@GetMapping(ImportRoutes.PAGE_IMPORTS)
	String start(@PathVariable String project, @Authenticated CurrentUser user, Model model) {
		return startPage(project, user, null, "jira_csv", "", "", model);
	}

	private String startPage(String project, CurrentUser user, String error, String source, String baseUrl,
			String mapping, Model model) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		model.addAttribute("page", new ImportPages.Start(Capabilities.of(admin), this.imports.recent(project, user),
				error, source, baseUrl, mapping));
		return "imports/start";
	}

	@PostMapping(ImportRoutes.PAGE_IMPORTS)
	String upload(@PathVariable String project, @RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(defaultValue = "jira_csv") String source,
			@RequestParam(name = "base_url", defaultValue = "") String baseUrl,
			@RequestParam(defaultValue = "") String mapping, @Authenticated CurrentUser user, Model model,
			HttpServletResponse response) {
		if (file == null || file.isEmpty()) {
			response.setStatus(422);
			return startPage(project, user, "Choose the export file to import.", source, baseUrl, mapping, model);
		}
		try (InputStream in = file.getInputStream()) {
			ImportJob job = this.imports.start(project, user, source, true, mapping(mapping, baseUrl),
					file.getOriginalFilename(), in);
			return "redirect:" + ImportRoutes.job(project, job.id());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (MappingException | dev.fixpoint.platform.InvalidInputException ex) {
			response.setStatus(422);
			return startPage(project, user, message(ex), source, baseUrl, mapping, model);
		}
	}

	@GetMapping(ImportRoutes.PAGE_IMPORT)
	String job(@PathVariable String project, @PathVariable UUID id, @Authenticated CurrentUser user, Model model) {
		model.addAttribute("page", page(project, id, user));
		return "imports/job";
	}

	@GetMapping(ImportRoutes.PAGE_IMPORT_PROGRESS)
	String progress(@PathVariable String project, @PathVariable UUID id, @Authenticated CurrentUser user, Model model) {
		model.addAttribute("page", page(project, id, user));
		return "imports/progress";
	}

	@PostMapping(ImportRoutes.PAGE_IMPORT_RUN)
	String run(@PathVariable String project, @PathVariable UUID id, @Authenticated CurrentUser user) {
		page(project, id, user);
		return "redirect:" + ImportRoutes.job(project, this.imports.run(id, user).id());
	}

	@PostMapping(ImportRoutes.PAGE_IMPORT_CANCEL)
	String cancel(@PathVariable String project, @PathVariable UUID id, @Authenticated CurrentUser user) {
		page(project, id, user);
		this.imports.cancel(id, user);
		return "redirect:" + ImportRoutes.job(project, id);
	}

	@GetMapping(ImportRoutes.PAGE_IMPORT_WARNINGS)
	void warnings(@PathVariable String project, @PathVariable UUID id, @Authenticated CurrentUser user,
			HttpServletResponse response) throws IOException {
		page(project, id, user);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"import-warnings.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		this.imports.writeWarnings(id, user, out);
		out.flush();
	}

	private ImportPages.Job page(String project, UUID id, CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		ImportJob job = this.imports.find(id, user);
		if (!job.projectId().equals(admin.projectId())) {
			throw NotFoundException.of("Import");
		}
		return new ImportPages.Job(Capabilities.of(admin), job);
	}

	private ImportMapping mapping(String mapping, String baseUrl) {
		ImportMapping parsed = ImportMapping.none();
		if (!mapping.isBlank()) {
			try {
				parsed = this.json.readerFor(ImportMapping.class)
					.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
					.readValue(mapping);
			}
			catch (JacksonException ex) {
				throw new MappingException("The mapping is not valid JSON: " + ex.getOriginalMessage());
			}
		}
		if (!baseUrl.isBlank()) {
			parsed = new ImportMapping(parsed.fields(), parsed.statuses(), parsed.priorities(), parsed.severities(),
					parsed.people(), baseUrl.strip(), parsed.timeZone(), parsed.encoding());
		}
		return parsed;
	}

	/** A mapping the form cannot read: shown in the form. */
	private static final class MappingException extends RuntimeException {

		MappingException(String message) {
			super(message);
		}

	}

	private static String message(RuntimeException ex) {
		if (ex instanceof DomainException domain && !domain.fieldErrors().isEmpty()) {
			return String.join("; ", domain.fieldErrors().stream().map(e -> e.field() + " " + e.message()).toList());
		}
		return ex.getMessage();
	}

}
