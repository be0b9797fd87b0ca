package dev.fixpoint.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redmine's Textile (its default text formatting) as markdown: headings, emphasis,
 * {@code @code@}, {@code <pre>} and {@code bc.} blocks, quotes, lists, links, images.
 * Line by line; preformatted blocks pass through untouched. What has no markdown form
 * keeps its text.
 */
final class TextileMarkup {

	private static final Pattern HEADING = Pattern.compile("^h([1-6])\\.\\s+(.*)$");

	private static final Pattern CODE_LINE = Pattern.compile("^bc\\.\\s+(.*)$");

	private static final Pattern QUOTE_LINE = Pattern.compile("^bq\\.\\s+(.*)$");

	private static final Pattern LIST = Pattern.compile("^([*#]+)\\s+(.*)$");

	private static final Pattern BOLD = Pattern.compile("(?<![\\w*])\\*(\\S(?:[^*]*?\\S)?)\\*(?![\\w*])");

	private static final Pattern CODE = Pattern.compile("@([^@\\s](?:[^@]*?[^@\\s])?)@");

	private static final Pattern STRIKE = Pattern.compile("(?<![\\w-])-(\\S(?:[^-]*?\\S)?)-(?![\\w-])");

	private static final Pattern LINK = Pattern.compile("\"([^\"]+)\":((?:https?|mailto|ftp):[^\\s<]*[^\\s<.,;:!?)])");

	private static final Pattern IMAGE = Pattern.compile("!((?:https?://)?[^!\\s]+\\.(?:png|jpe?g|gif|svg|webp))!");

	private TextileMarkup() {
	}

	static String toMarkdown(String textile) {
		if (textile == null || textile.isEmpty()) {
			return "";
		}
		List<String> out = new ArrayList<>();
		boolean pre = false;
		for (String line : textile.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
			String trimmed = line.strip();
			if (pre) {
				String content = line.replace("</code>", "").replace("<code>", "");
				int end = content.indexOf("</pre>");
				if (end >= 0) {
					if (!content.substring(0, end).isBlank()) {
						out.add(content.substring(0, end));
					}
					out.add("```");
					pre = false;
				}
				else {
					out.add(content);
				}
				continue;
			}
			if (trimmed.startsWith("<pre")) {
				out.add("```");
				String rest = trimmed.replaceFirst("^<pre>\\s*(<code[^>]*>)?", "");
				if (rest.endsWith("</pre>")) {
					out.add(rest.replace("</code>", "").replace("</pre>", ""));
					out.add("```");
				}
				else {
					if (!rest.isEmpty()) {
						out.add(rest);
					}
					pre = true;
				}
				continue;
			}
			out.add(line(trimmed));
		}
		if (pre) {
			out.add("```");
		}
		return String.join("\n", out).strip();
	}

	private static String line(String line) {
		Matcher m = HEADING.matcher(line);
		if (m.matches()) {
			return "#".repeat(Integer.parseInt(m.group(1))) + " " + inline(m.group(2));
		}
		m = CODE_LINE.matcher(line);
		if (m.matches()) {
			return "```\n" + m.group(1) + "\n```";
		}
		m = QUOTE_LINE.matcher(line);
		if (m.matches()) {
			return "> " + inline(m.group(1));
		}
		m = LIST.matcher(line);
		if (m.matches()) {
			String marks = m.group(1);
			String indent = "  ".repeat(marks.length() - 1);
			return indent + (marks.endsWith("#") ? "1." : "-") + " " + inline(m.group(2));
		}
		return inline(line);
	}

	private static String inline(String text) {
		String s = IMAGE.matcher(text).replaceAll(r -> Matcher.quoteReplacement("![](" + r.group(1) + ")"));
		s = LINK.matcher(s).replaceAll(r -> Matcher.quoteReplacement("[" + r.group(1) + "](" + r.group(2) + ")"));
		s = CODE.matcher(s).replaceAll(r -> Matcher.quoteReplacement("`" + r.group(1) + "`"));
		s = BOLD.matcher(s).replaceAll(r -> Matcher.quoteReplacement("**" + r.group(1) + "**"));
		return STRIKE.matcher(s).replaceAll(r -> Matcher.quoteReplacement("~~" + r.group(1) + "~~"));
	}

}
