package dev.fixpoint.search;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import dev.fixpoint.workflow.StatusCategory;
import dev.fixpoint.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.fixpoint.search.DateField.CREATED;
import static dev.fixpoint.search.DateField.DUE;
import static dev.fixpoint.search.DateField.RESOLVED;
import static dev.fixpoint.search.DateField.UPDATED;
import static dev.fixpoint.search.SearchField.ASSIGNEE;
import static dev.fixpoint.search.SearchField.COMPONENT;
import static dev.fixpoint.search.SearchField.PRIORITY;
import static dev.fixpoint.search.SearchField.REPORTER;
import static dev.fixpoint.search.SearchField.SEVERITY;
import static dev.fixpoint.search.SearchField.SLA;
import static dev.fixpoint.search.SearchField.STATUS;
import static dev.fixpoint.search.SearchField.TAG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class QueryLanguageTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 10, 15);

	private static final QueryContext ANY_STATUS = QueryContext.anyStatus(TODAY);

	private static final QueryContext STANDARD_PROJECT = new QueryContext(
			Set.of("open", "in_progress", "in_review", "resolved", "closed"), TODAY);

	private static SearchQuery parse(String input) {
		return QueryLanguage.parse(input, ANY_STATUS);
	}

	private static QuerySyntaxException syntaxError(String input, QueryContext context) {
		return catchThrowableOfType(QuerySyntaxException.class, () -> QueryLanguage.parse(input, context));
	}

	private static LocalDate day(String iso) {
		return LocalDate.parse(iso);
	}

	@Test
	void parsesTheFilterUisExample() {
		SearchQuery query = parse(
				"status:open,in_progress severity:critical assignee:me -tag:flaky created:>2026-10-01 \"login page\" sort:-priority");

		assertThat(query).isEqualTo(new SearchQuery(
				Map.of(STATUS, List.of("open", "in_progress"), SEVERITY, List.of("critical"), ASSIGNEE, List.of("me")),
				Map.of(TAG, List.of("flaky")), List.of(DateCondition.onOrAfter(CREATED, day("2026-10-02"))), Set.of(),
				Optional.empty(), Optional.of("-priority"), "\"login page\""));
		assertThat(query.toQueryString()).isEqualTo(
				"status:open,in_progress severity:critical assignee:me -tag:flaky created:>=2026-10-02 sort:-priority \"login page\"");
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", " ", "   \t\n  ", "\u3000\u00a0" })
	void emptyAndBlankQueriesFindEverything(String input) {
		SearchQuery query = parse(input);

		assertThat(query).isEqualTo(SearchQuery.empty());
		assertThat(query.isEmpty()).isTrue();
		assertThat(query.toQueryString()).isEmpty();
	}

	static Stream<Arguments> valueFields() {
		return Stream.of(arguments("status:open", STATUS, List.of("open")),
				arguments("status:in_progress,in_review", STATUS, List.of("in_progress", "in_review")),
				arguments("status:OPEN", STATUS, List.of("open")),
				arguments("severity:critical,high,medium,low", SEVERITY, List.of("critical", "high", "medium", "low")),
				arguments("severity:High", SEVERITY, List.of("high")),
				arguments("priority:P0,p1,P2,p3", PRIORITY, List.of("P0", "P1", "P2", "P3")),
				arguments("sla:breached,AT_RISK", SLA, List.of("breached", "at_risk")),
				arguments("assignee:me", ASSIGNEE, List.of("me")),
				arguments("assignee:None", ASSIGNEE, List.of("none")),
				arguments("assignee:ann.lee,bob_k,c-3po", ASSIGNEE, List.of("ann.lee", "bob_k", "c-3po")),
				arguments("assignee:\"ann.lee\"", ASSIGNEE, List.of("ann.lee")),
				arguments("reporter:ME,Ann.Lee", REPORTER, List.of("me", "Ann.Lee")),
				arguments("tag:flaky,ui", TAG, List.of("flaky", "ui")),
				arguments("tag:\"needs info\"", TAG, List.of("needs info")),
				arguments("component:Checkout/Payments", COMPONENT, List.of("Checkout/Payments")),
				arguments("component:\"Web app\",api", COMPONENT, List.of("Web app", "api")),
				arguments("TAG:ui Tag:ux", TAG, List.of("ui", "ux")), arguments("tag:a:b", TAG, List.of("a:b")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueFields")
	void valueFieldsRecordTheirNormalisedValues(String input, SearchField field, List<String> values) {
		SearchQuery query = parse(input);

		assertThat(query.include()).containsExactly(Map.entry(field, values));
		assertThat(query.exclude()).isEmpty();
		assertThat(query.text()).isEmpty();
	}

	@Test
	void repeatedTermsAddAlternativesWithoutDuplicates() {
		SearchQuery query = parse("status:open,in_progress status:open tag:ui status:resolved");

		assertThat(query.include()).containsExactlyInAnyOrderEntriesOf(
				Map.of(STATUS, List.of("open", "in_progress", "resolved"), TAG, List.of("ui")));
	}

	@Test
	void aLeadingMinusExcludesValues() {
		SearchQuery query = parse("-tag:flaky,wontfix -status:closed tag:ui -tag:\"needs info\" -severity:LOW");

		assertThat(query.include()).containsExactly(Map.entry(TAG, List.of("ui")));
		assertThat(query.exclude()).containsExactlyInAnyOrderEntriesOf(Map.of(TAG,
				List.of("flaky", "wontfix", "needs info"), STATUS, List.of("closed"), SEVERITY, List.of("low")));
	}

	@Test
	void quotedValuesHoldSpacesCommasQuotesAndBackslashes() {
		SearchQuery query = parse(
				"tag:\"needs info\",ui tag:\"a,b\" tag:\"say \\\"hi\\\"\" tag:\"back\\\\slash\" tag:\"C:\\temp\" tag:\"  padded  \"");

		assertThat(query.include().get(TAG)).containsExactly("needs info", "ui", "a,b", "say \"hi\"", "back\\slash",
				"C:\\temp", "padded");
	}

	static Stream<Arguments> dates() {
		return Stream.of(arguments("created:>2026-10-01", CREATED, "2026-10-02", null),
				arguments("created:>=2026-10-01", CREATED, "2026-10-01", null),
				arguments("updated:<2026-10-01", UPDATED, null, "2026-10-01"),
				arguments("updated:<=2026-10-01", UPDATED, null, "2026-10-02"),
				arguments("due:2026-10-01", DUE, "2026-10-01", "2026-10-02"),
				arguments("due:2026-10-01..2026-10-31", DUE, "2026-10-01", "2026-11-01"),
				arguments("due:2026-10-01..2026-10-01", DUE, "2026-10-01", "2026-10-02"),
				arguments("created:2024-02-29", CREATED, "2024-02-29", "2024-03-01"),
				arguments("created:<=2026-12-31", CREATED, null, "2027-01-01"),
				arguments("resolved:2026-10-01..2026-10-07", RESOLVED, "2026-10-01", "2026-10-08"),
				arguments("Created:\"2026-10-01\"", CREATED, "2026-10-01", "2026-10-02"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dates")
	void dateComparisonsBecomeHalfOpenIntervals(String input, DateField field, String from, String to) {
		SearchQuery query = parse(input);

		assertThat(query.dates()).containsExactly(new DateCondition(field,
				Optional.ofNullable(from).map(LocalDate::parse), Optional.ofNullable(to).map(LocalDate::parse)));
	}

	static Stream<Arguments> relativeDates() {
		// today is 2026-10-15
		return Stream.of(arguments("created:>7d", "2026-10-09", null), arguments("created:>=7d", "2026-10-08", null),
				arguments("updated:<2w", null, "2026-10-01"), arguments("updated:<=1W", null, "2026-10-09"),
				arguments("due:0d", "2026-10-15", "2026-10-16"),
				arguments("created:14d..7d", "2026-10-01", "2026-10-09"),
				arguments("created:2026-09-01..1d", "2026-09-01", "2026-10-15"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("relativeDates")
	void relativeDatesCountBackFromToday(String input, String from, String to) {
		DateCondition date = parse(input).dates().get(0);

		assertThat(date.fromInclusive()).isEqualTo(Optional.ofNullable(from).map(LocalDate::parse));
		assertThat(date.toExclusive()).isEqualTo(Optional.ofNullable(to).map(LocalDate::parse));
	}

	@Test
	void todayComesFromTheInjectedClock() {
		Clock clock = Clock.fixed(day("2027-01-10").atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

		SearchQuery query = QueryLanguage.parse("created:>=1w", QueryContext.of(null, clock));

		assertThat(query.dates()).containsExactly(DateCondition.onOrAfter(CREATED, day("2027-01-03")));
	}

	@Test
	void severalDateConditionsAllApply() {
		SearchQuery query = parse("created:>=2026-10-01 created:<2026-11-01 due:<7d");

		assertThat(query.dates()).containsExactly(DateCondition.onOrAfter(CREATED, day("2026-10-01")),
				DateCondition.before(CREATED, day("2026-11-01")), DateCondition.before(DUE, day("2026-10-08")));
		assertThat(query.dates().get(0).includes(day("2026-10-01"))).isTrue();
		assertThat(query.dates().get(1).includes(day("2026-11-01"))).isFalse();
	}

	@Test
	void isShortcutsAreRecordedForTheCallerToMap() {
		SearchQuery query = parse("is:open IS:Unassigned is:closed is:open");

		assertThat(query.is()).containsExactly("open", "unassigned", "closed");
		assertThat(query.include()).isEmpty();
	}

	@Test
	void relationTermsAreKeptAsWrittenWithTheirField() {
		SearchQuery query = parse("is:BLOCKED -is:blocking HAS:parent -has:Parent parent:web-7");

		assertThat(query.is()).containsExactly("is:blocked", "-is:blocking", "has:parent", "-has:parent",
				"parent:WEB-7");
		assertThat(query.toQueryString()).isEqualTo("is:blocked -is:blocking has:parent -has:parent parent:WEB-7");
		assertThat(parse(query.toQueryString())).isEqualTo(query);
		assertThat(syntaxError("has:children", ANY_STATUS)).hasMessageContaining("expected parent");
		assertThat(syntaxError("parent:login", ANY_STATUS)).hasMessageContaining("a key like WEB-42");
		assertThat(syntaxError("-parent:WEB-7", ANY_STATUS)).hasMessageContaining("cannot be negated");
	}

	@Test
	void releasesAreValueFieldsWithAlternativesAndExclusions() {
		SearchQuery query = parse("fixed_in:1.4,\"Spring launch\" OR fixed_in:1.5 -affects:1.3");

		assertThat(query.include().get(SearchField.FIXED_IN)).containsExactly("1.4", "Spring launch", "1.5");
		assertThat(query.exclude().get(SearchField.AFFECTS)).containsExactly("1.3");
		assertThat(query.toQueryString()).isEqualTo("fixed_in:1.4,\"Spring launch\",1.5 -affects:1.3");
	}

	@Test
	void filtersAloneAreAQuery() {
		SearchQuery query = parse("status:open severity:critical assignee:me");

		assertThat(query.text()).isEmpty();
		assertThat(query.bugKey()).isEmpty();
		assertThat(query.include()).containsOnlyKeys(STATUS, SEVERITY, ASSIGNEE);
		assertThat(parse("is:open").is()).containsExactly("open");
	}

	@Test
	void statusNamesWithSpacesWorkQuoted() {
		QueryContext project = QueryContext.forWorkflow(
				new Workflow(List.of(new Workflow.Status("todo", "To do", StatusCategory.TODO, true),
						new Workflow.Status("doing", "In progress", StatusCategory.IN_PROGRESS, null),
						new Workflow.Status("done", "Done", StatusCategory.DONE, null)), List.of()),
				Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

		assertThat(QueryLanguage.parse("status:\"in progress\",\"To  Do\" -status:DONE", project).include().get(STATUS))
			.as("the project's names, any case and spacing")
			.containsExactly("doing", "todo");
		assertThat(QueryLanguage.parse("status:doing", project).include().get(STATUS)).containsExactly("doing");
		// without a project, a name is written as a key
		assertThat(parse("status:\"in progress\" status:in-review").include().get(STATUS))
			.containsExactly("in_progress", "in_review");
		assertThat(QueryLanguage.parse("status:\"in progress\"", STANDARD_PROJECT).include().get(STATUS))
			.containsExactly("in_progress");
		assertThat(syntaxError("status:\"in limbo\"", project))
			.hasMessage("'in limbo' is not a status of this project at 7: expected one of doing, done, todo");
	}

	@Test
	void orJoinsValuesOfOneFieldLikeCommas() {
		SearchQuery or = parse("severity:critical OR severity:high OR severity:medium tag:ui or tag:api");
		SearchQuery commas = parse("severity:critical,high,medium tag:ui,api");

		assertThat(or).isEqualTo(commas);
		assertThat(or.include().get(SEVERITY)).containsExactly("critical", "high", "medium");
		// between words OR is left to the text search (websearch_to_tsquery reads it)
		assertThat(parse("login OR signup").text()).isEqualTo("login OR signup");
		assertThat(parse("status:open login OR signup").text()).isEqualTo("login OR signup");
	}

	@Test
	void everyTermCanBeNegated() {
		SearchQuery query = parse("-tag:flaky -status:closed -word -\"dark mode\" -is:open -is:unassigned "
				+ "-created:>2026-10-01 -due:<7d -severity:low,medium -assignee:me");

		assertThat(query.exclude()).containsOnlyKeys(TAG, STATUS, SEVERITY, ASSIGNEE);
		assertThat(query.exclude().get(SEVERITY)).containsExactly("low", "medium");
		assertThat(query.text()).isEqualTo("-word -\"dark mode\"");
		assertThat(query.is()).as("the opposite states").containsExactly("closed", "assigned");
		assertThat(query.dates()).containsExactly(DateCondition.before(CREATED, day("2026-10-02")),
				DateCondition.onOrAfter(DUE, day("2026-10-08")));
		assertThat(query.toQueryString()).isEqualTo("-status:closed -severity:low,medium -assignee:me -tag:flaky "
				+ "created:<2026-10-02 due:>=2026-10-08 is:closed is:assigned -word -\"dark mode\"");
	}

	static Stream<Arguments> bugKeys() {
		// a key alone (a sort aside) opens the bug, in any case; with other terms it is
		// words
		return Stream.of(arguments("key:WEB-42", "WEB-42", ""), arguments("key:web-42", "WEB-42", ""),
				arguments("WEB-42", "WEB-42", ""), arguments("  stor-123 ", "STOR-123", ""),
				arguments("WEB-42 sort:-priority", "WEB-42", ""),
				arguments("crash WEB-42 login", null, "crash WEB-42 login"),
				arguments("WEB-42 WEB-43", null, "WEB-42 WEB-43"), arguments("WEB-42 status:open", null, "WEB-42"),
				arguments("web-42", "WEB-42", ""), arguments("covid-19", "COVID-19", ""),
				arguments("-WEB-42", null, "-WEB-42"), arguments("\"WEB-42\"", null, "\"WEB-42\""),
				arguments("WEB-042", null, "WEB-042"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bugKeys")
	void aBugKeyIsRecordedSoTheCallerCanJumpToTheBug(String input, String key, String text) {
		SearchQuery query = parse(input);

		assertThat(query.bugKey()).isEqualTo(Optional.ofNullable(key));
		assertThat(query.text()).isEqualTo(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "created", "-created", "updated", "-updated", "priority", "-priority", "severity",
			"-severity", "due", "-due" })
	void sortAcceptsTheBugListsOrders(String order) {
		assertThat(parse("sort:" + order).sort()).contains(order);
		assertThat(parse("SORT:" + order.toUpperCase()).sort()).contains(order);
	}

	@Test
	void freeTextKeepsWordsPhrasesAndExclusionsInOrder() {
		SearchQuery query = parse("login status:open \"reset   link\" -flaky\tpage -\"dark mode\" 12:30 - --x");

		assertThat(query.text()).isEqualTo("login \"reset link\" -flaky page -\"dark mode\" 12:30 - --x");
		assertThat(query.include()).containsExactly(Map.entry(STATUS, List.of("open")));
	}

	@Test
	void phrasesMayContainEscapedQuotesAndFieldLookalikes() {
		SearchQuery query = parse("\"say \\\"hi\\\" to status:open\"");

		assertThat(query.text()).isEqualTo("\"say \\\"hi\\\" to status:open\"");
		assertThat(query.include()).isEmpty();
	}

	@Test
	void pastedUrlsAreText() {
		SearchQuery query = parse("https://fixpoint.dev/bugs/WEB-42 status:open");

		assertThat(query.text()).isEqualTo("https://fixpoint.dev/bugs/WEB-42");
		assertThat(query.include()).containsKey(STATUS);
	}

	@Test
	void unicodeWorksInValuesAndText() {
		SearchQuery query = parse("tag:größe,日本語 component:\"Zahlung 💳\" Größe 日本語のバグ 🐛 -😡 \"Ünïcödé phrase\"");

		assertThat(query.include())
			.containsExactlyInAnyOrderEntriesOf(Map.of(TAG, List.of("größe", "日本語"), COMPONENT, List.of("Zahlung 💳")));
		assertThat(query.text()).isEqualTo("Größe 日本語のバグ 🐛 -😡 \"Ünïcödé phrase\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "'; drop table bugs; --", "1' or '1'='1", "\\'; delete from users; --",
			"$$; select pg_sleep(10); $$", "<script>alert(1)</script>", "%' union select * from users --",
			"robert'); DROP TABLE students;--" })
	void injectionAttemptsAreJustText(String input) {
		SearchQuery query = parse(input);

		assertThat(query.text()).isEqualTo(input);
		assertThat(query.include()).isEmpty();
		assertThat(parse(query.toQueryString())).isEqualTo(query);
	}

	@Test
	void injectionInsideQuotedValuesStaysAValue() {
		SearchQuery query = parse("tag:\"x'); drop table bugs; --\"");

		assertThat(query.include().get(TAG)).containsExactly("x'); drop table bugs; --");
	}

	@Test
	void statusKeysAreCheckedAgainstTheProjectWhenGiven() {
		assertThat(QueryLanguage.parse("status:in_review,Open", STANDARD_PROJECT).include().get(STATUS))
			.containsExactly("in_review", "open");
		assertThat(parse("status:wontfix").include().get(STATUS)).containsExactly("wontfix");

		QuerySyntaxException error = syntaxError("status:open,wontfix", STANDARD_PROJECT);

		assertThat(error).hasMessage(
				"'wontfix' is not a status of this project at 12: expected one of closed, in_progress, in_review, open, resolved");
		assertThat(error.position()).isEqualTo(12);
		assertThat(error.length()).isEqualTo(7);
	}

	static final String STATUS_EXPECTED = "a status key like open or a quoted name like \"in progress\"";

	static final String OR_EXPECTED = "two values of one field, e.g. severity:critical OR severity:high";

	static Stream<Arguments> syntaxErrors() {
		String fields = "status, severity, priority, assignee, reporter, tag, component, sla, linked, fixed_in, affects, "
				+ "created, updated, resolved, due, is, has, parent, key, sort";
		return Stream.of(arguments("colour:red", 0, 6, "Unknown field 'colour' at 0: expected one of " + fields),
				arguments("login -Colour:red", 7, 6, "Unknown field 'Colour' at 7: expected one of " + fields),
				arguments("🐛 colour:red", 3, 6, "Unknown field 'colour' at 3: expected one of " + fields),
				arguments("severity:huge", 9, 4,
						"'huge' is not a severity at 9: expected critical, high, medium or low"),
				arguments("severity:\"huge\"", 9, 6,
						"'huge' is not a severity at 9: expected critical, high, medium or low"),
				arguments("priority:P7", 9, 2, "'P7' is not a priority at 9: expected P0, P1, P2 or P3"),
				arguments("sla:late", 4, 4, "'late' is not an SLA state at 4: expected on_track, at_risk or breached"),
				arguments("status:Done!", 7, 5, "'Done!' is not a status at 7: expected " + STATUS_EXPECTED),
				arguments("status:", 7, 0, "'status' needs a value at 7: expected " + STATUS_EXPECTED),
				arguments("status: open", 7, 0, "'status' needs a value at 7: expected " + STATUS_EXPECTED),
				arguments("tag:a,", 6, 0, "'tag' needs a value at 6: expected a tag"),
				arguments("tag:a,,b", 6, 0, "'tag' needs a value at 6: expected a tag"),
				arguments("tag:\"\"", 4, 2, "'tag' needs a value at 4: expected a tag"),
				arguments("assignee:@ann", 9, 4, "'@ann' is not a user at 9: expected me, none or a username"),
				arguments("reporter:none", 9, 4, "'none' is not a reporter at 9: expected me or a username"),
				arguments("reporter:", 9, 0, "'reporter' needs a value at 9: expected me or a username"),
				arguments("created:>yesterday", 9, 9,
						"'yesterday' is not a date at 9: expected YYYY-MM-DD or a relative 7d or 2w"),
				arguments("created:2026-02-30", 8, 10,
						"'2026-02-30' is not a day of the calendar at 8: expected a real date in YYYY-MM-DD"),
				arguments("due:<=2026-13-01", 6, 10,
						"'2026-13-01' is not a day of the calendar at 6: expected a real date in YYYY-MM-DD"),
				arguments("created:2026-10-31..2026-10-01", 8, 22,
						"'2026-10-31..2026-10-01' ends before it starts at 8: expected the earlier date first"),
				arguments("created:2026-10-01..", 20, 0,
						"Missing date at 20: expected YYYY-MM-DD or a relative 7d or 2w"),
				arguments("due:<", 5, 0, "Missing date at 5: expected YYYY-MM-DD or a relative 7d or 2w"),
				arguments("created:>2026-1-1", 9, 8,
						"'2026-1-1' is not a date at 9: expected YYYY-MM-DD or a relative 7d or 2w"),
				arguments("created:>99999d", 9, 6,
						"'99999d' is not a date at 9: expected YYYY-MM-DD or a relative 7d or 2w"),
				arguments("created:", 8, 0, "'created' needs a value at 8: expected " + DateExpression.EXPECTED),
				arguments("created:>2026-10-01,2026-10-05", 19, 1,
						"'created' takes one value at 19: expected a separate created: term for each value"),
				arguments("-created:2026-10-01", 0, 8,
						"'-created' cannot exclude a day or a range at 0: expected one side, e.g. -created:>2026-10-01 or -created:<7d"),
				arguments("-due:7d..1d", 0, 4,
						"'-due' cannot exclude a day or a range at 0: expected one side, e.g. -due:>2026-10-01 or -due:<7d"),
				arguments("is:pending", 3, 7,
						"'pending' is not a state at 3: expected open, closed, assigned, unassigned, blocked or blocking"),
				arguments("key:WEB", 4, 3, "'WEB' is not a bug key at 4: expected a key like WEB-42"),
				arguments("key:WEB-1 key:WEB-2", 10, 3, "Second bug key at 10: expected at most one key"),
				arguments("WEB-1 key:WEB-2", 6, 3,
						"'key' opens one bug at 6: expected key: alone, or the key as words without key:"),
				arguments("key:API-1 WEB-42", 0, 3,
						"'key' opens one bug at 0: expected key: alone, or the key as words without key:"),
				arguments("status:open key:WEB-1", 12, 3,
						"'key' opens one bug at 12: expected key: alone, or the key as words without key:"),
				arguments("severity:critical OR status:open", 18, 2,
						"'OR' joins values of one field at 18: expected " + OR_EXPECTED),
				arguments("status:open OR", 12, 2,
						"'OR' needs a field term on each side at 12: expected " + OR_EXPECTED),
				arguments("or tag:ui", 0, 2, "'OR' needs a field term on each side at 0: expected " + OR_EXPECTED),
				arguments("-tag:a OR -tag:b", 7, 2,
						"'OR' cannot join exclusions at 7: expected -tag:a -tag:b (excludes both)"),
				arguments("is:open OR is:closed", 8, 2, "'OR' cannot join is: terms at 8: expected one is: term"),
				arguments("-key:WEB-1", 0, 4, "'-key' cannot be negated at 0: expected key: without '-'"),
				arguments("sort:title", 5, 5,
						"'title' is not a sort order at 5: expected created, updated, priority, severity or due, optionally with a leading '-', or urgency"),
				arguments("sort:", 5, 0,
						"'sort' needs a value at 5: expected created, updated, priority, severity or due, optionally with a leading '-', or urgency"),
				arguments("sort:created sort:-due", 13, 4, "Second sort at 13: expected at most one sort term"),
				arguments("-sort:priority", 0, 5, "'-sort' cannot be negated at 0: expected sort: without '-'"),
				arguments("sort:created,due", 12, 1,
						"'sort' takes one value at 12: expected a separate sort: term for each value"),
				arguments("login \"page", 6, 5, "Unterminated quote at 6: expected a closing '\"'"),
				arguments("tag:\"needs info", 4, 11, "Unterminated quote at 4: expected a closing '\"'"),
				arguments("\"ends with escape\\\"", 0, 19, "Unterminated quote at 0: expected a closing '\"'"),
				arguments("tag:\"a\"b", 7, 1, "Unexpected 'b' after a quoted value at 7: expected ',' or a space"),
				arguments("tag:\"a\"🐛", 7, 2, "Unexpected '🐛' after a quoted value at 7: expected ',' or a space"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("syntaxErrors")
	void invalidQueriesSayWhereAndWhatWasExpected(String input, int position, int length, String message) {
		QuerySyntaxException error = syntaxError(input, ANY_STATUS);

		assertThat(error).as(input).isNotNull().hasMessage(message);
		assertThat(error.position()).as("position").isEqualTo(position);
		assertThat(error.length()).as("length").isEqualTo(length);
	}

	@Test
	void queriesAreLimitedTo1000Characters() {
		String longest = "a ".repeat(500);
		assertThat(parse(longest).text()).hasSize(999);

		QuerySyntaxException error = syntaxError(longest + "bc", ANY_STATUS);

		assertThat(error).hasMessage("Query is too long at 1000: expected at most 1000 characters");
		assertThat(error.position()).isEqualTo(1000);
		assertThat(error.length()).isEqualTo(2);
	}

	static Stream<String> queries() {
		return Stream.of("",
				"status:open,in_progress severity:critical assignee:me -tag:flaky created:>2026-10-01 "
						+ "\"login page\" sort:-priority",
				"login", "-flaky", "\"reset link\" -\"dark mode\"",
				"tag:\"needs info\",ui -tag:\"a,b\" tag:\"say \\\"hi\\\"\" tag:\"back\\\\slash\"",
				"component:\"Web app\" reporter:Ann.Lee assignee:none priority:p0,P1",
				"created:>2026-10-01 created:<=2026-10-31 updated:2026-10-05 due:2026-10-01..2026-10-31",
				"created:>7d due:<2w updated:14d..7d", "is:open is:unassigned", "WEB-42", "key:web-42", "WEB-42 crash",
				"status:\"in progress\" severity:critical OR severity:high -is:open -created:>7d",
				"tag:ui OR tag:backend,api -tag:flaky is:assigned", "sort:due", "TAG:größe 日本語 🐛 \"Ünï  cödé\"",
				"'; drop table bugs; --", "a\"b c\" d", "\"x\"\"y\"z", "https://fixpoint.dev/bugs?q=1 12:30",
				"-status:closed,resolved -severity:low status:open", "  spaced\t\tout \n words  ",
				"tag:a:b tag:-x tag:\\ tag:\"\\\\\"", "\"C:\\temp\" tag:\"C:\\temp\"", "--x - -- \"\"",
				"due:2024-02-29 created:<=2026-12-31");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("queries")
	void theCanonicalQueryStringParsesBackToTheSameQuery(String input) {
		SearchQuery query = parse(input);
		String canonical = query.toQueryString();

		assertThat(parse(canonical)).as(canonical).isEqualTo(query);
		assertThat(parse(canonical).toQueryString()).isEqualTo(canonical);
	}

	@Test
	void theCanonicalFormWritesDatesAsDaysRangesOrHalfOpenBounds() {
		SearchQuery query = parse(
				"created:>2026-10-01 created:<=2026-10-31 due:2026-10-05 updated:2026-10-01..2026-10-31 due:>=7d");

		assertThat(query.toQueryString()).isEqualTo("created:>=2026-10-02 created:<2026-11-01 due:2026-10-05 "
				+ "updated:2026-10-01..2026-10-31 due:>=2026-10-08");
	}

	@Test
	void chipsAddAndRemoveFields() {
		SearchQuery query = parse("severity:low -tag:flaky login").with(STATUS, List.of("Open", "in_progress", "open"))
			.with(SEVERITY, List.of("CRITICAL"))
			.with(TAG, List.of("needs info"));

		assertThat(query.toQueryString())
			.isEqualTo("status:open,in_progress severity:critical tag:\"needs info\" -tag:flaky login");
		assertThat(query.without(TAG).toQueryString()).isEqualTo("status:open,in_progress severity:critical login");
		assertThat(query.with(STATUS, List.of()).include()).doesNotContainKey(STATUS);
		assertThat(parse(query.toQueryString())).isEqualTo(query);
	}

	@Test
	void chipsRejectValuesTheFieldDoesNotAccept() {
		assertThatIllegalArgumentException().isThrownBy(() -> SearchQuery.empty().with(SEVERITY, List.of("huge")))
			.withMessage("'huge' is not a severity: expected critical, high, medium or low");
		assertThatIllegalArgumentException().isThrownBy(() -> SearchQuery.empty().with(TAG, List.of(" ")));
	}

	@Test
	void searchQueriesAreImmutable() {
		SearchQuery query = parse("status:open is:open created:>1d");

		assertThatThrownBy(() -> query.include().get(STATUS).add("closed"))
			.isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> query.include().clear()).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> query.is().add("closed")).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> query.dates().clear()).isInstanceOf(UnsupportedOperationException.class);
	}

}
