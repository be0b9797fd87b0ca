package dev.fixpoint.bugs;

import java.util.regex.Pattern;

/**
 * What anonymising leaves of a text: email addresses become {@code [email removed]} and
 * {@code @mentions} become {@code @anonymous}; the rest (what the team needs to
 * understand the bug) stays.
 */
public final class AnonymisedText {

	public static final String EMAIL_REMOVED = "[email removed]";

	public static final String MENTION = "@anonymous";

	private static final Pattern EMAIL = Pattern.compile(
			"[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

	private static final Pattern MENTIONED = Pattern.compile("(?<![A-Za-z0-9_.@-])@[A-Za-z0-9_][A-Za-z0-9_.-]*");

	private AnonymisedText() {
	}

	public static String of(String text) {
		if (text == null || text.indexOf('@') < 0) {
			return text;
		}
		String noEmails = EMAIL.matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(EMAIL_REMOVED));
		return MENTIONED.matcher(noEmails).replaceAll(MENTION);
	}

}
