package dev.fixpoint.forge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bug keys named in a pull request's title, body, branch or a commit message, and whether
 * a closing word precedes them ({@code Fixes WEB-42}, GitHub's list: close, closes,
 * closed, fix, fixes, fixed, resolve, resolves, resolved; any case, an optional colon).
 * Keys are matched in any case ({@code fix/web-42-login}) but only for the given project
 * keys: a key of a project not linked to the repository is ignored.
 */
final class BugMentions {

	private static final Pattern MENTION = Pattern.compile(
			"(?:\\b(close[sd]?|fix(?:e[sd])?|resolve[sd]?)\\b:?[ \\t]+)?(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]{1,9})-(\\d{1,9})(?![0-9])",
			Pattern.CASE_INSENSITIVE);

	/** A bug key found, and whether any mention of it carried a closing word. */
	record Mention(String projectKey, int number, boolean closing) {

		String key() {
			return this.projectKey + "-" + this.number;
		}

	}

	private BugMentions() {
	}

	static List<Mention> find(Set<String> projectKeys, String... texts) {
		Map<String, Mention> found = new LinkedHashMap<>();
		for (String text : texts) {
			if (text == null) {
				continue;
			}
			Matcher m = MENTION.matcher(text);
			while (m.find()) {
				String project = m.group(2).toUpperCase(Locale.ROOT);
				if (!projectKeys.contains(project)) {
					continue;
				}
				int number = Integer.parseInt(m.group(3));
				boolean closing = m.group(1) != null;
				found.merge(project + "-" + number, new Mention(project, number, closing),
						(a, b) -> new Mention(a.projectKey(), a.number(), a.closing() || b.closing()));
			}
		}
		return new ArrayList<>(found.values());
	}

}
