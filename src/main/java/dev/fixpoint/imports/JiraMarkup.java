package dev.fixpoint.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira's wiki markup (text formatting notation, what the CSV export and REST API v2 give)
 * as markdown: headings, emphasis, monospace, code and noformat blocks, quotes, lists,
 * tables, links, mentions, images, rules. Line by line; code blocks pass through
 * untouched. What has no markdown form (colors, panels) keeps its text.
 */
final class JiraMarkup {

	private static final Pattern CODE_START = Pattern.compile("^\\s*\\{(code|noformat)(?::([^}]*))?}(.*)$");

	private static final Pattern CODE_END = Pattern.compile("^(.*?)\\{(code|noformat)}\\s*$");

	private static final Pattern HEADING = Pattern.compile("^\\s*h([1-6])\\.\\s+(.*)$");

	private static final Pattern LIST = Pattern.compile("^\\s*([*#-]+)\\s+(.*)$");

	private static final Pattern MONOSPACE = Pattern.compile("\\{\\{(.+?)}}");

	private static final Pattern BOLD = Pattern.compile("(?<![\\w*])\\*(\\S(?:[^*]*?\\S)?)\\*(?![\\w*])");

	private static final Pattern ITALIC = Pattern.compile("(?<![\\w_])_(\\S(?:[^_]*?\\S)?)_(?![\\w_])");

	private static final Pattern STRIKE = Pattern.compile("(?<![\\w-])-(\\S(?:[^-]*?\\S)?)-(?![\\w-])");

	private static final Pattern CITE = Pattern.compile("\\?\\?(.+?)\\?\\?");

	private static final Pattern LINK = Pattern.compile("\\[([^\\]|]+)\\|([^\\]]+)]");

	private static final Pattern BARE_LINK = Pattern.compile("\\[((?:https?|mailto|ftp):[^\\]\\s]+)]");

	private static final Pattern MENTION = Pattern.compile("\\[~(?:accountid:)?([^\\]]+)]");

	private static final Pattern IMAGE = Pattern.compile("!([^!\\s|][^!|]*?)(?:\\|[^!]*)?!");

	private static final Pattern COLOR = Pattern.compile("\\{color(?::[^}]*)?}");

	private static final Pattern PANEL = Pattern.compile("^\\s*\\{panel(?::[^}]*)?}\\s*$");

	private JiraMarkup() {
	}

	static String toMarkdown(String jira) {
		if (jira == null || jira.isEmpty()) {
			return "";
		}
		List<String> out = new ArrayList<>();
		boolean code = false;
		boolean quote = false;
		for (String line : jira.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
			if (code) {
				Matcher end = CODE_END.matcher(line);
				if (end.matches()) {
					if (!end.group(1).isEmpty()) {
						out.add(end.group(1));
					}
					out.add("```");
					code = false;
				}
				else {
					out.add(line);
				}
				continue;
			}
			Matcher start = CODE_START.matcher(line);
			if (start.matches()) {
				String rest = start.group(3);
				Matcher sameLineEnd = CODE_END.matcher(rest);
				out.add("```" + language(start.group(1), start.group(2)));
				if (sameLineEnd.matches()) {
					if (!sameLineEnd.group(1).isEmpty()) {
						out.add(sameLineEnd.group(1));
					}
					out.add("```");
				}
				else {
					if (!rest.isBlank()) {
						out.add(rest);
					}
					code = true;
				}
				continue;
			}
			if (line.strip().equals("{quote}")) {
				quote = !quote;
				continue;
			}
			if (PANEL.matcher(line).matches()) {
				continue;
			}
			String converted = block(line);
			if (line.strip().startsWith("||")) {
				converted = converted + "\n" + "| --- ".repeat(cells(line)) + "|";
			}
			out.add(quote ? "> " + converted : converted);
		}
		if (code) {
			out.add("```");
		}
		return String.join("\n", out).strip();
	}

	private static String language(String kind, String options) {
		if (!"code".equals(kind) || options == null) {
			return "";
		}
		String first = options.split("\\|")[0].strip();
		return first.contains("=") ? "" : first;
	}

	private static int cells(String headerRow) {
		String inner = headerRow.strip().replaceAll("^\\|\\|", "").replaceAll("\\|\\|$", "");
		return inner.split("\\|\\|", -1).length;
	}

	private static String block(String line) {
		Matcher heading = HEADING.matcher(line);
		if (heading.matches()) {
			return "#".repeat(Integer.parseInt(heading.group(1))) + " " + inline(heading.group(2));
		}
		if (line.stripLeading().startsWith("bq. ")) {
			return "> " + inline(line.stripLeading().substring(4));
		}
		if (line.strip().equals("----")) {
			return "---";
		}
		Matcher list = LIST.matcher(line);
		if (list.matches()) {
			String marks = list.group(1);
			String indent = "  ".repeat(marks.length() - 1);
			return indent + (marks.endsWith("#") ? "1. " : "- ") + inline(list.group(2));
		}
		String stripped = line.strip();
		if (stripped.startsWith("||")) {
			String inner = stripped.replaceAll("^\\|\\|", "").replaceAll("\\|\\|$", "");
			return "| " + String.join(" | ", inlineAll(inner.split("\\|\\|", -1))) + " |";
		}
		if (stripped.startsWith("|") && stripped.length() > 1) {
			String inner = stripped.substring(1).replaceAll("\\|$", "");
			return "| " + String.join(" | ", inlineAll(inner.split("\\|", -1))) + " |";
		}
		return inline(line);
	}

	private static List<String> inlineAll(String[] cells) {
		List<String> out = new ArrayList<>();
		for (String cell : cells) {
			out.add(inline(cell.strip()));
		}
		return out;
	}

	/** Monospace first, kept aside so that nothing inside it is read as markup. */
	static String inline(String text) {
		List<String> kept = new ArrayList<>();
		Matcher mono = MONOSPACE.matcher(text);
		StringBuilder sb = new StringBuilder();
		while (mono.find()) {
			kept.add("`" + mono.group(1) + "`");
			mono.appendReplacement(sb, "\u0000" + (kept.size() - 1) + "\u0000");
		}
		mono.appendTail(sb);
		String s = sb.toString();
		s = COLOR.matcher(s).replaceAll("");
		s = IMAGE.matcher(s).replaceAll(m -> Matcher.quoteReplacement("![" + m.group(1) + "](" + m.group(1) + ")"));
		s = MENTION.matcher(s).replaceAll(m -> Matcher.quoteReplacement("@" + m.group(1)));
		s = LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement("[" + m.group(1) + "](" + m.group(2) + ")"));
		s = BARE_LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement("<" + m.group(1) + ">"));
		s = BOLD.matcher(s).replaceAll(m -> Matcher.quoteReplacement("**" + m.group(1) + "**"));
		s = ITALIC.matcher(s).replaceAll(m -> Matcher.quoteReplacement("*" + m.group(1) + "*"));
		s = STRIKE.matcher(s).replaceAll(m -> Matcher.quoteReplacement("~~" + m.group(1) + "~~"));
		s = CITE.matcher(s).replaceAll(m -> Matcher.quoteReplacement("*" + m.group(1) + "*"));
		s = s.replace("\\\\", "  \n");
		for (int i = 0; i < kept.size(); i++) {
			s = s.replace("\u0000" + i + "\u0000", kept.get(i));
		}
		return s;
	}

}
