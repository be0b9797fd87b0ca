package dev.fixpoint.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrefixCheckedMappingsTest {

	@Test
	void aPatternsLeadingPathIsItsWholeLiteralSegmentsBeforeItsFirstVariableOrWildcard() {
		assertThat(PrefixCheckedMappings.leadingPath("/api/bugs/{bug}/comments")).isEqualTo("/api/bugs");
		assertThat(PrefixCheckedMappings.leadingPath("/api/bugs/{bug}")).isEqualTo("/api/bugs");
		assertThat(PrefixCheckedMappings.leadingPath("/api/me")).isEqualTo("/api/me");
		assertThat(PrefixCheckedMappings.leadingPath("/p/*/bugs")).isEqualTo("/p");
		assertThat(PrefixCheckedMappings.leadingPath("/files/a?c")).isEqualTo("/files");
		assertThat(PrefixCheckedMappings.leadingPath("/api/**")).as("also matches /api").isEqualTo("/api");
		assertThat(PrefixCheckedMappings.leadingPath("/bugs/{key}.json")).isEqualTo("/bugs");
		assertThat(PrefixCheckedMappings.leadingPath("/{*rest}")).isEmpty();
		assertThat(PrefixCheckedMappings.leadingPath("")).isEmpty();
	}

}
