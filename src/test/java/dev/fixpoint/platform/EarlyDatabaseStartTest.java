package dev.fixpoint.platform;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EarlyDatabaseStartTest {

	@Test
	void startsTheEmbeddedServerEarlyOnlyForAPersistentDataDirectoryOfItsOwn() {
		assertThat(EarlyDatabaseStart.wanted(new MockEnvironment())).isTrue();
		assertThat(EarlyDatabaseStart.wanted(new MockEnvironment().withProperty("spring.datasource.url", ""))).isTrue();
		assertThat(EarlyDatabaseStart
			.wanted(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/fixpoint")))
			.isFalse();
		assertThat(EarlyDatabaseStart.wanted(new MockEnvironment().withProperty("fixpoint.ephemeral-database", "true")))
			.isFalse();
		assertThat(EarlyDatabaseStart
			.wanted(new MockEnvironment().withProperty("fixpoint.share-running-database", "true"))).isFalse();
	}

}
