package dev.fixpoint.demo;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fixpoint.bugs.Severity;

/**
 * A kind of bug that happens in a product, written once with {@code {slot}} placeholders;
 * every report drawn from it fills the slots from the project's phrase banks, so two
 * reports of the same kind still read differently.
 *
 * @param component the component it is filed against, or null
 * @param severity how bad it usually is (reports may vary by one step)
 */
record Scenario(String component, Severity severity, List<String> tags, String title, String description, String steps,
		String expected, String actual) {

	private static final Pattern SLOT = Pattern.compile("\\{([a-z_]+)}");

	static Scenario of(String component, Severity severity, String tags, String title, String description, String steps,
			String expected, String actual) {
		return new Scenario(component, severity, tags.isBlank() ? List.of() : List.of(tags.split(",")), title,
				description, steps, expected, actual);
	}

	/**
	 * Replaces each {@code {slot}} by a phrase: the same slot gets the same phrase
	 * throughout one report (chosen holds the picks so far, seeded with the report's
	 * environment). {@code {n}} is a small number, {@code {id}} a record id.
	 */
	static String fill(String text, Map<String, List<String>> banks, Map<String, String> chosen, Random random) {
		Matcher m = SLOT.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String slot = m.group(1);
			String value = chosen.computeIfAbsent(slot, s -> switch (s) {
				case "n" -> Integer.toString(2 + random.nextInt(28));
				case "id" -> Integer.toString(100_000 + random.nextInt(900_000));
				default -> {
					List<String> bank = banks.get(s);
					if (bank == null) {
						throw new IllegalStateException("No phrase bank for {" + s + "}");
					}
					yield bank.get(random.nextInt(bank.size()));
				}
			});
			m.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		return out.toString();
	}

}
