package dev.fixpoint.platform;

import org.junit.jupiter.api.Test;

import org.springframework.core.metrics.StartupStep;

import static org.assertj.core.api.Assertions.assertThat;

class StartupReportTest {

	@Test
	void aStepNestedInAnotherIsItsChildAndBothAreReportedWithTheirTags() {
		StartupReport report = new StartupReport();
		StartupStep outer = report.start("spring.context.refresh");
		StartupStep inner = report.start("spring.beans.instantiate").tag("beanName", "bugQueries");
		inner.end();
		outer.end();

		assertThat(inner.getParentId()).isEqualTo(outer.getId());
		assertThat(outer.getParentId()).isNull();
		assertThat(report.lines()).anyMatch(line -> line.startsWith("Start-up: JVM start to main"))
			.anyMatch(line -> line.startsWith("Start-up step spring.beans.instantiate: 1 times"))
			.anyMatch(line -> line.startsWith("Start-up slowest: spring.beans.instantiate {beanName=bugQueries}"));
	}

	@Test
	void aStepStartedAfterAnotherEndedIsNotItsChild() {
		StartupReport report = new StartupReport();
		StartupStep first = report.start("spring.beans.instantiate");
		first.end();
		StartupStep second = report.start("spring.beans.instantiate");
		second.end();

		assertThat(second.getParentId()).isNull();
	}

}
