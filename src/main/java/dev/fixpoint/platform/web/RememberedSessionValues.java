package dev.fixpoint.platform.web;

import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

import dev.fixpoint.platform.CurrentUser;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Spring Session JDBC's conversion of session attributes to and from their stored bytes
 * (Java serialization, as its default), remembering what the bytes of the signed-in
 * person's security context and of the CSRF token deserialize to: every page view reads
 * both from {@code spring_session_attributes} and deserialized them again (18–21 KB
 * allocated per view, ~5–9% of a page's CPU).
 * <p>
 * The bytes still come from the database on every request; only their meaning is
 * remembered, keyed by the bytes themselves (equal contents, equal value). So a session
 * changed on another node, signed out, or signed in again has other bytes or no row, and
 * is read as it is stored: nothing here can outlive what the database says.
 * <p>
 * Only values whose copies are cheap and complete are remembered, and every request gets
 * its own copy, never the remembered object: a {@link SecurityContextImpl} holding an
 * authenticated {@link UsernamePasswordAuthenticationToken} of a {@link CurrentUser}
 * without credentials or details (what {@link WebSessions#signIn} stores; the copy shares
 * only the immutable principal and authorities), the immutable {@link DefaultCsrfToken},
 * {@link String} and {@link Boolean}. Anything else (a pending sign-in, an SSO token, a
 * flash map) is deserialized on every read, as before.
 * <p>
 * At most {@link #CAPACITY} values are remembered (a few MB); when full, an arbitrary one
 * is forgotten for each new one.
 */
final class RememberedSessionValues implements ConversionService {

	static final int CAPACITY = 2_000;

	private static final TypeDescriptor BYTES = TypeDescriptor.valueOf(byte[].class);

	private final DeserializingConverter deserializer;

	private final SerializingConverter serializer = new SerializingConverter();

	private final ConcurrentHashMap<Bytes, Object> remembered = new ConcurrentHashMap<>();

	RememberedSessionValues(ClassLoader classLoader) {
		this.deserializer = new DeserializingConverter(classLoader);
	}

	/** How many values are remembered (for tests). */
	int size() {
		return this.remembered.size();
	}

	@Override
	public boolean canConvert(Class<?> sourceType, Class<?> targetType) {
		return sourceType == null || sourceType == byte[].class || targetType == byte[].class;
	}

	@Override
	public boolean canConvert(TypeDescriptor sourceType, TypeDescriptor targetType) {
		return canConvert(sourceType == null ? null : sourceType.getType(), targetType.getType());
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T convert(Object source, Class<T> targetType) {
		return (T) convert(source, TypeDescriptor.forObject(source), TypeDescriptor.valueOf(targetType));
	}

	@Override
	public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
		if (source == null) {
			return null;
		}
		if (source instanceof byte[] bytes && !BYTES.equals(targetType)) {
			return read(bytes);
		}
		return this.serializer.convert(source);
	}

	private Object read(byte[] bytes) {
		Bytes key = new Bytes(bytes);
		Object known = this.remembered.get(key);
		if (known != null) {
			return copy(known);
		}
		Object value = this.deserializer.convert(bytes);
		Object kept = copy(value);
		if (kept != null) {
			if (this.remembered.size() >= CAPACITY) {
				Iterator<Bytes> keys = this.remembered.keySet().iterator();
				if (keys.hasNext()) {
					this.remembered.remove(keys.next());
				}
			}
			// the caller may change its value (sign-out clears the context): the map
			// keeps a copy that no request ever sees
			this.remembered.put(key, kept);
		}
		return value;
	}

	/**
	 * A copy of the value that shares nothing mutable with it, or null for a value that
	 * is not remembered.
	 */
	static Object copy(Object value) {
		if (value instanceof DefaultCsrfToken || value instanceof String || value instanceof Boolean) {
			return value;
		}
		if (value != null && value.getClass() == SecurityContextImpl.class) {
			SecurityContextImpl context = (SecurityContextImpl) value;
			if (context.getAuthentication() != null
					&& context.getAuthentication().getClass() == UsernamePasswordAuthenticationToken.class) {
				UsernamePasswordAuthenticationToken token = (UsernamePasswordAuthenticationToken) context
					.getAuthentication();
				if (token.isAuthenticated() && token.getPrincipal() instanceof CurrentUser user
						&& token.getCredentials() == null && token.getDetails() == null) {
					return new SecurityContextImpl(
							UsernamePasswordAuthenticationToken.authenticated(user, null, token.getAuthorities()));
				}
			}
		}
		return null;
	}

	/** Stored bytes as a map key: equal contents, equal keys. */
	private static final class Bytes {

		private final byte[] bytes;

		private final int hash;

		Bytes(byte[] bytes) {
			this.bytes = bytes;
			this.hash = Arrays.hashCode(bytes);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Bytes that && this.hash == that.hash && Arrays.equals(this.bytes, that.bytes);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

}
