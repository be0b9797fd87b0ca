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
	 * A term as typed: an optional {@code -}, then a quoted phrase or a run of non-space.
	 */
	private static final Pattern TERM = Pattern.compile("(-?)(?:\"([^\"]*)\"?|(\\S+))");

	/**
	 * {@code "login pay"} → {@code login & pay:*}: every word must match (stemmed:
	 * "crashes" finds crash), and the last one, still being typed, may be the start of a
	 * word ("pay" finds payment). Prefixes only for the last word: a prefix matches many
	 * words, and the index reads all of them. Like {@code websearch_to_tsquery} (which
	 * the lists use): {@code -word} must not match ({@code !word}), {@code "a phrase"}
	 * and {@code covid-19} are words in a row ({@code a <-> phrase}), and {@code OR}
	 * between two terms takes either. Only letters and digits reach the query, so nothing
	 * typed can break its syntax. Empty when there is no word.
	 */
	static String prefixQuery(String text) {
		StringBuilder query = new StringBuilder();
		Matcher term = TERM.matcher(text == null ? "" : text);
		String operator = " & ";
		int words = 0;
		boolean prefixable = false;
		while (term.find() && words < 16) {
			boolean quoted = term.group(2) != null;
			String raw = quoted ? term.group(2) : term.group(3);
			boolean negated = !term.group(1).isEmpty();
			if (!quoted && !negated && raw.equalsIgnoreCase("or")) {
				operator = query.isEmpty() ? operator : " | ";
				continue;
			}
			List<String> lexemes = words(raw);
			if (lexemes.isEmpty()) {
				continue;
			}
			words += lexemes.size();
			String piece = lexemes.size() == 1 ? lexemes.get(0) : "(" + String.join(" <-> ", lexemes) + ")";
			query.append(query.isEmpty() ? "" : operator).append(negated ? "!" : "").append(piece);
			prefixable = !negated && !quoted && lexemes.size() == 1;
			operator = " & ";
		}
		return prefixable ? query + ":*" : query.toString();
	}

	/** Whether a text has a word that must match (not only {@code -word}s). */
	static boolean hasWordToFind(String text) {
		Matcher term = TERM.matcher(text == null ? "" : text);
		while (term.find()) {
			String raw = term.group(2) != null ? term.group(2) : term.group(3);
			if (term.group(1).isEmpty() && !raw.equalsIgnoreCase("or") && !words(raw).isEmpty()) {
				return true;
			}
		}
		return false;
	}

	private static List<String> words(String raw) {
		List<String> words = new ArrayList<>();
		Matcher m = WORD.matcher(raw);
		while (m.find()) {
			words.add(m.group().toLowerCase(Locale.ROOT));
		}
		return words;
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
