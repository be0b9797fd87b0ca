package dev.fixpoint.bugs.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.fixpoint.platform.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentTextTest {

	@Test
	void combinesTheInputsAndExtraLines() {
		Map<String, String> env = EnvironmentText.parse(" Linux ", "Firefox 140", "",
				"locale: de-DE\n\n  screen :  4k \r\n");
		assertThat(env).containsExactly(Map.entry("os", "Linux"), Map.entry("browser", "Firefox 140"),
				Map.entry("locale", "de-DE"), Map.entry("screen", "4k"));
	}

	@Test
	void valuesMayContainColons() {
		assertThat(EnvironmentText.parse(null, null, null, "url: https://example.com:8443/x")).containsEntry("url",
				"https://example.com:8443/x");
	}

	@Test
	void aLineWithoutKeyIsAnErrorOnEnvironment() {
		assertThatThrownBy(() -> EnvironmentText.parse(null, null, null, "locale: de\njust text"))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.fieldErrors()).singleElement().satisfies(e -> {
					assertThat(e.field()).isEqualTo("environment");
					assertThat(e.message()).contains("line 2");
				});
			});
	}

	@Test
	void extraLinesLeaveOutTheStandardKeys() {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("os", "Linux");
		env.put("locale", "de-DE");
		env.put("browser", "Firefox");
		env.put("screen", "4k");
		assertThat(EnvironmentText.extraLines(env)).isEqualTo("locale: de-DE\nscreen: 4k");
	}

}
