package dev.fixpoint.platform;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * Where a start's time goes, for the operator who asks
 * ({@code FIXPOINT_STARTUP_REPORT=true} or {@code -Dfixpoint.startup-report=true}; off by
 * default, then nothing of this runs): Spring's start-up steps (reading the
 * configuration, creating each bean, ...) recorded with their wall-clock time and the CPU
 * time of the thread that ran them, and at ready one log line per phase (JVM start to
 * {@code main}, to the context refreshed, to ready: wall and the whole process's CPU) and
 * the steps that took the most, by their own time (their nested steps taken out). CPU is
 * what a busy machine moves least: a bean that waits for the database shows wall time and
 * no CPU. {@code bench/startup.sh} reads it.
 */
public final class StartupReport implements ApplicationStartup {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private static final int SHOWN = 30;

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final ThreadLocal<Deque<Step>> open = ThreadLocal.withInitial(ArrayDeque::new);

	private final List<Step> ended = new ArrayList<>();

	private final AtomicLong ids = new AtomicLong();

	private final long mainWall = System.nanoTime();

	private final long mainCpu = processCpuNanos();

	private long startedWall;

	private long startedCpu;

	StartupReport() {
	}

	/**
	 * Records the start of {@code application} when the operator asked for the report.
	 */
	public static void attachIfWanted(SpringApplication application) {
		if (!Boolean
			.parseBoolean(System.getProperty("fixpoint.startup-report", System.getenv("FIXPOINT_STARTUP_REPORT")))) {
			return;
		}
		StartupReport report = new StartupReport();
		application.setApplicationStartup(report);
		application.addListeners((ApplicationListener<ApplicationStartedEvent>) event -> report.refreshed());
		application.addListeners((ApplicationListener<ApplicationReadyEvent>) event -> report.ready());
	}

	@Override
	public StartupStep start(String name) {
		Deque<Step> stack = this.open.get();
		Step step = new Step(this, ids.incrementAndGet(), stack.peek(), name, System.nanoTime(), threadCpuNanos());
		stack.push(step);
		return step;
	}

	private void ended(Step step) {
		Deque<Step> stack = this.open.get();
		stack.remove(step);
		step.wall = System.nanoTime() - step.startWall;
		step.cpu = threadCpuNanos() - step.startCpu;
		if (step.parent != null) {
			step.parent.childWall += step.wall;
			step.parent.childCpu += step.cpu;
		}
		synchronized (this.ended) {
			this.ended.add(step);
		}
	}

	private void refreshed() {
		this.startedWall = System.nanoTime();
		this.startedCpu = processCpuNanos();
	}

	private void ready() {
		lines().forEach(log::info);
	}

	/** The report: the phases, CPU by thread, each kind of step, the slowest steps. */
	List<String> lines() {
		long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
		long jvmToMainMs = Math.max(0,
				System.currentTimeMillis() - jvmStartMs - (System.nanoTime() - this.mainWall) / 1_000_000);
		long wall = System.nanoTime();
		long cpu = processCpuNanos();
		long refreshedWall = this.startedWall == 0 ? wall : this.startedWall;
		long refreshedCpu = this.startedWall == 0 ? cpu : this.startedCpu;
		List<String> lines = new ArrayList<>();
		lines.add(String.format(
				"Start-up: JVM start to main %d ms (%d ms CPU); main to context refreshed %d ms (%d ms CPU);"
						+ " to ready %d ms (%d ms CPU); process CPU until ready %d ms",
				jvmToMainMs, ms(this.mainCpu), ms(refreshedWall - this.mainWall), ms(refreshedCpu - this.mainCpu),
				ms(wall - refreshedWall), ms(cpu - refreshedCpu), ms(cpu)));
		lines.add("Start-up CPU ms by thread (JIT compilers, GC, ...): " + cpuByThread());
		List<Step> steps;
		synchronized (this.ended) {
			steps = new ArrayList<>(this.ended);
		}
		Map<String, long[]> byName = new HashMap<>();
		for (Step step : steps) {
			long[] sum = byName.computeIfAbsent(step.name, n -> new long[3]);
			sum[0] += step.wall - step.childWall;
			sum[1] += step.cpu - step.childCpu;
			sum[2]++;
		}
		byName.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
			.forEach(e -> lines.add(String.format("Start-up step %s: %d times, own %d ms (%d ms CPU)", e.getKey(),
					e.getValue()[2], ms(e.getValue()[0]), ms(e.getValue()[1]))));
		steps.stream()
			.sorted(Comparator.comparingLong((Step s) -> s.cpu - s.childCpu).reversed())
			.limit(SHOWN)
			.forEach(s -> lines
				.add(String.format("Start-up slowest: %s %s own %d ms (%d ms CPU), with nested steps %d ms (%d ms CPU)",
						s.name, s.tags, ms(s.wall - s.childWall), ms(s.cpu - s.childCpu), ms(s.wall), ms(s.cpu))));
		return lines;
	}

	/**
	 * CPU time of this process's threads, in ms, summed by name without its trailing
	 * number ("C2 CompilerThread", "GC Thread#"): Linux's /proc only, empty elsewhere.
	 */
	static Map<String, Long> cpuByThread() {
		Map<String, Long> byName = new HashMap<>();
		long hz = 100; // USER_HZ, the unit of utime and stime in
						// /proc/<pid>/task/<tid>/stat
		try (java.util.stream.Stream<java.nio.file.Path> tasks = java.nio.file.Files
			.list(java.nio.file.Path.of("/proc/self/task"))) {
			for (java.nio.file.Path task : tasks.toList()) {
				String stat = java.nio.file.Files.readString(task.resolve("stat"));
				int open = stat.indexOf('('), close = stat.lastIndexOf(')');
				String name = stat.substring(open + 1, close).replaceAll("[0-9]+$", "").strip();
				String[] fields = stat.substring(close + 2).split(" ");
				long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				byName.merge(name, ticks * 1000 / hz, Long::sum);
			}
		}
		catch (java.io.IOException | RuntimeException ex) {
			return Map.of();
		}
		Map<String, Long> sorted = new java.util.LinkedHashMap<>();
		byName.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach(e -> sorted.put(e.getKey(), e.getValue()));
		return sorted;
	}

	private long threadCpuNanos() {
		return this.threads.getCurrentThreadCpuTime();
	}

	private static long processCpuNanos() {
		return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
				? os.getProcessCpuTime() : 0;
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

	private static final class Step implements StartupStep {

		private final StartupReport report;

		private final long id;

		private final Step parent;

		private final String name;

		private final long startWall;

		private final long startCpu;

		private final Map<String, String> tags = new HashMap<>(2);

		private long wall;

		private long cpu;

		private long childWall;

		private long childCpu;

		Step(StartupReport report, long id, Step parent, String name, long startWall, long startCpu) {
			this.report = report;
			this.id = id;
			this.parent = parent;
			this.name = name;
			this.startWall = startWall;
			this.startCpu = startCpu;
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public long getId() {
			return this.id;
		}

		@Override
		public Long getParentId() {
			return this.parent == null ? null : this.parent.id;
		}

		@Override
		public StartupStep tag(String key, String value) {
			this.tags.put(key, value);
			return this;
		}

		@Override
		public StartupStep tag(String key, Supplier<String> value) {
			return tag(key, value.get());
		}

		@Override
		public Tags getTags() {
			List<Tag> list = new ArrayList<>();
			this.tags.forEach((k, v) -> list.add(new Tag() {
				@Override
				public String getKey() {
					return k;
				}

				@Override
				public String getValue() {
					return v;
				}
			}));
			return list::iterator;
		}

		@Override
		public void end() {
			this.report.ended(this);
		}

	}

}
