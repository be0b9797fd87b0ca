package dev.fixpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.Options;

/** The module structure of docs/ARCHITECTURE.md holds: no cycles, only public APIs used across modules. */
class ModularityTests {

	private static final Path DOCS = Path.of("docs/modules");

	private final ApplicationModules modules = ApplicationModules.of(FixpointApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	/**
	 * Regenerates docs/modules (committed, linked from docs/ARCHITECTURE.md): the module overview and one diagram per
	 * module (PlantUML), one canvas per module and all-docs.adoc that includes them. The folder is wiped first, so a
	 * removed module leaves no stale file; commit what changed together with the code that changed it.
	 */
	@Test
	void writesModuleDocumentation() throws IOException {
		new Documenter(this.modules, Options.defaults().withOutputFolder(DOCS.toString())).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases()
			.writeAggregatingDocument();
		try (Stream<Path> files = Files.list(DOCS)) {
			for (Path puml : files.filter((file) -> file.toString().endsWith(".puml")).toList()) {
				Files.writeString(puml, sortRelations(Files.readString(puml)));
			}
		}
	}

	/**
	 * The Documenter adds a diagram's relations in the iteration order of a hash map of the modules, whose hash codes
	 * change from run to run, and so does the order of the lines; sorted, a run on unchanged code leaves the files as
	 * they were.
	 */
	private static String sortRelations(String plantUml) {
		List<String> lines = Arrays.asList(plantUml.split("\n", -1));
		int start = 0;
		while (start < lines.size()) {
			int end = start;
			while (end < lines.size() && lines.get(end).startsWith("Rel(")) {
				end++;
			}
			if (end > start) {
				lines.subList(start, end).sort(null);
			}
			start = end + 1;
		}
		return String.join("\n", lines);
	}

}
