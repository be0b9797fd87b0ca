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
 * in one transaction, then each project's months of bugs in a transaction of its own
 * ({@link DemoBugs}), the projects side by side (hundreds of use-case calls, each a few
 * round trips to the database, so overlapping them is what keeps start-up short). Seeded
 * per project, so every installation gets the same people, projects and bug reports
 * whatever the threads do (ids and timestamps aside). Then attachments and watches
 * ({@link DemoFinish}), and the bell starts with a few unread notifications per person,
 * not months of them.
 */
@Service
class DemoData {

	static final long SEED = 20261125L;

	private final DemoTeam team;

	private final DemoProjects projects;

	private final DemoBugs bugs;

	private final TransactionOperations transactions;

	private final DemoFinish finish;

	DemoData(DemoTeam team, DemoProjects projects, DemoBugs bugs, TransactionOperations transactions,
			DemoFinish finish) {
		this.team = team;
		this.projects = projects;
		this.bugs = bugs;
		this.transactions = transactions;
		this.finish = finish;
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
		List<List<DemoBugs.Filed>> stories = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<List<DemoBugs.Filed>>> filings = new ArrayList<>();
			for (int i = 0; i < specs.size(); i++) {
				DemoProject spec = specs.get(i);
				Project project = setup.projects().get(i);
				Random random = new Random(SEED + i);
				filings.add(executor.submit(
						() -> this.transactions.execute(tx -> this.bugs.file(spec, project, setup.team(), random))));
			}
			for (Future<List<DemoBugs.Filed>> filing : filings) {
				List<DemoBugs.Filed> story = done(filing);
				stories.add(story);
				filed += story.size();
			}
		}
		Random random = new Random(SEED - 1);
		for (int i = 0; i < specs.size(); i++) {
			this.finish.enrich(stories.get(i), setup.team(), members(specs.get(i), setup.team()), random);
		}
		this.finish.settle(setup.team().people().values().stream().map(p -> p.id()).toList());
		return new Loaded(true, setup.team().people().size(), specs.size(), filed,
				(System.nanoTime() - started) / 1_000_000);
	}

	/** The project's members besides its admin Alice (who may watch its bugs). */
	private static List<dev.fixpoint.platform.CurrentUser> members(DemoProject spec, Team team) {
		return spec.members().keySet().stream().map(team::get).toList();
	}

	private Setup setUp() {
		Team people = this.team.assemble();
		return new Setup(people, specs().stream().map(spec -> this.projects.setUp(spec, people)).toList());
	}

	private static <T> T done(Future<T> filing) {
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
