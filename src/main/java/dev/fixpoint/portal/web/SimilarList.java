package dev.fixpoint.portal.web;

import java.util.List;

import dev.fixpoint.portal.StatusEntry;

/** "Is it one of these?": known open problems like the title being typed. */
public record SimilarList(List<StatusEntry> entries, String statusPageUrl) {

	public String link(StatusEntry entry) {
		return this.statusPageUrl + "#entry-" + entry.id();
	}

}
