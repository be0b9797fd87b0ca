package dev.fixpoint.imports.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.imports.ImportJob;
import dev.fixpoint.imports.ImportMapping;
import dev.fixpoint.imports.ImportPreview;
import dev.fixpoint.imports.Imports;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.HtmxRequest;
import dev.fixpoint.projects.Capabilities;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectMembers;
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

	private final ProjectMembers members;

	ImportController(Imports imports, ProjectAccess access, JsonMapper json, ProjectMembers members) {
		this.imports = imports;
		this.access = access;
		this.json = json;
		this.members = members;
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

	/** Step 1 for an API source: its address, scope and token; always a dry run first. */
	@PostMapping(ImportRoutes.PAGE_IMPORTS_CONNECT)
	String connect(@PathVariable String project, @RequestParam(name = "api_source", defaultValue = "") String source,
			@RequestParam(defaultValue = "") String url,
			@RequestParam(name = "api_user", defaultValue = "") String apiUser,
			@RequestParam(defaultValue = "") String scope, @RequestParam(defaultValue = "") String token,
			@Authenticated CurrentUser user, Model model, HttpServletResponse response) {
		try {
			ImportJob job = this.imports.connect(project, user, source, true, ImportMapping.none(),
					new dev.fixpoint.imports.ImportConnection(url.strip(), apiUser.strip(), scope.strip()), token);
			return "redirect:" + ImportRoutes.job(project, job.id());
		}
		catch (dev.fixpoint.platform.InvalidInputException ex) {
			response.setStatus(422);
			return startPage(project, user, message(ex), "jira_csv", "", "", model);
		}
	}

	@GetMapping(ImportRoutes.PAGE_IMPORT)
	String job(@PathVariable String project, @PathVariable UUID id, @Authenticated CurrentUser user, Model model) {
		model.addAttribute("page", withMapping(page(project, id, user), user));
		return "imports/job";
	}

	/**
	 * The progress fragment the page polls; when the job has finished, the whole page is
	 * loaded again (its summary, and for a dry run the mapping step).
	 */
	@GetMapping(ImportRoutes.PAGE_IMPORT_PROGRESS)
	String progress(@PathVariable String project, @PathVariable UUID id, @Authenticated CurrentUser user,
			HtmxRequest htmx, Model model, HttpServletResponse response) {
		ImportPages.Job page = page(project, id, user);
		if (htmx.fragment() && !page.live()) {
			response.setHeader("HX-Refresh", "true");
		}
		model.addAttribute("page", page);
		return "imports/progress";
	}

	@PostMapping(ImportRoutes.PAGE_IMPORT_REMAP)
	String remap(@PathVariable String project, @PathVariable UUID id, MappingForm form, @Authenticated CurrentUser user,
			Model model, HttpServletResponse response) {
		ImportPages.Job page = page(project, id, user);
		try {
			return "redirect:" + ImportRoutes.job(project, this.imports.remap(id, form.toMapping(), user).id());
		}
		catch (dev.fixpoint.platform.InvalidInputException | dev.fixpoint.platform.ConflictException ex) {
			response.setStatus(ex instanceof dev.fixpoint.platform.ConflictException ? 409 : 422);
			model.addAttribute("page", withMapping(page.withError(message(ex)), user));
			return "imports/job";
		}
	}

	/** The mapping step, under a finished dry run whose file is still there. */
	private ImportPages.Job withMapping(ImportPages.Job page, CurrentUser user) {
		if (!page.canRun()) {
			return page;
		}
		ImportJob job = page.job();
		ImportPreview preview = this.imports.preview(job.id(), user, 10);
		if (preview.rows().isEmpty()) {
			return page;
		}
		Membership admin = this.access.require(page.projectKey(), user, ProjectAction.MANAGE_PROJECT);
		List<ImportPages.Option> statuses = admin.project()
			.workflow()
			.statuses()
			.stream()
			.map(s -> new ImportPages.Option(s.key(), s.name()))
			.toList();
		List<ImportPages.Option> people = this.members.list(admin.projectId())
			.stream()
			.map(m -> new ImportPages.Option(m.user().email(), m.user().name() + " (" + m.user().email() + ")"))
			.toList();
		return page.withMapping(new ImportPages.Mapping(ImportRoutes.remap(page.projectKey(), job.id()), preview,
				statuses, people, this.imports.mappingOf(job.id(), user), job.report().statusMapping(),
				job.report().priorityMapping(), List.copyOf(job.report().unknownPeople().keySet())));
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

	@PostMapping(ImportRoutes.PAGE_IMPORT_UNDO)
	String undo(@PathVariable String project, @PathVariable UUID id, @Authenticated CurrentUser user, Model model,
			HttpServletResponse response) {
		ImportPages.Job page = page(project, id, user);
		try {
			this.imports.undo(id, user);
		}
		catch (dev.fixpoint.platform.ConflictException ex) {
			response.setStatus(409);
			model.addAttribute("page", page.withError(ex.getMessage()));
			return "imports/job";
		}
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
		return new ImportPages.Job(Capabilities.of(admin), job, null, null);
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
			parsed = parsed.withBaseUrl(baseUrl.strip());
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
