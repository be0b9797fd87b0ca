package dev.fixpoint.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup taken while writers file, edit and comment on bugs over HTTP is a consistent
 * snapshot: restored, every bug's history agrees with its fields, every write
 * acknowledged before the backup began is there, and a project's next number is past
 * every number in use.
 */
class OnlineBackupTest extends IntegrationTest {

	private static final int WRITERS = 4;

	@Autowired
	DataSource dataSource;

	@Autowired
	Backups backups;

	@TempDir
	Path dir;

	@Test
	void aBackupTakenDuringWritesRestoresToAConsistentState() throws Exception {
		this.api.ensureSetUp();
		TestUser admin = this.api.newUser("Online");
		List<String> projects = List.of(this.api.newProject(admin).get("key").asString(),
				this.api.newProject(admin).get("key").asString());
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger writes = new AtomicInteger();
		CountDownLatch warmedUp = new CountDownLatch(WRITERS * 5);
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
		List<Future<Integer>> writers = new java.util.ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			String project = projects.get(w % projects.size());
			writers.add(pool.submit(() -> write(admin, project, stop, acknowledged, writes, warmedUp)));
		}
		assertThat(warmedUp.await(2, TimeUnit.MINUTES)).isTrue();
		Set<String> beforeBackup = Set.copyOf(acknowledged);

		Path archive = this.dir.resolve("online.backup");
		Manifest manifest = this.backups.backup(archive);
		int writesAtEnd = writes.get();
		// the writers keep going after the backup too, then stop
		while (writes.get() < writesAtEnd + WRITERS * 3) {
			Thread.onSpinWait();
		}
		stop.set(true);
		for (Future<Integer> writer : writers) {
			assertThat(writer.get(2, TimeUnit.MINUTES)).as("failed writes").isZero();
		}
		pool.shutdown();

		try (Installations.Empty empty = Installations.empty(this.dataSource, this.dir.resolve("restored"))) {
			new Restore(empty.dataSource(), empty.objects(),
					new Migrations(empty.dataSource(), "classpath:db/migration"), this.json)
				.from(archive, false);
			JdbcClient restored = JdbcClient.create(empty.dataSource());
			List<String> keys = restored.sql("""
					select p.key || '-' || b.number from bugs b join projects p on p.id = b.project_id
					where p.key in (:projects)
					""").param("projects", projects).query(String.class).list();
			assertThat(keys).containsAll(beforeBackup);
			assertThat(keys).hasSizeLessThan(acknowledged.size());
			assertThat(manifest.rows()).isPositive();
			assertHistoryMatchesFields(restored);
			assertNumbersGoOn(restored, projects);
		}
	}

	/** Files a bug, edits its title twice and comments, until told to stop. */
	private int write(TestUser user, String project, AtomicBoolean stop, Set<String> acknowledged, AtomicInteger writes,
			CountDownLatch warmedUp) {
		Api client = new Api(baseUrl(), this.json);
		int failed = 0;
		for (int i = 0; !stop.get(); i++) {
			Api.Response filed = client.post("/api/projects/" + project + "/bugs", user.token(),
					Map.of("title", "Online " + i, "severity", "medium"));
			if (filed.status() != 201) {
				failed++;
				continue;
			}
			String key = filed.body().get("key").asString();
			acknowledged.add(key);
			for (String title : List.of("Online " + i + " edited", "Online " + i + " final")) {
				failed += client.patch("/api/bugs/" + key, user.token(), Map.of("title", title)).status() == 200 ? 0
						: 1;
			}
			failed += client.post("/api/bugs/" + key + "/comments", user.token(), Map.of("content", "seen " + i))
				.status() == 201 ? 0 : 1;
			writes.incrementAndGet();
			warmedUp.countDown();
		}
		return failed;
	}

	/**
	 * A bug's title is the last title its history recorded, and its version counts its
	 * edits: an edit is in the snapshot with its history or not at all.
	 */
	private static void assertHistoryMatchesFields(JdbcClient restored) {
		List<String> inconsistent = restored.sql("""
				select b.title from bugs b
				where b.title like 'Online %'
				  and b.title is distinct from coalesce(
				        (select h.new_value from bug_history h where h.bug_id = b.id and h.field = 'title'
				         order by h.id desc limit 1),
				        b.title)
				   or (b.title like 'Online %' and b.version - 1
				       <> (select count(*) from bug_history h where h.bug_id = b.id and h.field = 'title'))
				""").query(String.class).list();
		assertThat(inconsistent).isEmpty();
		assertThat(restored.sql(
				"select count(*) from bug_history h join bugs b on b.id = h.bug_id where b.title like 'Online % final'")
			.query(Long.class)
			.single()).isPositive();
	}

	/** The next bug filed in the restored installation gets a number nobody holds. */
	private static void assertNumbersGoOn(JdbcClient restored, List<String> projects) {
		for (String project : projects) {
			int max = restored.sql("""
					select coalesce(max(b.number), 0) from bugs b join projects p on p.id = b.project_id
					where p.key = :key
					""").param("key", project).query(Integer.class).single();
			int next = restored.sql("select next_bug_number(id) from projects where key = :key")
				.param("key", project)
				.query(Integer.class)
				.single();
			assertThat(next).as(project).isGreaterThan(max);
		}
	}

}
