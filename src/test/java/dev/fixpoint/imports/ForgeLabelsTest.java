package dev.fixpoint.imports;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ForgeLabelsTest {

	@Test
	void priorityComesFromTheUsualLabelForms() {
		assertThat(ForgeLabels.priority(List.of("bug", "priority: high"), Map.of())).contains("high");
		assertThat(ForgeLabels.priority(List.of("priority::critical"), Map.of())).contains("critical");
		assertThat(ForgeLabels.priority(List.of("prio/P1"), Map.of())).contains("P1");
		assertThat(ForgeLabels.priority(List.of("P0"), Map.of())).contains("P0");
		assertThat(ForgeLabels.priority(List.of("Priority Low"), Map.of())).contains("Low");
	}

	@Test
	void wordsThatOnlyStartLikeAPriorityAreNotOne() {
		assertThat(ForgeLabels.priority(List.of("priority", "principle", "prior-art", "P7"), Map.of())).isEmpty();
		assertThat(ForgeLabels.severity(List.of("severe", "several"), Map.of())).isEmpty();
	}

	@Test
	void aLabelTheMappingNamesWins() {
		assertThat(ForgeLabels.priority(List.of("priority: low", "Urgent"), Map.of("urgent", "P0"))).contains("Urgent");
		assertThat(ForgeLabels.severity(List.of("crash"), Map.of("crash", "critical"))).contains("crash");
	}

	@Test
	void severityComesFromItsLabels() {
		assertThat(ForgeLabels.severity(List.of("severity: critical"), Map.of())).contains("critical");
		assertThat(ForgeLabels.severity(List.of("sev::S2"), Map.of())).contains("S2");
	}

}
