package dev.fixpoint.support;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary CI prints after a test ran past its bound: the threads that pass through
 * Fixpoint's code, each with its top frames and its own frames, and nothing else.
 */
class ThreadDumpOnTimeoutTest {

	@Test
	void keepsTheThreadsInFixpointsCodeWithTheirTopAndOwnFrames() {
		List<String> dump = new ArrayList<>(List.of("12345", "2026-12-08T02:00:00Z", "21.0.1", ""));
		dump.add("#31 \"tomcat-handler-7\" virtual WAITING 2026-12-08T02:00:00Z");
		for (int i = 0; i < 10; i++) {
			dump.add("    at java.base/jdk.internal.Frame" + i + ".run(Frame.java:1)");
		}
		dump.add("    at dev.fixpoint.bugs.BugRepository.insert(BugRepository.java:120)");
		dump.add("    at dev.fixpoint.bugs.BugManagement.report(BugManagement.java:170)");
		dump.add("");
		dump.add("#32 \"Common-Cleaner\" daemon TIMED_WAITING");
		dump.add("    at java.base/java.lang.Object.wait0(Native Method)");
		dump.add("");
		dump.add("#33 \"junit-jupiter-timeout-watcher\" RUNNABLE");
		dump.add("    at java.base/jdk.internal.vm.ThreadSnapshot.create(Native Method)");
		dump.add("    at dev.fixpoint.support.ThreadDumpOnTimeout.beforeThreadInterrupt(ThreadDumpOnTimeout.java:43)");

		List<String> summary = ThreadDumpOnTimeout.summary(dump);

		assertThat(summary).first().asString().contains("tomcat-handler-7");
		assertThat(summary).hasSize(1 + 6 + 2)
			.contains("    ...at dev.fixpoint.bugs.BugRepository.insert(BugRepository.java:120)",
					"    ...at dev.fixpoint.bugs.BugManagement.report(BugManagement.java:170)")
			.noneMatch(line -> line.contains("Common-Cleaner") || line.contains("timeout-watcher")
					|| line.contains("Frame6"));
	}

}
