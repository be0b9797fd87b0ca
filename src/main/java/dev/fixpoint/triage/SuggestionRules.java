package dev.fixpoint.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How suggestions are made from a bug's nearest neighbours, with no Spring and no SQL
 * (tested alone, and run by the evaluation): a vote of the similar bugs weighted by their
 * similarity (resolved ones only when there are enough: their fields were settled), and
 * strong signals in the text that raise the severity (data loss, security, crash,
 * payment).
 */
final class SuggestionRules {

	/**
	 * Neighbours less similar than this do not vote, by default
	 * ({@code fixpoint.triage.suggestion-threshold}); with no voter nothing is suggested.
	 */
	static final double MIN_SIMILARITY = 0.4;

	/** Voters considered, nearest first. */
	static final int VOTERS = 7;

	static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");

	private SuggestionRules() {
	}

	/** A similar bug as the rules need it. */
	record Neighbour(String key, double similarity, String severity, String priority, UUID assigneeId,
			boolean resolved) {
	}

	/** A phrase that makes a bug at least this severe. */
	record Signal(String name, String severity, Pattern pattern) {
	}

	static final List<Signal> SIGNALS = List.of(
			new Signal("data loss", "critical",
					Pattern.compile("\\b(data loss|lost (all |my |our )?(data|work|changes)|data (was |is |got )?lost|"
							+ "corrupt\\w*|wiped|" + "deleted (all|every)\\w*)\\b")),
			new Signal("security", "critical",
					Pattern.compile("\\b(security|vulnerab\\w*|xss|sql injection|csrf|exploit\\w*|leak\\w*|"
							+ "exposed|unauthori[sz]ed|privilege escalation|bypass\\w*)\\b")),
			new Signal("crash", "high",
					Pattern.compile("\\b(crash\\w*|segfault|fatal|core dump|stack overflow|out of memory|oom)\\b")),
			new Signal("payment", "high",
					Pattern.compile("\\b(payment\\w*|checkout|charged( twice)?|billing|refund\\w*|invoice\\w*)\\b")));

	static Optional<Signal> strongestSignal(String text) {
		String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
		return SIGNALS.stream()
			.filter(s -> s.pattern().matcher(t).find())
			.min(Comparator.comparingInt(s -> SEVERITIES.indexOf(s.severity())));
	}

	static Optional<Suggestion> severity(String text, List<Neighbour> neighbours, double threshold) {
		Optional<Suggestion> vote = vote(neighbours, threshold, Neighbour::severity);
		Optional<Signal> signal = strongestSignal(text);
		if (signal.isPresent() && (vote.isEmpty() || worse(signal.get().severity(), vote.get().value()))) {
			List<String> keys = vote.map(Suggestion::similar).orElse(List.of());
			return Optional.of(new Suggestion(signal.get().severity(), "mentions " + signal.get().name()
					+ vote.map(v -> "; similar bugs were mostly " + v.value()).orElse(""), keys, 1.0));
		}
		return vote;
	}

	static Optional<Suggestion> priority(List<Neighbour> neighbours, double threshold) {
		return vote(neighbours, threshold, Neighbour::priority);
	}

	/**
	 * Members by how likely they are to take the bug: the similar bugs they resolved
	 * (weighted by similarity), divided by their open workload ({@code 1 + open / 5}).
	 */
	static List<Candidate> assignees(List<Neighbour> neighbours, Map<UUID, Integer> openWork, double threshold) {
		Map<UUID, Candidate> by = new LinkedHashMap<>();
		for (Neighbour n : voters(neighbours, threshold)) {
			if (n.assigneeId() != null && n.resolved()) {
				by.merge(n.assigneeId(), new Candidate(n.assigneeId(), n.similarity(), List.of(n.key())),
						Candidate::plus);
			}
		}
		List<Candidate> out = new ArrayList<>();
		for (Candidate c : by.values()) {
			int open = openWork.getOrDefault(c.userId(), 0);
			out.add(new Candidate(c.userId(), c.weight() / (1 + open / 5.0), c.keys()));
		}
		out.sort(Comparator.comparingDouble(Candidate::weight).reversed());
		return out;
	}

	/** A possible assignee: their weight and the similar bugs they resolved. */
	record Candidate(UUID userId, double weight, List<String> keys) {

		Candidate plus(Candidate other) {
			List<String> all = new ArrayList<>(this.keys);
			all.addAll(other.keys);
			return new Candidate(this.userId, this.weight + other.weight, all);
		}

	}

	/** The value most of the similar bugs' weight is behind, with them as the reason. */
	private static Optional<Suggestion> vote(List<Neighbour> neighbours, double threshold,
			java.util.function.Function<Neighbour, String> field) {
		List<Neighbour> voters = voters(neighbours, threshold);
		if (voters.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Double> weight = new LinkedHashMap<>();
		for (Neighbour n : voters) {
			weight.merge(field.apply(n), n.similarity(), Double::sum);
		}
		double total = weight.values().stream().mapToDouble(Double::doubleValue).sum();
		Map.Entry<String, Double> best = weight.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
		List<String> keys = voters.stream()
			.filter(n -> field.apply(n).equals(best.getKey()))
			.limit(3)
			.map(Neighbour::key)
			.toList();
		double confidence = Math.round(best.getValue() / total * 100) / 100.0;
		return Optional.of(new Suggestion(best.getKey(), "like " + String.join(", ", keys), keys, confidence));
	}

	/**
	 * The nearest neighbours at least {@code threshold} similar; the resolved ones alone
	 * when at least two are.
	 */
	private static List<Neighbour> voters(List<Neighbour> neighbours, double threshold) {
		List<Neighbour> near = neighbours.stream()
			.filter(n -> n.similarity() >= threshold)
			.sorted(Comparator.comparingDouble(Neighbour::similarity).reversed())
			.toList();
		List<Neighbour> resolved = near.stream().filter(Neighbour::resolved).toList();
		return (resolved.size() >= 2 ? resolved : near).stream().limit(VOTERS).toList();
	}

	private static boolean worse(String severity, String than) {
		int a = SEVERITIES.indexOf(severity);
		int b = SEVERITIES.indexOf(than);
		return b < 0 || (a >= 0 && a < b);
	}

}
