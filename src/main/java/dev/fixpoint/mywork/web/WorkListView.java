package dev.fixpoint.mywork.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.fixpoint.mywork.WorkList;

/** One My work list on a page of its own, a page of rows at a time. */
public record WorkListView(WorkList list, String query, List<WorkRow> rows, String nextUrl, boolean firstPage) {

	/** The same list in the search page, to refine it. */
	public String searchUrl() {
		return this.query == null ? null : "/search?q=" + URLEncoder.encode(this.query, StandardCharsets.UTF_8);
	}

	public List<WorkList> lists() {
		return List.of(WorkList.values());
	}

	public String url(WorkList other) {
		return MyWorkRoutes.list(other);
	}

}
