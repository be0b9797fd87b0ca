package dev.fixpoint.slack;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.fixpoint.platform.InvalidInputException;

/**
 * Slack's form-encoded bodies (commands, interactions), read from the raw bytes the
 * signature covers: strictly UTF-8, at most 50 parameters, the first value of each.
 */
public final class SlackForm {

	private SlackForm() {
	}

	public static Map<String, String> parse(byte[] body) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw InvalidInputException.of("body", "must be UTF-8");
		}
		Map<String, String> form = new LinkedHashMap<>();
		if (text.isEmpty()) {
			return form;
		}
		String[] pairs = text.split("&", 52);
		if (pairs.length > 50) {
			throw InvalidInputException.of("body", "has too many parameters");
		}
		for (String pair : pairs) {
			int eq = pair.indexOf('=');
			try {
				String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
				String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				if (value.indexOf('\u0000') >= 0 || value.contains("\uFFFD")) {
					throw InvalidInputException.of(name, "must be valid text");
				}
				form.putIfAbsent(name, value);
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInputException.of("body", "is not a valid form");
			}
		}
		return form;
	}

}
