package dev.fixpoint.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;
import org.junit.jupiter.api.Test;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

class RememberedSessionValuesTest {

	final RememberedSessionValues values = new RememberedSessionValues(getClass().getClassLoader());

	@Test
	void aSignedInContextIsDeserializedOnceAndEveryReadGetsItsOwnCopy() {
		CurrentUser ann = new CurrentUser(UUID.randomUUID(), "ann@example.test", "ann", "Ann");
		byte[] stored = write(signedIn(ann));

		SecurityContext first = (SecurityContext) read(stored.clone());
		first.setAuthentication(null); // what signing out does to the request's context
		SecurityContext second = (SecurityContext) read(stored.clone());
		SecurityContext third = (SecurityContext) read(stored.clone());

		assertThat(this.values.size()).isEqualTo(1);
		assertThat(second).isNotSameAs(third);
		assertThat(second.getAuthentication()).isNotSameAs(third.getAuthentication());
		assertThat(second.getAuthentication().getPrincipal()).isEqualTo(ann);
		assertThat(second.getAuthentication().isAuthenticated()).isTrue();
		assertThat(second.getAuthentication().getCredentials()).isNull();
		assertThat(second.getAuthentication().getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_USER");
		assertThat(second).isEqualTo(signedIn(ann));
	}

	@Test
	void otherBytesAreAnotherValue() {
		CurrentUser ann = new CurrentUser(UUID.randomUUID(), "ann@example.test", "ann", "Ann");
		CurrentUser renamed = new CurrentUser(ann.id(), ann.email(), ann.username(), "Ann B.");
		read(write(signedIn(ann)));

		SecurityContext after = (SecurityContext) read(write(signedIn(renamed)));

		assertThat(after.getAuthentication().getPrincipal()).isEqualTo(renamed);
		assertThat(this.values.size()).isEqualTo(2);
	}

	@Test
	void csrfTokensAndPlainValuesAreRemembered() {
		DefaultCsrfToken token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", UUID.randomUUID().toString());
		byte[] stored = write(token);

		DefaultCsrfToken read = (DefaultCsrfToken) read(stored);

		assertThat(read.getToken()).isEqualTo(token.getToken());
		assertThat(read(stored.clone())).isSameAs(read(stored.clone()));
		assertThat(read(write("/bugs/WEB-1"))).isEqualTo("/bugs/WEB-1");
		assertThat(read(write(Boolean.TRUE))).isEqualTo(Boolean.TRUE);
	}

	@Test
	void otherValuesAreDeserializedOnEveryRead() {
		byte[] stored = write(new ArrayList<>(List.of("a", "b")));
		CurrentUser ann = new CurrentUser(UUID.randomUUID(), "ann@example.test", "ann", "Ann");
		UsernamePasswordAuthenticationToken withDetails = UsernamePasswordAuthenticationToken.authenticated(ann, null,
				List.of(new SimpleGrantedAuthority("ROLE_USER")));
		withDetails.setDetails(new ArrayList<>(List.of("detail")));

		Object first = read(stored);
		Object second = read(stored.clone());
		read(write(new SecurityContextImpl(withDetails)));
		read(write(new SecurityContextImpl(UsernamePasswordAuthenticationToken.unauthenticated(ann, "secret"))));

		assertThat(first).isEqualTo(List.of("a", "b")).isNotSameAs(second);
		assertThat(this.values.size()).isZero();
	}

	@Test
	void nullAndBytesAttributesAreWrittenAsBefore() {
		assertThat(read(null)).isNull();
		byte[] bytes = { 1, 2, 3 };
		assertThat(read(write(bytes))).isEqualTo(bytes);
	}

	private static SecurityContext signedIn(CurrentUser user) {
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_USER"))));
	}

	/** As Spring Session JDBC serializes an attribute. */
	private byte[] write(Object value) {
		return (byte[]) this.values.convert(value, TypeDescriptor.valueOf(Object.class),
				TypeDescriptor.valueOf(byte[].class));
	}

	/** As Spring Session JDBC deserializes an attribute. */
	private Object read(byte[] bytes) {
		return this.values.convert(bytes, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));
	}

}
