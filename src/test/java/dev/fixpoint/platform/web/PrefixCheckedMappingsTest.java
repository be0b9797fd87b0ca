package dev.fixpoint.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrefixCheckedMappingsTest {

	@Test
	void aPatternsLiteralPrefixEndsAtItsFirstVariableOrWildcard() {
		assertThat(PrefixCheckedMappings.literalPrefix("/api/bugs/{bug}/comments")).isEqualTo("/api/bugs/");
		assertThat(PrefixCheckedMappings.literalPrefix("/api/me")).isEqualTo("/api/me");
		assertThat(PrefixCheckedMappings.literalPrefix("/p/*/bugs")).isEqualTo("/p/");
		assertThat(PrefixCheckedMappings.literalPrefix("/files/a?c")).isEqualTo("/files/a");
		assertThat(PrefixCheckedMappings.literalPrefix("/{*rest}")).isEqualTo("/");
		assertThat(PrefixCheckedMappings.literalPrefix("")).isEmpty();
	}

}
