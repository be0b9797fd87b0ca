package dev.fixpoint.bugs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.fixpoint.platform.SafeHtml;

/**
 * A bug found by a text search: {@code {bug, snippet_html, rank}}; the snippet marks
 * matches with {@code <mark>}.
 */
public record SearchHit(Bug bug, String snippetHtml, float rank) {

	@JsonIgnore
	public SafeHtml snippet() {
		return new SafeHtml(this.snippetHtml);
	}

}
