package dev.fixpoint.search.web;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.search.QueryHelp;
import dev.fixpoint.search.QuerySuggestions;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * Help with the query language: its page, and the suggestions the search box shows while
 * typing (JSON for {@code js/query-suggest.js}).
 */
@Controller
class SearchHelpController {

	private final QuerySuggestions suggestions;

	SearchHelpController(QuerySuggestions suggestions) {
		this.suggestions = suggestions;
	}

	@GetMapping(SearchRoutes.HELP)
	ModelAndView help() {
		return new ModelAndView("search/help", "help", new SearchHelpView(QueryHelp.fields(), QueryHelp.operators()));
	}

	/**
	 * {@code {from, to, items: [{insert, label, hint}]}}: the suggestions at the caret,
	 * each replacing {@code from..to} of {@code q}.
	 */
	@GetMapping(SearchRoutes.SUGGEST)
	@ResponseBody
	QuerySuggestions.Answer suggest(@RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) Integer caret, @RequestParam(required = false) String project,
			@Authenticated CurrentUser user) {
		return this.suggestions.suggest(project, q, caret, user);
	}

}
