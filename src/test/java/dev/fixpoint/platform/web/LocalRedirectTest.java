package dev.fixpoint.platform.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRedirectTest {

	@Test
	void localPathsAreKept() {
		assertThat(LocalRedirect.orElse("/p/WEB/bugs?status=open", "/projects")).isEqualTo("/p/WEB/bugs?status=open");
	}

	@ParameterizedTest
	@ValueSource(strings = { "//evil.example", "/\\evil.example", "https://evil.example", "evil.example", "",
			"/ok\r\nSet-Cookie: x", "/a b" })
	void anythingElseFallsBack(String next) {
		assertThat(LocalRedirect.orElse(next, "/projects")).isEqualTo("/projects");
	}

	@Test
	void missingNextFallsBack() {
		assertThat(LocalRedirect.orElse(null, "/projects")).isEqualTo("/projects");
	}

}
