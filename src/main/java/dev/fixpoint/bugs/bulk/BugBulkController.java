package dev.fixpoint.bugs.bulk;

import java.util.List;

import dev.fixpoint.bugs.BugBulk;
import dev.fixpoint.bugs.BulkOutcome;
import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.platform.web.LocalRedirect;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bug list's bulk bar, for the signed-in browser (the API's version needs a bearer
 * token). A bulk change returns to the list with its filters and a summary (PRG, the
 * summary as a flash attribute).
 */
@Controller
class BugBulkController {

	private final BugBulk bulk;

	BugBulkController(BugBulk bulk) {
		this.bulk = bulk;
	}

	@PostMapping("/p/{project}/bugs/bulk")
	String apply(@PathVariable String project, BulkForm form, @Authenticated CurrentUser user,
			RedirectAttributes redirect) {
		BulkSummary summary = switch (Forms.submit(() -> this.bulk.apply(project, form.toEdit(user), user))) {
			case Accepted<List<BulkOutcome>>(List<BulkOutcome> outcomes) -> BulkSummary.of(BulkResult.of(outcomes));
			case Rejected<List<BulkOutcome>> rejected -> BulkSummary.failed(rejected.errors().text());
		};
		redirect.addFlashAttribute(BulkSummary.FLASH_ATTRIBUTE, summary);
		return "redirect:" + LocalRedirect.orElse(form.back(), BugRoutes.list(project));
	}

}
