package dev.fixpoint.search;

import java.util.ArrayList;
import java.util.List;

import dev.fixpoint.search.Term.FieldTerm;
import dev.fixpoint.search.Term.TextTerm;
import dev.fixpoint.search.Term.Value;

/**
 * Splits a query into {@link Term}s. A term that starts (after an optional {@code -})
 * with ASCII letters and a colon is a field term, unless the colon starts {@code ://} (a
 * pasted URL is text); one that starts with a quote is a phrase; anything else is a word
 * up to the next whitespace.
 */
final class QueryScanner {

	private final String input;

	private int pos;

	QueryScanner(String input) {
		this.input = input;
	}

	List<Term> terms() {
		List<Term> terms = new ArrayList<>();
		skipSpace();
		while (!atEnd()) {
			terms.add(term());
			skipSpace();
		}
		return terms;
	}

	static boolean isSpace(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c);
	}

	private Term term() {
		int start = this.pos;
		boolean negated = this.input.charAt(start) == '-' && start + 1 < this.input.length()
				&& !isSpace(this.input.charAt(start + 1));
		int nameStart = negated ? start + 1 : start;
		int colon = colonAfterFieldName(nameStart);
		if (colon > 0) {
			return fieldTerm(start, negated, nameStart, colon);
		}
		if (this.input.charAt(nameStart) == '"') {
			this.pos = nameStart;
			quoted();
			return new TextTerm(start, this.input.substring(start, this.pos), negated, true);
		}
		while (!atEnd() && !isSpace(current())) {
			this.pos++;
		}
		return new TextTerm(start, this.input.substring(start, this.pos), negated, false);
	}

	/**
	 * The offset of the colon ending a field name that starts at {@code from}, or -1 if
	 * there is none.
	 */
	private int colonAfterFieldName(int from) {
		int i = from;
		while (i < this.input.length() && isFieldNameChar(this.input.charAt(i), i == from)) {
			i++;
		}
		boolean colon = i > from && i < this.input.length() && this.input.charAt(i) == ':';
		return colon && !this.input.startsWith("://", i) ? i : -1;
	}

	private static boolean isFieldNameChar(char c, boolean first) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c == '_');
	}

	private FieldTerm fieldTerm(int start, boolean negated, int nameStart, int colon) {
		this.pos = colon + 1;
		List<Value> values = new ArrayList<>();
		values.add(value());
		while (!atEnd() && current() == ',') {
			this.pos++;
			values.add(value());
		}
		return new FieldTerm(start, negated, this.input.substring(nameStart, colon), nameStart, values);
	}

	private Value value() {
		int start = this.pos;
		if (!atEnd() && current() == '"') {
			String text = quoted();
			requireValueEnd();
			return new Value(text, start, this.pos - start, true);
		}
		while (!atEnd() && !isSpace(current()) && current() != ',') {
			this.pos++;
		}
		return new Value(this.input.substring(start, this.pos), start, this.pos - start, false);
	}

	/**
	 * Reads {@code "..."} from the current quote, undoing {@code \"} and {@code \\};
	 * returns the content.
	 */
	private String quoted() {
		int open = this.pos++;
		StringBuilder content = new StringBuilder();
		while (!atEnd() && current() != '"') {
			boolean escape = current() == '\\' && this.pos + 1 < this.input.length()
					&& (this.input.charAt(this.pos + 1) == '"' || this.input.charAt(this.pos + 1) == '\\');
			if (escape) {
				this.pos++;
			}
			content.append(current());
			this.pos++;
		}
		if (atEnd()) {
			throw new QuerySyntaxException("Unterminated quote", open, this.input.length() - open, "a closing '\"'");
		}
		this.pos++;
		return content.toString();
	}

	private void requireValueEnd() {
		if (!atEnd() && !isSpace(current()) && current() != ',') {
			int unexpected = this.input.codePointAt(this.pos);
			throw new QuerySyntaxException("Unexpected '" + Character.toString(unexpected) + "' after a quoted value",
					this.pos, Character.charCount(unexpected), "',' or a space");
		}
	}

	private void skipSpace() {
		while (!atEnd() && isSpace(current())) {
			this.pos++;
		}
	}

	private boolean atEnd() {
		return this.pos >= this.input.length();
	}

	private char current() {
		return this.input.charAt(this.pos);
	}

}
