package dev.fixpoint.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a browser would submit for a form on a page (text and hidden inputs, ticked
 * checkboxes and radios, selected options, textareas), without its submit buttons: for
 * page tests that post a big form back. Good enough for this application's own markup;
 * not a general HTML parser.
 */
public final class HtmlForm {

	private static final Pattern FORM = Pattern.compile("(?s)<form[^>]*id=\"([^\"]+)\"[^>]*>(.*?)</form>");

	private static final Pattern INPUT = Pattern.compile("(?s)<input\\b([^>]*)>");

	private static final Pattern SELECT = Pattern.compile("(?s)<select\\b([^>]*)>(.*?)</select>");

	private static final Pattern OPTION = Pattern.compile("(?s)<option\\b([^>]*)>");

	private static final Pattern TEXTAREA = Pattern.compile("(?s)<textarea\\b([^>]*)>(.*?)</textarea>");

	private HtmlForm() {
	}

	/** The fields of the form with {@code id} in {@code html}, in no particular order. */
	public static List<Map.Entry<String, String>> fields(String html, String id) {
		Matcher form = FORM.matcher(html);
		String body = null;
		while (form.find()) {
			if (form.group(1).equals(id)) {
				body = form.group(2);
			}
		}
		if (body == null) {
			throw new IllegalArgumentException("no form #" + id);
		}
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		Matcher input = INPUT.matcher(body);
		while (input.find()) {
			String attrs = input.group(1);
			String type = attr(attrs, "type");
			String name = attr(attrs, "name");
			boolean checkable = "checkbox".equals(type) || "radio".equals(type);
			if (name == null || "submit".equals(type) || attrs.contains(" disabled")
					|| checkable && !attrs.contains(" checked")) {
				continue;
			}
			fields.add(Map.entry(name,
					unescape(attr(attrs, "value") == null ? (checkable ? "on" : "") : attr(attrs, "value"))));
		}
		Matcher select = SELECT.matcher(body);
		while (select.find()) {
			String name = attr(select.group(1), "name");
			Matcher option = OPTION.matcher(select.group(2));
			String value = null;
			while (option.find()) {
				if (value == null || option.group(1).contains(" selected")) {
					String v = attr(option.group(1), "value");
					value = v == null ? "" : unescape(v);
					if (option.group(1).contains(" selected")) {
						break;
					}
				}
			}
			if (name != null && value != null) {
				fields.add(Map.entry(name, value));
			}
		}
		Matcher textarea = TEXTAREA.matcher(body);
		while (textarea.find()) {
			String name = attr(textarea.group(1), "name");
			if (name != null) {
				fields.add(Map.entry(name, unescape(textarea.group(2))));
			}
		}
		return fields;
	}

	private static String attr(String attrs, String name) {
		Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attrs);
		return m.find() ? m.group(1) : null;
	}

	private static String unescape(String text) {
		return text.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&");
	}

}
