package dev.fixpoint.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose query or form parameters hold text the edge does not take
 * ({@link RequestText}: NUL, lone surrogates) or that is not UTF-8, before security or a
 * controller reads them: 400 problem+json naming the parameter under {@code /api}, the
 * error page with the same sentence elsewhere.
 * <p>
 * The query string is decoded here, strictly, so the answer can name the parameter
 * (Tomcat throws on a malformed one, with the name possibly garbled, from whichever
 * {@code getParameter} call comes first). Form bodies are Tomcat's (or
 * {@code FormContentFilter}'s, which runs before): their values are checked after
 * parsing. Multipart bodies are left to the controller that asks for them (the upload
 * size rule needs them unread); their text parts are ids, names are sanitized there.
 */
final class RequestTextFilter extends OncePerRequestFilter {

	/**
	 * Request attribute with the refusal as a sentence, for the error page of a non-API
	 * request.
	 */
	static final String REFUSAL = RequestTextFilter.class.getName() + ".refusal";

	private final ProblemWriter problems;

	RequestTextFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		FieldError refused = refusal(request);
		if (refused == null) {
			chain.doFilter(request, response);
			return;
		}
		if (FixpointErrorController.isApi(request.getRequestURI())) {
			this.problems.write(response, InvalidInputException.of(List.of(refused)));
		}
		else {
			request.setAttribute(REFUSAL, FormErrors.sentence(refused));
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
		}
	}

	private static FieldError refusal(HttpServletRequest request) {
		FieldError query = QueryString.refusal(request.getQueryString());
		if (query != null || isMultipart(request)) {
			return query;
		}
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			// Tomcat's InvalidParameterException: a form body that is not UTF-8 or
			// percent-encoding, or too many parameters
			return new FieldError("form",
					"could not be read: it must be UTF-8, percent-encoded, with at most " + "1,000 parameters");
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			FieldError refused = refusal(parameter.getKey(), parameter.getValue());
			if (refused != null) {
				return refused;
			}
		}
		return null;
	}

	private static FieldError refusal(String name, String... values) {
		String problem = RequestText.problem(name);
		if (problem != null) {
			return new FieldError(printable(name), "(a parameter name) " + problem);
		}
		for (String value : values) {
			problem = value == null ? null : RequestText.problem(value);
			if (problem != null) {
				return new FieldError(name, problem);
			}
		}
		return null;
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	/** A refused name as it can be shown: the offending characters replaced by U+FFFD. */
	static String printable(String name) {
		StringBuilder out = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean paired = Character.isHighSurrogate(c) && i + 1 < name.length()
					&& Character.isLowSurrogate(name.charAt(i + 1));
			if (paired) {
				out.append(c).append(name.charAt(++i));
			}
			else {
				out.append(c == 0 || Character.isSurrogate(c) ? '\uFFFD' : c);
			}
		}
		return out.toString();
	}

	/**
	 * A raw query string ({@code a=1&b=%C3%A9}) decoded strictly, parameter by parameter.
	 */
	static final class QueryString {

		private QueryString() {
		}

		/** The first parameter refused, or null. */
		static FieldError refusal(String raw) {
			if (raw == null || raw.isEmpty()) {
				return null;
			}
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				String name = eq < 0 ? pair : pair.substring(0, eq);
				Decoded decodedName = decode(name);
				if (decodedName.problem() != null) {
					return new FieldError(printable(decodedName.text()), "(a parameter name) " + decodedName.problem());
				}
				Decoded value = decode(eq < 0 ? "" : pair.substring(eq + 1));
				if (value.problem() != null) {
					return new FieldError(decodedName.text(), value.problem());
				}
			}
			return null;
		}

		/** Percent-decoded UTF-8 text and why it is refused (or null). */
		record Decoded(String text, String problem) {
		}

		static Decoded decode(String encoded) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
			for (int i = 0; i < encoded.length(); i++) {
				char c = encoded.charAt(i);
				if (c == '%') {
					int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
					int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
					if (low < 0) {
						return new Decoded(lenient(bytes.toByteArray()),
								"must be percent-encoded UTF-8 ('%' followed by two hex digits)");
					}
					bytes.write(high * 16 + low);
					i += 2;
				}
				else if (c == '+') {
					bytes.write(' ');
				}
				else {
					bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
				}
			}
			byte[] decoded = bytes.toByteArray();
			try {
				String text = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(decoded))
					.toString();
				return new Decoded(text, RequestText.problem(text));
			}
			catch (CharacterCodingException ex) {
				return new Decoded(lenient(decoded), RequestText.NOT_UTF8);
			}
		}

		private static String lenient(byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}

	}

}
