package dev.fixpoint.platform;

import java.text.Normalizer;
import java.util.Locale;

/** Turns names into URL slugs and Java property names into the API's snake_case. */
public final class Names {

	private Names() {
	}

	public static String slug(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		if (slug.length() > 60) {
			slug = slug.substring(0, 60).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "x" : slug;
	}

	public static String snakeCase(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

}
