package dev.fixpoint.search.web;

import java.util.List;

import dev.fixpoint.search.QueryHelp;

/** The help page of the query language. */
public record SearchHelpView(List<QueryHelp.Field> fields, List<QueryHelp.Operator> operators) {

	/** The search page running an example. */
	public String tryUrl(String example) {
		return SearchRoutes.search(null, example);
	}

}
