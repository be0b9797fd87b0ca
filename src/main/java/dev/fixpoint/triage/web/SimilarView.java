package dev.fixpoint.triage.web;

import java.util.List;

import dev.fixpoint.triage.SimilarBug;
import dev.fixpoint.workflow.Workflow;

/**
 * What {@code triage/similar.jte} shows under the new-bug form's title: nothing at all
 * when {@code bugs} is empty.
 */
public record SimilarView(List<SimilarBug> bugs, Workflow workflow) {

	public String url(SimilarBug s) {
		return "/bugs/" + s.bug().key();
	}

	public String statusName(SimilarBug s) {
		return this.workflow.nameOf(s.bug().status());
	}

	public String statusCategory(SimilarBug s) {
		return this.workflow.categoryOf(s.bug().status()).json();
	}

	/** The score as people read it: "87%". */
	public static String percent(double score) {
		return Math.round(score * 100) + "%";
	}

}
