package dev.fixpoint.triage;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text of a bug as the model reads it: title, description and steps, with code
 * blocks, HTML tags, markdown punctuation and URLs taken out (they carry no meaning for a
 * sentence model and eat its 128-token window), cut to {@link #MAX_CHARS}. Any script is
 * kept: the tokenizer maps what it does not know to its unknown token.
 */
record TriageText(String text) {

	/** More than the model reads (128 word pieces): the tokenizer cuts the rest. */
	static final int MAX_CHARS = 1_200;

	private static final Pattern FENCED = Pattern.compile("(?s)```.*?(```|$)|~~~.*?(~~~|$)");

	private static final Pattern HTML = Pattern.compile("<[^>]{0,500}>");

	private static final Pattern URL = Pattern.compile("\\bhttps?://\\S+");

	private static final Pattern MARKUP = Pattern.compile("[#*_`>|\\[\\]()~]+");

	private static final Pattern SPACE = Pattern.compile("\\s+");

	/**
	 * The text to embed, or the reason there is none (said in the log and stored with the
	 * bug).
	 */
	static Outcome of(String title, String description, String steps) {
		StringBuilder all = new StringBuilder();
		for (String part : new String[] { title, description, steps }) {
			String clean = clean(part);
			if (!clean.isEmpty()) {
				all.append(all.isEmpty() ? "" : ". ").append(clean);
			}
			if (all.length() >= MAX_CHARS) {
				break;
			}
		}
		String text = cut(all.toString());
		if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
			return new Outcome(Optional.empty(), "no words left to embed after removing markup");
		}
		return new Outcome(Optional.of(new TriageText(text)), null);
	}

	static String clean(String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		String t = FENCED.matcher(text).replaceAll(" ");
		t = HTML.matcher(t).replaceAll(" ");
		t = URL.matcher(t).replaceAll(" ");
		t = MARKUP.matcher(t).replaceAll(" ");
		return SPACE.matcher(t).replaceAll(" ").strip();
	}

	/** At most {@link #MAX_CHARS}, never splitting a surrogate pair. */
	private static String cut(String text) {
		if (text.length() <= MAX_CHARS) {
			return text;
		}
		int end = Character.isLowSurrogate(text.charAt(MAX_CHARS)) ? MAX_CHARS - 1 : MAX_CHARS;
		return text.substring(0, end);
	}

	/** Either a text or why there is none. */
	record Outcome(Optional<TriageText> text, String skipped) {
	}

}
