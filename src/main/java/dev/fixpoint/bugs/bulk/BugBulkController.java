package dev.fixpoint.bugs.bulk;

import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.bugs.web.Messages;


import dev.fixpoint.bugs.BugBulk;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.LocalRedirect;
import dev.fixpoint.platform.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bug list's bulk bar, for the signed-in browser (the API's version needs a bearer token). A bulk change returns
 * to the list with its filters and a summary (PRG, the summary as a flash attribute).
 */
@Controller
class BugBulkController {

	/** The flash attribute the list page shows at its top. */
	static final String SUMMARY = BulkSummary.FLASH_ATTRIBUTE;

	private final BugBulk bulk;

	BugBulkController(BugBulk bulk) {
		this.bulk = bulk;
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


}
