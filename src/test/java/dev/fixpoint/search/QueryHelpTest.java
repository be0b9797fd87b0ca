package dev.fixpoint.search;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The help page cannot drift from the parser: every field is there, every example parses.
 */
class QueryHelpTest {

	private static final QueryContext CONTEXT = QueryContext.anyStatus(LocalDate.of(2026, 10, 15));

	@Test
	void listsEveryFieldTheParserKnows() {
		List<String> names = QueryHelp.fields().stream().map(QueryHelp.Field::name).toList();

		assertThat(String.join(", ", names)).isEqualTo(QueryParser.FIELDS);
	}

	@Test
	void everyExampleParses() {
		Stream
			.concat(QueryHelp.fields().stream().flatMap(field -> field.examples().stream()),
					QueryHelp.operators().stream().map(QueryHelp.Operator::example))
			.forEach(example -> assertThatCode(() -> QueryLanguage.parse(example, CONTEXT)).as(example)
				.doesNotThrowAnyException());
	}

	@Test
	void eachFieldsExamplesUseIt() {
		QueryHelp.fields()
			.forEach(field -> assertThat(field.examples()).as(field.name())
				.isNotEmpty()
				.anyMatch(example -> example.replace("-", "").startsWith(field.name() + ":")));
	}

	@Test
	void negationAndAlternativesAreWhatTheParserAccepts() {
		for (QueryHelp.Field field : QueryHelp.fields()) {
			String example = field.examples().get(0).replaceFirst("^-", "");
			String negated = "-" + example;
			boolean parses;
			try {
				QueryLanguage.parse(negated, CONTEXT);
				parses = true;
			}
			catch (QuerySyntaxException ex) {
				parses = false;
			}
			assertThat(parses).as(negated).isEqualTo(field.negatable() && !example.contains(".."));
		}
	}

}
