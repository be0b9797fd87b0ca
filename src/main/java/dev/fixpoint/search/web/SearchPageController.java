package dev.fixpoint.search.web;

import java.time.Clock;
import java.time.LocalDate;
import jakarta.servlet.http.HttpServletRequest;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.HtmxRequest;
import dev.fixpoint.search.SearchField;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The search page (across the user's projects, or in one with {@code project}) and the
 * header's quick search. A query naming one bug goes straight to it.
 */
@Controller
class SearchPageController {

	static final int QUICK_LIMIT = 8;

	/**
	 * The add-chip controls: a value chosen in one of these selects is written into the
	 * query.
	 */
	record AddChip(String status, String severity, String priority, String assignee) {

		String into(String query, LocalDate today) {
			String q = QueryChips.add(query, SearchField.STATUS, this.status, today);
			q = QueryChips.add(q, SearchField.SEVERITY, this.severity, today);
			q = QueryChips.add(q, SearchField.PRIORITY, this.priority, today);
			return QueryChips.add(q, SearchField.ASSIGNEE, this.assignee, today);
		}

	}

	private final SearchPages pages;

	private final Clock clock;

	SearchPageController(SearchPages pages, Clock clock) {
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping(SearchRoutes.SEARCH)
	ModelAndView search(@RequestParam(required = false) String q, @RequestParam(required = false) String project,
			@RequestParam(required = false) String cursor, AddChip add, @Authenticated CurrentUser user,
			HttpServletRequest request, Model model) {
		String query = add.into(q, LocalDate.now(this.clock));
		if (query != null && !query.equals(q)) {
			return new ModelAndView("redirect:" + SearchRoutes.search(project, query));
		}
		SearchPages.Answer answer = this.pages.search(project, q, cursor, SearchPages.PAGE, user);
		if (answer.jumpTo() != null) {
			return new ModelAndView("redirect:" + SearchRoutes.bug(answer.jumpTo()));
		}
		SearchView view = answer.view().withNotice((String) model.getAttribute("notice"));
		// "More results" with htmx appends the next hits in place of its own link
		return new ModelAndView(HtmxRequest.of(request).request() && cursor != null ? "search/hits" : "search/page",
				"view", view);
	}

	@GetMapping(SearchRoutes.QUICK)
	ModelAndView quick(@RequestParam(required = false) String q, @Authenticated CurrentUser user) {
		SearchPages.Answer answer = this.pages.search(null, q, null, QUICK_LIMIT, user);
		return new ModelAndView("search/quick", "quick", new QuickResults(q, answer.jumpTo(),
				answer.view() == null ? java.util.List.of() : answer.view().hits()));
	}

}
