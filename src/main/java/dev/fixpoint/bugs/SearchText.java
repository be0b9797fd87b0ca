package dev.fixpoint.bugs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns what people type into a prefix full-text query, and PostgreSQL's marked snippets
 * into safe HTML.
 */
final class SearchText {

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	private SearchText() {
	}

	/**
	 * {@code "login pay"} → {@code login & pay:*}: every word must match (stemmed:
	 * "crashes" finds crash), and the last one, still being typed, may be the start of a
	 * word ("pay" finds payment). Prefixes only for the last word: a prefix matches many
	 * words, and the index reads all of them. Only letters and digits reach the query, so
	 * nothing typed can break its syntax. Empty when there is no word.
	 */
	static String prefixQuery(String text) {
		List<String> terms = new ArrayList<>();
		Matcher m = WORD.matcher(text == null ? "" : text);
		while (m.find() && terms.size() < 16) {
			terms.add(m.group().toLowerCase(Locale.ROOT));
		}
		if (!terms.isEmpty()) {
			terms.set(terms.size() - 1, terms.get(terms.size() - 1) + ":*");
		}
		return String.join(" & ", terms);
	}

	static String snippetHtml(String marked) {
		if (marked == null) {
			return "";
		}
		return HtmlUtils.htmlEscape(marked)
			.replace("\u0001", "<mark>")
			.replace("\u0002", "</mark>")
			.replace("\u0003", " … ");
	}

}
