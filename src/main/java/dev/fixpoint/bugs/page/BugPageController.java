package dev.fixpoint.bugs.page;

import dev.fixpoint.bugs.web.Notice;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.HtmxRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Reading a bug: its page (or, for htmx, the bug fragment), the "Edit report" mode, and
 * the history fragment.
 */
@Controller
class BugPageController {

	private final BugPages pages;

	BugPageController(BugPages pages) {
		this.pages = pages;
	}

	/**
	 * @param move a status change whose required fields the page asks for (the status
	 * panel's link without JavaScript)
	 */
	@GetMapping("/bugs/{bug}")
	ModelAndView show(@PathVariable String bug, @RequestParam(required = false) String move, HtmxRequest htmx,
			@Authenticated CurrentUser user) {
		Notice asking = move == null || move.isBlank() ? Notice.NONE
				: new Notice(java.util.List.of(), java.util.Map.of("status", move), null);
		return render(this.pages.view(bug, user, null, asking), htmx);
	}

	@GetMapping("/bugs/{bug}/edit")
	ModelAndView editReport(@PathVariable String bug, HtmxRequest htmx, @Authenticated CurrentUser user) {
		BugPageView view = this.pages.view(bug, user, null, Notice.NONE);
		if (!view.can().editReport()) {
			return new ModelAndView("redirect:" + view.url());
		}
		return render(this.pages.view(view.bug(), user, ReportForm.of(view.bug()), Notice.NONE), htmx);
	}

	/**
	 * The assignee select, loaded when someone opens it: the fragment for htmx, else the
	 * page with it open.
	 */
	@GetMapping("/bugs/{bug}/assignee")
	ModelAndView assignee(@PathVariable String bug, HtmxRequest htmx, @Authenticated CurrentUser user) {
		if (htmx.fragment()) {
			return new ModelAndView("bugs/page/assignee-picker", "picker", this.pages.assigneePicker(bug, user));
		}
		return render(this.pages.pickingAssignee(bug, user), htmx);
	}

	@GetMapping("/bugs/{bug}/history")
	ModelAndView history(@PathVariable String bug, @Authenticated CurrentUser user) {
		return new ModelAndView("bugs/page/history", "lines", this.pages.history(bug, user));
	}

	static ModelAndView render(BugPageView view, HtmxRequest htmx) {
		ModelAndView mav = new ModelAndView(htmx.fragment() ? "bugs/page/bug" : "bugs/page/detail", "view", view);
		return mav;
	}

}
