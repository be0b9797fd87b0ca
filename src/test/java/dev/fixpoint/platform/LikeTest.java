package dev.fixpoint.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LikeTest {

	@Test
	void containsEscapesTheWildcardsAndTheEscapeCharacter() {
		assertThat(Like.contains("50%_off\\now")).isEqualTo("%50\\%\\_off\\\\now%");
	}

	@Test
	void plainTextIsOnlyWrapped() {
		assertThat(Like.contains("Ann Smith")).isEqualTo("%Ann Smith%");
		assertThat(Like.contains("")).isEqualTo("%%");
	}

}
