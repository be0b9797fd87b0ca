package dev.fixpoint.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.fixpoint.projects.Project;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Loads the demo organization unless it is already there: first the people and projects
 * in one transaction, then each project's bugs in a transaction of its own, the projects
 * side by side (hundreds of use-case calls, each a few round trips to the database, so
 * overlapping them is what keeps start-up short). Seeded per project, so every
 * installation gets the same people, projects and bug reports whatever the threads do
 * (ids and timestamps aside).
 */
@Service
class DemoData {

	static final long SEED = 20261125L;

	private final DemoTeam team;

	private final DemoProjects projects;

	private final DemoBugs bugs;

	private final TransactionOperations transactions;

	DemoData(DemoTeam team, DemoProjects projects, DemoBugs bugs, TransactionOperations transactions) {
		this.team = team;
		this.projects = projects;
		this.bugs = bugs;
		this.transactions = transactions;
	}

	/** What a load did: nothing (already there) or how much it created. */
	record Loaded(boolean created, int people, int projects, int bugs, long millis) {

		static final Loaded ALREADY_THERE = new Loaded(false, 0, 0, 0, 0);

	}

	static List<DemoProject> specs() {
		return List.of(WebShop.project(), PublicApi.project(), MobileApp.project());
	}

	private record Setup(Team team, List<Project> projects) {
	}

	Loaded load() {
		long started = System.nanoTime();
		Setup setup = this.transactions.execute(tx -> this.team.exists() ? null : setUp());
		if (setup == null) {
			return Loaded.ALREADY_THERE;
		}
		List<DemoProject> specs = specs();
		int filed = 0;
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Integer>> filings = new ArrayList<>();
			for (int i = 0; i < specs.size(); i++) {
				DemoProject spec = specs.get(i);
				Project project = setup.projects().get(i);
				Random random = new Random(SEED + i);
				filings.add(executor.submit(
						() -> this.transactions.execute(tx -> this.bugs.file(spec, project, setup.team(), random))));
			}
			for (Future<Integer> filing : filings) {
				filed += done(filing);
			}
		}
		return new Loaded(true, setup.team().people().size(), specs.size(), filed,
				(System.nanoTime() - started) / 1_000_000);
	}

	private Setup setUp() {
		Team people = this.team.assemble();
		return new Setup(people, specs().stream().map(spec -> this.projects.setUp(spec, people)).toList());
	}

	private static int done(Future<Integer> filing) {
		try {
			return filing.get();
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while loading the demo data", ex);
		}
	}

}
