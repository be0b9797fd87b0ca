package dev.fixpoint.bugs.bulk;

import dev.fixpoint.bugs.web.BugListForm;
import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.bugs.web.Messages;

import java.nio.charset.StandardCharsets;

import dev.fixpoint.bugs.BugBulk;
import dev.fixpoint.bugs.BugExport;
import dev.fixpoint.bugs.BugListParams;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.LocalRedirect;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bug list's bulk bar and CSV export, for the signed-in browser (the API's versions need a bearer token). A bulk
 * change returns to the list with its filters and a summary (PRG, the summary as a flash attribute).
 */
@Controller
class BugBulkController {

	/** The flash attribute the list page shows at its top. */
	static final String SUMMARY = BulkSummary.FLASH_ATTRIBUTE;

	private final BugBulk bulk;

	private final BugExport export;

	BugBulkController(BugBulk bulk, BugExport export) {
		this.bulk = bulk;
		this.export = export;
	}

	@PostMapping("/p/{project}/bugs/bulk")
	String apply(@PathVariable String project, BulkForm form, @Authenticated CurrentUser user,
			RedirectAttributes redirect) {
		BulkSummary summary;
		try {
			summary = BulkSummary.of(BulkResult.of(this.bulk.apply(project, form.toEdit(user), user)));
		}
		catch (DomainException ex) {
			if (!(ex instanceof InvalidInputException)) {
				throw ex;
			}
			summary = BulkSummary.failed(String.join(" ", Messages.of(ex)));
		}
		redirect.addFlashAttribute(SUMMARY, summary);
		return "redirect:" + LocalRedirect.orElse(form.back(), BugRoutes.list(project));
	}

	@GetMapping("/p/{project}/bugs/export.csv")
	ResponseEntity<StreamingResponseBody> exportCsv(@PathVariable String project, @ModelAttribute BugListForm form,
			@Authenticated CurrentUser user) {
		BugListParams params = form.toParams();
		this.export.check(project, params, user);
		StreamingResponseBody body = out -> this.export.write(project, params, user, out);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(project.toUpperCase() + "-bugs.csv").build().toString())
			.body(body);
	}

}
