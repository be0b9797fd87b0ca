package dev.fixpoint.support;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.PreInterruptCallback;
import org.junit.jupiter.api.extension.PreInterruptContext;

/**
 * When a test runs past its bound ({@code junit-platform.properties}), writes a dump of
 * every thread, virtual ones included, to {@code target/thread-dumps} before JUnit
 * interrupts it. JUnit's own dump lists platform threads only, and the server's request
 * handlers are virtual threads: a test waiting on a request the server never answers
 * shows where that request waits only here.
 * <p>
 * Beside it, a short summary: the threads whose stacks pass through Fixpoint's code, each
 * with its top frames and its Fixpoint frames. {@code .ci/run} prints the summaries when
 * the build fails, last, where a CI log's tail shows them.
 */
public final class ThreadDumpOnTimeout implements PreInterruptCallback {

	private static final Path DUMPS = Paths.get("target", "thread-dumps");

	private static final int TOP_FRAMES = 6;

	private static final int OWN_FRAMES = 4;

	@Override
	public void beforeThreadInterrupt(PreInterruptContext preInterruptContext, ExtensionContext context)
			throws Exception {
		Files.createDirectories(DUMPS);
		String test = context.getRequiredTestClass().getSimpleName() + "-"
				+ context.getTestMethod().map(m -> m.getName()).orElse("class");
		String name = test + "-" + System.currentTimeMillis();
		Path file = DUMPS.resolve(name + ".txt").toAbsolutePath();
		ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
			.dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
		Files.writeString(DUMPS.resolve(name + "-summary.txt"), test + " timed out; its threads in Fixpoint's code:\n"
				+ String.join("\n", summary(Files.readAllLines(file))) + "\n");
		System.out.println("Every thread's stack, virtual threads included: " + file);
	}

	/** The dump's threads that pass through Fixpoint's code, shortened. */
	static List<String> summary(List<String> dump) {
		List<String> lines = new ArrayList<>();
		List<String> thread = new ArrayList<>();
		for (String line : dump) {
			if (line.isBlank()) {
				lines.addAll(shortened(thread));
				thread.clear();
			}
			else {
				thread.add(line);
			}
		}
		lines.addAll(shortened(thread));
		return lines;
	}

	private static List<String> shortened(List<String> thread) {
		if (thread.isEmpty() || !thread.get(0).startsWith("#")
				|| thread.stream().noneMatch(line -> line.contains("dev.fixpoint."))
				|| thread.stream().anyMatch(line -> line.contains(ThreadDumpOnTimeout.class.getName()))) {
			return List.of();
		}
		List<String> kept = new ArrayList<>();
		kept.add(thread.get(0));
		List<String> frames = thread.subList(1, thread.size());
		frames.stream().limit(TOP_FRAMES).forEach(kept::add);
		frames.stream()
			.skip(TOP_FRAMES)
			.filter(line -> line.contains("dev.fixpoint."))
			.limit(OWN_FRAMES)
			.forEach(line -> kept.add("    ..." + line.strip()));
		return kept;
	}

}
