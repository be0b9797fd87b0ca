package dev.fixpoint.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.LimitExceededException;
import dev.fixpoint.platform.Names;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpMethod;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How every JSON request body is read, for every endpoint: the one place where the API's
 * strictness lives (docs/API.md, "Strictness").
 * <ol>
 * <li>At most {@code maxBody} bytes (413 beyond).</li>
 * <li>No string or key holds text {@link RequestText} refuses (NUL, a lone surrogate):
 * 400 naming each such field, before anything is bound.</li>
 * <li>JSON types as declared: no number or boolean as a string, no string as a number or
 * boolean, no fraction as an integer, no number as an enum ({@link #strict}).</li>
 * <li>Every field the target type does not take (unknown, or read-only like a project's
 * {@code key}) is named, all of them at once, instead of being ignored.</li>
 * <li>In a PATCH, null only where it clears ({@link #refuseNulls}).</li>
 * </ol>
 * The application's {@code JsonMapper} bean stays lenient for what the app reads itself
 * (stored JSON); only request bodies go through the strict copy. Responses are written as
 * before.
 */
final class StrictJsonConverter extends JacksonJsonHttpMessageConverter {

	/** The fields of the body being read that its type does not take. */
	private static final ThreadLocal<List<FieldError>> UNKNOWN = new ThreadLocal<>();

	private static final Object UNKNOWN_KEY = UnknownFields.class;

	private final DataSize maxBody;

	StrictJsonConverter(JsonMapper mapper, DataSize maxBody) {
		super(strict(mapper));
		this.maxBody = maxBody;
	}

	/** The application's mapper with request strictness. */
	static JsonMapper strict(JsonMapper mapper) {
		return mapper.rebuild()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			// "1" is not a number, 1 not a boolean ...
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			// ... and 123 or true not a string: nothing coerces into text
			.withCoercionConfig(LogicalType.Textual,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.addHandler(new UnknownFields())
			.build();
	}

	@Override
	public Object read(ResolvableType type, HttpInputMessage message, Map<String, Object> hints)
			throws IOException, HttpMessageNotReadableException {
		byte[] body = body(message);
		Scan scan = scan(body);
		if (!scan.refused().isEmpty()) {
			throw InvalidInputException.of(scan.refused());
		}
		List<FieldError> unknown = new ArrayList<>();
		UNKNOWN.set(unknown);
		Object value;
		try {
			value = super.read(type, new Buffered(body, message.getHeaders()), hints);
		}
		finally {
			UNKNOWN.remove();
		}
		if (!unknown.isEmpty()) {
			throw InvalidInputException.of(unknown);
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				&& HttpMethod.PATCH.matches(request.getRequest().getMethod())) {
			refuseNulls(value, scan.nulls());
		}
		return value;
	}

	/**
	 * In a PATCH, a field left out stays as it is, so a null that does not clear would be
	 * a silent no-op: refused, unless the field declares that null clears it with
	 * {@code @JsonSetter(nulls = Nulls.SET)}. (Jackson's {@code Nulls.FAIL} cannot say
	 * this: it refuses a record's absent fields too.)
	 */
	private static void refuseNulls(Object value, List<String> nulls) {
		if (value == null || !value.getClass().isRecord() || nulls.isEmpty()) {
			return;
		}
		List<FieldError> refused = new ArrayList<>();
		for (RecordComponent component : value.getClass().getRecordComponents()) {
			String name = Names.snakeCase(component.getName());
			JsonSetter setter = setter(value.getClass(), component);
			if (nulls.contains(name) && (setter == null || setter.nulls() != Nulls.SET)) {
				refused.add(new FieldError(name, "must not be null"));
			}
		}
		if (!refused.isEmpty()) {
			throw InvalidInputException.of(refused);
		}
	}

	private static JsonSetter setter(Class<?> type, RecordComponent component) {
		try {
			return type.getDeclaredField(component.getName()).getAnnotation(JsonSetter.class);
		}
		catch (NoSuchFieldException ex) {
			return null;
		}
	}

	@Override
	protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
		List<FieldError> unknown = UNKNOWN.get();
		return unknown == null ? reader : reader.withAttribute(UNKNOWN_KEY, unknown);
	}

	private byte[] body(HttpInputMessage message) throws IOException {
		long max = this.maxBody.toBytes();
		if (message.getHeaders().getContentLength() > max) {
			throw new BodyTooLargeException(max);
		}
		InputStream in = message.getBody();
		byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		if (body.length > max) {
			throw new BodyTooLargeException(max);
		}
		return body;
	}

	/**
	 * What one pass over the document finds: every string and key the edge refuses, and
	 * the top-level fields given as null.
	 */
	record Scan(List<FieldError> refused, List<String> nulls) {
	}

	/** The document's {@link Scan}; empty when it is not JSON (the converter says so). */
	private Scan scan(byte[] body) {
		List<FieldError> refused = new ArrayList<>();
		List<String> nulls = new ArrayList<>();
		JsonParser parser = getMapper().createParser(body);
		try (parser) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				TokenStreamContext context = parser.streamReadContext();
				if (token == JsonToken.PROPERTY_NAME) {
					String problem = RequestText.problem(parser.currentName());
					if (problem != null) {
						refused.add(new FieldError(JsonFieldPath.of(context.getParent()), "has a key that " + problem));
					}
				}
				else if (token == JsonToken.VALUE_NULL && context.inObject() && context.getParent().inRoot()) {
					nulls.add(context.currentName());
				}
				else if (token == JsonToken.VALUE_STRING) {
					String problem = RequestText.problem(parser.getString());
					if (problem != null) {
						refused.add(new FieldError(JsonFieldPath.of(context), problem));
					}
				}
			}
		}
		catch (JacksonException ex) {
			// Jackson refuses a lone surrogate in a key itself: name the object it is in
			String message = String.valueOf(ex.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
			if (message.contains("surrogate")) {
				TokenStreamContext at = parser.streamReadContext();
				refused.add(new FieldError(JsonFieldPath.of(at.inObject() ? at.getParent() : at),
						"has a key that " + RequestText.LONE_SURROGATE));
			}
			return new Scan(refused, List.of());
		}
		return new Scan(refused, nulls);
	}

	/** Collects the fields a body's type does not take, in the body's order. */
	static final class UnknownFields extends DeserializationProblemHandler {

		@Override
		@SuppressWarnings("unchecked")
		public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
				ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
			if (!(context.getAttribute(UNKNOWN_KEY) instanceof List<?> unknown)) {
				return false;
			}
			((List<FieldError>) unknown)
				.add(new FieldError(path(context, parser, propertyName), message(deserializer)));
			parser.skipChildren();
			return true;
		}

		/**
		 * Where the property is. A record's unknown properties are buffered and replayed
		 * on a parser of their own, after the document's parser has left the record (it
		 * is at the record's end, in the record's parent's context).
		 */
		private static String path(DeserializationContext context, JsonParser parser, String propertyName) {
			JsonParser document = context.getParser();
			if (parser != document) {
				return JsonFieldPath.child(JsonFieldPath.of(document.streamReadContext()), propertyName);
			}
			TokenStreamContext at = parser.streamReadContext();
			if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
				at = at.getParent();
			}
			return JsonFieldPath.of(at);
		}

		private static String message(ValueDeserializer<?> deserializer) {
			Collection<Object> known = deserializer == null ? null : deserializer.getKnownPropertyNames();
			if (known == null || known.isEmpty()) {
				return "is unknown or read-only";
			}
			return "is unknown or read-only; this request takes "
					+ known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
		}

	}

	/** The body, read once, for the converter to read again. */
	private record Buffered(byte[] bytes, HttpHeaders headers) implements HttpInputMessage {

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.bytes);
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

	}

	/** A JSON body over {@code fixpoint.web.max-json-body}. */
	static final class BodyTooLargeException extends LimitExceededException {

		BodyTooLargeException(long max) {
			super("The JSON body is larger than " + DataSize.ofBytes(max).toKilobytes() + " KB, the most this server "
					+ "reads", Map.of("max_bytes", max));
		}

	}

}
