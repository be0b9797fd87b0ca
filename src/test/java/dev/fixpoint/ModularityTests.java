package dev.fixpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.Options;

/**
 * The module structure of docs/ARCHITECTURE.md holds: no cycles, only public APIs used
 * across modules.
 */
class ModularityTests {

	private static final Path DOCS = Path.of("docs/modules");

	private final ApplicationModules modules = ApplicationModules.of(FixpointApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	/**
	 * Regenerates docs/modules (committed, linked from docs/ARCHITECTURE.md): the module
	 * overview and one diagram per module (PlantUML), one canvas per module and
	 * all-docs.adoc that includes them. The folder is wiped first, so a removed module
	 * leaves no stale file; commit what changed together with the code that changed it.
	 */
	@Test
	void writesModuleDocumentation() throws IOException {
		new Documenter(this.modules, Options.defaults().withOutputFolder(DOCS.toString())).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases()
			.writeAggregatingDocument();
		try (Stream<Path> files = Files.list(DOCS)) {
			for (Path file : files.toList()) {
				if (file.toString().endsWith(".puml")) {
					Files.writeString(file, sortRuns(Files.readString(file), "Rel("));
				}
				else if (file.toString().endsWith(".adoc")) {
					Files.writeString(file, sortCells(Files.readString(file)));
				}
			}
		}
	}

	/**
	 * A canvas cell's list starts with {@code |* } and goes on with {@code * } lines:
	 * each list sorted.
	 */
	private static String sortCells(String asciidoc) {
		List<String> lines = new ArrayList<>(Arrays.asList(asciidoc.split("\n", -1)));
		for (int start = 0; start < lines.size(); start++) {
			if (!lines.get(start).startsWith("|* ")) {
				continue;
			}
			int end = start + 1;
			while (end < lines.size() && lines.get(end).startsWith("* ")) {
				end++;
			}
			List<String> items = lines.subList(start, end)
				.stream()
				.map(l -> l.substring(l.indexOf("* ") + 2))
				.sorted()
				.toList();
			for (int i = 0; i < items.size(); i++) {
				lines.set(start + i, (i == 0 ? "|* " : "* ") + items.get(i));
			}
		}
		return String.join("\n", lines);
	}

	/**
	 * The Documenter adds a diagram's relations and a canvas's events in the iteration
	 * order of hash maps, whose hash codes change from run to run, and so does the order
	 * of the lines; with each run of such lines sorted, a run on unchanged code leaves
	 * the files as they were. (A canvas cell's first item starts with "|* ", so it stays
	 * first.)
	 */
	private static String sortRuns(String text, String prefix) {
		List<String> lines = Arrays.asList(text.split("\n", -1));
		int start = 0;
		while (start < lines.size()) {
			int end = start;
			while (end < lines.size() && lines.get(end).startsWith(prefix)) {
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
