package dev.fixpoint.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryCompletionTest {

	@Test
	void aWordIsAFieldNameBeingTyped() {
		assertThat(QueryCompletion.at("login sev", -1)).isEqualTo(new QueryCompletion(null, "sev", 6, 9));
		assertThat(QueryCompletion.at("", -1)).isEqualTo(new QueryCompletion(null, "", 0, 0));
		assertThat(QueryCompletion.at("-ta", 3)).isEqualTo(new QueryCompletion(null, "ta", 1, 3));
	}

	@Test
	void afterAColonTheFieldsValue() {
		assertThat(QueryCompletion.at("status:op", -1)).isEqualTo(new QueryCompletion("status", "op", 7, 9));
		assertThat(QueryCompletion.at("-Tag:ui,fl", -1)).isEqualTo(new QueryCompletion("tag", "fl", 8, 10));
		assertThat(QueryCompletion.at("status:\"in pro", -1)).as("a quoted value with a space")
			.isEqualTo(new QueryCompletion("status", "in pro", 7, 14));
		assertThat(QueryCompletion.at("assignee: login", 9)).isEqualTo(new QueryCompletion("assignee", "", 9, 9));
	}

	@Test
	void theCaretDecidesNotTheEnd() {
		assertThat(QueryCompletion.at("severity:hi login", 11)).isEqualTo(new QueryCompletion("severity", "hi", 9, 11));
		assertThat(QueryCompletion.at("https://x.dev", -1).field()).isEqualTo("https");
	}

}
