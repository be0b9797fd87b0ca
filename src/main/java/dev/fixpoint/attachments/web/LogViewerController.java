package dev.fixpoint.attachments.web;

import java.util.UUID;

import dev.fixpoint.attachments.Attachment;
import dev.fixpoint.attachments.AttachmentContent;
import dev.fixpoint.attachments.Attachments;
import dev.fixpoint.attachments.TextLines;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.HtmxRequest;
import dev.fixpoint.projects.Membership;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Text and log files with line numbers, one page of
 * {@link AttachmentPageRoutes#LINES_PER_PAGE} lines at a time (the server reads only up
 * to the page; a 25 MB log never reaches the browser whole): inline on the bug page
 * (htmx, "Next lines" appends rows) or as a page of its own with a pager.
 */
@Controller
class LogViewerController {

	private final Attachments attachments;

	private final AttachmentContent content;

	private final AttachmentPages pages;

	LogViewerController(Attachments attachments, AttachmentContent content, AttachmentPages pages) {
		this.attachments = attachments;
		this.content = content;
		this.pages = pages;
	}

	@GetMapping("/attachments/{id}/lines")
	ModelAndView lines(@PathVariable UUID id, @RequestParam(defaultValue = "1") long from,
			@RequestParam(defaultValue = "false") boolean rows, HtmxRequest htmx, @Authenticated CurrentUser user) {
		Attachment attachment = this.attachments.get(user, id);
		TextLines page = this.content.lines(user, id, Math.max(1, from), AttachmentPageRoutes.LINES_PER_PAGE);
		Bug bug = this.pages.bug(attachment.bugId().toString(), user);
		Membership member = this.pages.membership(bug, user);
		LinesView view = new LinesView(id, bug.key(), bug.title(), member.capabilities(), attachment.filename(),
				AttachmentView.size(attachment.fileSize()), attachment.downloadUrl(), page.from(), page.lines(),
				page.nextFrom() != null);
		if (!htmx.fragment()) {
			return new ModelAndView("attachments/viewer", "view", view);
		}
		return new ModelAndView(rows ? "attachments/line-rows" : "attachments/lines", "view", view);
	}

}
