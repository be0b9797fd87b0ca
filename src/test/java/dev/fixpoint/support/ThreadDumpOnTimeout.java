package dev.fixpoint.support;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

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
 */
public final class ThreadDumpOnTimeout implements PreInterruptCallback {

	private static final Path DUMPS = Paths.get("target", "thread-dumps");

	@Override
	public void beforeThreadInterrupt(PreInterruptContext preInterruptContext, ExtensionContext context)
			throws Exception {
		Files.createDirectories(DUMPS);
		String test = context.getRequiredTestClass().getSimpleName() + "-"
				+ context.getTestMethod().map(m -> m.getName()).orElse("class");
		Path file = DUMPS.resolve(test + "-" + System.currentTimeMillis() + ".txt").toAbsolutePath();
		ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
			.dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
		System.out.println("Every thread's stack, virtual threads included: " + file);
	}

}
