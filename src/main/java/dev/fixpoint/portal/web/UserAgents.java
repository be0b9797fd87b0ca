package dev.fixpoint.portal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reporter's system as the browser names it ({@code User-Agent}): operating system,
 * browser and its version, prefilled in the form for the reporter to check and correct. A
 * best effort over the common browsers, no library: anything else is left blank.
 */
final class UserAgents {

	private record Rule(String name, Pattern pattern) {
	}

	private static final List<Rule> BROWSERS = List.of(new Rule("Edge", Pattern.compile("Edg(?:e|A|iOS)?/([\\d.]+)")),
			new Rule("Opera", Pattern.compile("OPR/([\\d.]+)")),
			new Rule("Samsung Internet", Pattern.compile("SamsungBrowser/([\\d.]+)")),
			new Rule("Firefox", Pattern.compile("(?:Firefox|FxiOS)/([\\d.]+)")),
			new Rule("Chrome", Pattern.compile("(?:Chrome|CriOS)/([\\d.]+)")),
			new Rule("Safari", Pattern.compile("Version/([\\d.]+).*Safari/")));

	private static final List<Rule> SYSTEMS = List.of(new Rule("Android", Pattern.compile("Android ([\\d.]+)")),
			new Rule("iOS", Pattern.compile("(?:iPhone|iPad|iPod).*? OS ([\\d_]+)")),
			new Rule("Windows", Pattern.compile("Windows NT ([\\d.]+)")),
			new Rule("macOS", Pattern.compile("Mac OS X ([\\d_]+)")),
			new Rule("ChromeOS", Pattern.compile("CrOS \\S+ ([\\d.]+)")),
			new Rule("Linux", Pattern.compile("Linux()")));

	private UserAgents() {
	}

	/**
	 * {@code os}, {@code browser}, {@code version}: each present only when recognized.
	 */
	static Map<String, String> describe(String userAgent) {
		Map<String, String> env = new LinkedHashMap<>();
		if (userAgent == null || userAgent.length() > 1000) {
			return env;
		}
		for (Rule rule : SYSTEMS) {
			Matcher m = rule.pattern().matcher(userAgent);
			if (m.find()) {
				String version = m.group(1).replace('_', '.');
				env.put("os", version.isEmpty() ? rule.name() : rule.name() + " " + version);
				break;
			}
		}
		for (Rule rule : BROWSERS) {
			Matcher m = rule.pattern().matcher(userAgent);
			if (m.find()) {
				env.put("browser", rule.name());
				env.put("version", m.group(1));
				break;
			}
		}
		return env;
	}

}
