package dev.fixpoint.bugs.web;

import java.util.List;

import dev.fixpoint.bugs.BugListParams;

import org.springframework.web.bind.annotation.BindParam;

/** The bug list's query string, bound with the API's parameter names; validated by {@code BugQueries}. */
public record BugListForm(List<String> status, List<String> severity, List<String> priority, String assignee,
		String reporter, List<String> tag, String component, @BindParam("created_from") String createdFrom,
		@BindParam("created_to") String createdTo, @BindParam("updated_from") String updatedFrom,
		@BindParam("updated_to") String updatedTo, @BindParam("due_before") String dueBefore, String q, String sort,
		String cursor, List<String> sla) {

	public BugListParams toParams() {
		return new BugListParams(this.status, this.severity, this.priority, this.assignee, this.reporter, this.tag,
				this.component, this.createdFrom, this.createdTo, this.updatedFrom, this.updatedTo, this.dueBefore,
				this.q, this.sort, this.cursor, null, this.sla);
	}

}
