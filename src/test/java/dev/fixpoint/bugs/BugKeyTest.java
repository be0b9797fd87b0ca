package dev.fixpoint.bugs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BugKeyTest {

	@Test
	void parsesKeysCaseInsensitively() {
		assertThat(BugKey.parse("WEB-42")).contains(new BugKey("WEB", 42));
		assertThat(BugKey.parse(" web-7 ")).contains(new BugKey("WEB", 7));
		assertThat(BugKey.parse("A1B2-1").map(BugKey::toString)).contains("A1B2-1");
	}

	@Test
	void rejectsWhatIsNotAKey() {
		for (String bad : new String[] { null, "", "WEB", "WEB-", "WEB-0", "WEB-01", "1WEB-1", "W-1", "WEB-1-2",
				"ABCDEFGHIJK-1", "WEB-9999999999", "WEB 1", "'; drop table bugs; --" }) {
			assertThat(BugKey.parse(bad)).as(String.valueOf(bad)).isEmpty();
		}
	}

}
