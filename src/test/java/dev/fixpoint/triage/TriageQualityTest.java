package dev.fixpoint.triage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.TriageOn;
import dev.fixpoint.triage.HybridRanking.Mode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quality on the evaluation set ({@code src/test/resources/triage/eval.tsv}: 305 reports
 * in 61 groups of one cause each, reworded), with the product's own parts: the sentence
 * model, PostgreSQL's trigram word similarity, {@link HybridRanking} and
 * {@link SuggestionRules}. Writes its numbers to {@code target/triage-quality.md}
 * (bench/triage/quality.sh shows them). Fails if the hybrid ever ranks duplicates worse
 * than words alone, or suggests severities no better than always saying the commonest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TriageOn
class TriageQualityTest extends IntegrationTest {

	@Autowired
	SentenceEncoder encoder;

	@Autowired
	JdbcClient jdbc;

	private List<Report> reports;

	private byte[][] vectors;

	private float[][] words;

	private final Map<String, String> results = new java.util.LinkedHashMap<>();

	record Report(int index, String group, String severity, String priority, String assignee, String title,
			String description) {

		UUID assigneeId() {
			return UUID.nameUUIDFromBytes(this.assignee.getBytes(StandardCharsets.UTF_8));
		}

	}

	@BeforeAll
	void embedTheSet() throws IOException {
		this.reports = load();
		this.vectors = new byte[this.reports.size()][];
		long start = System.nanoTime();
		for (Report r : this.reports) {
			this.vectors[r.index()] = Vectors
				.quantized(this.encoder.encode(TriageText.of(r.title(), r.description(), null).text().orElseThrow()));
		}
		long ms = (System.nanoTime() - start) / 1_000_000;
		this.results.put("embedding", "%d reports in %d ms (%.1f ms each, this machine, as loaded as it was)"
			.formatted(this.reports.size(), ms, ms / (double) this.reports.size()));
		this.words = wordSimilarities();
		pairs();
	}

	/**
	 * Every ordered pair's cosine and word similarity, for tuning weights and floors
	 * outside the test ({@code target/triage-pairs.tsv}).
	 */
	private void pairs() throws IOException {
		StringBuilder out = new StringBuilder("query\tcandidate\tsame\tcosine\twords\n");
		for (Report a : this.reports) {
			for (Report b : this.reports) {
				if (a.index() != b.index()) {
					out.append(a.index())
						.append('\t')
						.append(b.index())
						.append('\t')
						.append(a.group().equals(b.group()) ? 1 : 0)
						.append('\t')
						.append(Vectors.cosine(this.vectors[a.index()], this.vectors[b.index()], 0))
						.append('\t')
						.append(this.words[a.index()][b.index()])
						.append('\n');
				}
			}
		}
		Files.writeString(Path.of("target", "triage-pairs.tsv"), out.toString());
	}

	@Test
	void hybridFindsDuplicatesAtLeastAsWellAsWordsAlone() throws IOException {
		Ranking byWords = rankAll(Mode.WORDS);
		Ranking byMeaning = rankAll(Mode.MEANING);
		Ranking hybrid = rankAll(Mode.HYBRID);
		this.results.put("duplicates", """
				| ranking | recall@5 | MRR |
				|---|---:|---:|
				| words only (title trigram, as before) | %.3f | %.3f |
				| meaning only (sentence vectors) | %.3f | %.3f |
				| hybrid (%.1f meaning + %.1f words) | %.3f | %.3f |
				""".formatted(byWords.recall5(), byWords.mrr(), byMeaning.recall5(), byMeaning.mrr(),
				HybridRanking.MEANING, HybridRanking.WORDS, hybrid.recall5(), hybrid.mrr()));
		this.results.put("floor", floor());
		write();
		assertThat(hybrid.recall5()).isGreaterThanOrEqualTo(byWords.recall5());
		assertThat(hybrid.mrr()).isGreaterThanOrEqualTo(byWords.mrr());
	}

	@Test
	void severityAndAssigneeSuggestionsBeatTheCommonestAnswer() throws IOException {
		// held out: the last report of every group; the others are resolved history
		java.util.function.Predicate<Report> last = r -> r.index() % 5 == 4;
		java.util.function.BiPredicate<Report, Report> others = (q, c) -> c.index() % 5 != 4;
		// harder: a cause never seen before, only other causes' bugs as history
		java.util.function.Predicate<Report> first = r -> r.index() % 5 == 0;
		java.util.function.BiPredicate<Report, Report> otherCauses = (q, c) -> !c.group().equals(q.group());
		Score seen = suggest(last, others, SuggestionRules.MIN_SIMILARITY);
		Score unseen = suggest(first, otherCauses, SuggestionRules.MIN_SIMILARITY);
		String commonest = this.reports.stream()
			.collect(Collectors.groupingBy(Report::severity, Collectors.counting()))
			.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.orElseThrow()
			.getKey();
		double baseline = this.reports.stream().filter(r -> r.severity().equals(commonest)).count()
				/ (double) this.reports.size();
		this.results.put("suggestions", """
				| held-out split | reports | severity accuracy | priority accuracy | assignee top-3 hit |
				|---|---:|---:|---:|---:|
				| last report of each cause (its duplicates are history) | %d | %.3f | %.3f | %.3f |
				| first report of each cause, that cause's other reports left out | %d | %.3f | %.3f | %.3f |
				| always "%s" (baseline) | %d | %.3f | | |
				""".formatted(seen.n(), seen.severity(), seen.priority(), seen.assignee(), unseen.n(),
				unseen.severity(), unseen.priority(), unseen.assignee(), commonest, this.reports.size(), baseline));
		StringBuilder thresholds = new StringBuilder(
				"""
						| suggestion threshold | split | priority shown for | priority right when shown | assignee top-3 hit when shown |
						|---:|---|---:|---:|---:|
						""");
		for (double t : new double[] { 0.4, 0.45, 0.5, 0.55, 0.6 }) {
			for (boolean known : new boolean[] { true, false }) {
				Score s = known ? suggest(last, others, t) : suggest(first, otherCauses, t);
				thresholds.append("| %.2f | %s | %.3f | %.3f | %.3f |%n".formatted(t,
						known ? "cause seen before" : "cause never seen", s.shown(), s.priorityWhenShown(),
						s.assigneeWhenShown()));
			}
		}
		this.results.put("suggestion threshold", thresholds.toString());
		write();
		assertThat(seen.severity()).isGreaterThan(baseline);
		assertThat(seen.assignee()).isGreaterThan(0.5);
	}

	record Ranking(double recall5, double mrr) {
	}

	/**
	 * Shares of the held-out reports: right severity, priority, assignee in the top 3 (a
	 * declined suggestion counts as wrong), how many got a priority suggestion at all,
	 * and how often it and the assignee were right when suggested.
	 */
	record Score(int n, double severity, double priority, double assignee, double shown, double priorityWhenShown,
			double assigneeWhenShown) {
	}

	/** How the hybrid scores of duplicate and unrelated pairs fall around the floor. */
	private String floor() {
		List<Double> same = new ArrayList<>();
		List<Double> other = new ArrayList<>();
		for (Report a : this.reports) {
			for (Report b : this.reports) {
				if (a.index() < b.index()) {
					double s = HybridRanking.score(Mode.HYBRID,
							Vectors.cosine(this.vectors[a.index()], this.vectors[b.index()], 0),
							this.words[a.index()][b.index()]);
					(a.group().equals(b.group()) ? same : other).add(s);
				}
			}
		}
		same.sort(null);
		other.sort(null);
		double f = HybridRanking.FLOOR;
		return """
				| pairs | count | p10 | median | p90 | p99 | share ≥ floor %.2f |
				|---|---:|---:|---:|---:|---:|---:|
				| duplicates (same cause) | %d | %.3f | %.3f | %.3f | %.3f | %.3f |
				| unrelated | %d | %.3f | %.3f | %.3f | %.3f | %.4f |
				""".formatted(f, same.size(), q(same, 0.1), q(same, 0.5), q(same, 0.9), q(same, 0.99), share(same, f),
				other.size(), q(other, 0.1), q(other, 0.5), q(other, 0.9), q(other, 0.99), share(other, f));
	}

	private static double q(List<Double> sorted, double at) {
		return sorted.get(Math.min(sorted.size() - 1, (int) (at * sorted.size())));
	}

	private static double share(List<Double> values, double floor) {
		return values.stream().filter(v -> v >= floor).count() / (double) values.size();
	}

	private Ranking rankAll(Mode mode) {
		double hits = 0;
		double reciprocal = 0;
		for (Report q : this.reports) {
			Map<UUID, Float> meaning = new HashMap<>();
			Map<UUID, Float> lexical = new HashMap<>();
			Map<UUID, Report> byId = new HashMap<>();
			for (Report c : this.reports) {
				if (c.index() == q.index()) {
					continue;
				}
				UUID id = new UUID(0, c.index());
				byId.put(id, c);
				float w = this.words[q.index()][c.index()];
				if (mode != Mode.WORDS) {
					meaning.put(id, Vectors.cosine(this.vectors[q.index()], this.vectors[c.index()], 0));
					lexical.put(id, w);
				}
				else if (w >= 0.3f) { // pg_trgm's <% threshold, as the product queries it
					lexical.put(id, w);
				}
			}
			List<HybridRanking.Scored> ranked = HybridRanking.rank(mode, meaning, lexical, 0);
			for (int rank = 0; rank < ranked.size(); rank++) {
				if (byId.get(ranked.get(rank).bugId()).group().equals(q.group())) {
					hits += rank < 5 ? 1 : 0;
					reciprocal += 1.0 / (rank + 1);
					break;
				}
			}
		}
		return new Ranking(hits / this.reports.size(), reciprocal / this.reports.size());
	}

	private Score suggest(java.util.function.Predicate<Report> test,
			java.util.function.BiPredicate<Report, Report> history, double threshold) {
		int n = 0;
		int severity = 0;
		int priority = 0;
		int assignee = 0;
		int shown = 0;
		for (Report q : this.reports.stream().filter(test).toList()) {
			List<SuggestionRules.Neighbour> near = this.reports.stream()
				.filter(c -> c.index() != q.index() && history.test(q, c))
				.map(c -> new SuggestionRules.Neighbour(c.group() + "-" + c.index(),
						Vectors.cosine(this.vectors[q.index()], this.vectors[c.index()], 0), c.severity(), c.priority(),
						c.assigneeId(), true))
				.sorted(Comparator.comparingDouble(SuggestionRules.Neighbour::similarity).reversed())
				.limit(Neighbours.K)
				.toList();
			n++;
			String text = q.title() + "\n" + q.description();
			severity += SuggestionRules.severity(text, near, threshold)
				.map(Suggestion::value)
				.orElse("")
				.equals(q.severity()) ? 1 : 0;
			var suggested = SuggestionRules.priority(near, threshold);
			shown += suggested.isPresent() ? 1 : 0;
			priority += suggested.map(Suggestion::value).orElse("").equals(q.priority()) ? 1 : 0;
			assignee += SuggestionRules.assignees(near, Map.of(), threshold)
				.stream()
				.limit(3)
				.anyMatch(c -> c.userId().equals(q.assigneeId())) ? 1 : 0;
		}
		return new Score(n, severity / (double) n, priority / (double) n, assignee / (double) n, shown / (double) n,
				shown == 0 ? 0 : priority / (double) shown, shown == 0 ? 0 : assignee / (double) shown);
	}

	/** word_similarity(query title, candidate title) of every pair, by PostgreSQL. */
	private float[][] wordSimilarities() {
		int size = this.reports.size();
		float[][] out = new float[size][size];
		String titles = this.reports.stream().map(Report::title).collect(Collectors.joining("\n"));
		this.jdbc.sql("""
				select a.i, b.i, word_similarity(a.t, b.t)
				from unnest(string_to_array(:titles, E'\\n')) with ordinality a(t, i)
				cross join unnest(string_to_array(:titles, E'\\n')) with ordinality b(t, i)
				""").param("titles", titles).query((rs, row) -> {
			out[rs.getInt(1) - 1][rs.getInt(2) - 1] = rs.getFloat(3);
			return null;
		}).list();
		return out;
	}

	private static List<Report> load() throws IOException {
		List<Report> out = new ArrayList<>();
		try (InputStream in = TriageQualityTest.class.getResourceAsStream("/triage/eval.tsv")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split("\t");
				out.add(new Report(out.size(), f[0], f[1], f[2], f[3], f[4], f[5]));
			}
		}
		return out;
	}

	private void write() throws IOException {
		StringBuilder md = new StringBuilder("# Triage quality on the evaluation set\n\n");
		this.results.forEach((k, v) -> md.append("## ").append(k).append("\n\n").append(v).append("\n"));
		Files.writeString(Path.of("target", "triage-quality.md"), md.toString());
		System.out.println(md);
	}

}
