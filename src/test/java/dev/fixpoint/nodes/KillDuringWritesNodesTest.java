package dev.fixpoint.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.Nodes;
import dev.fixpoint.support.Nodes.Node;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the application during a burst of concurrent writes (filings, status
 * changes, comments): after a restart every write it acknowledged is there, no bug is
 * half-written, and the per-project numbers are unique.
 */
class KillDuringWritesNodesTest {

	private static final int WRITERS = 6;

	private final JsonMapper json = JsonMapper.builder().build();

	/** What the node acknowledged about one bug. */
	record Acknowledged(String key, String title, boolean started, List<String> comments) {
	}

	@Test
	void everyAcknowledgedWriteSurvivesAKillAndNothingIsHalfWritten() throws Exception {
		try (Nodes nodes = Nodes.create("kill-during-writes")) {
			Node node = nodes.start();
			Api api = new Api(node.baseUrl(), this.json);
			TestUser admin = api.newUser("Admin");
			String project = api.newProject(admin).get("key").asString();

			Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
			AtomicInteger writes = new AtomicInteger();
			AtomicBoolean killed = new AtomicBoolean();
			ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
			List<Future<?>> writers = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				int writer = w;
				writers.add(pool.submit(() -> write(api, admin, project, writer, acknowledged, writes, killed)));
			}
			TwoNodesTest.await(() -> writes.get() >= 150);
			node.kill();
			killed.set(true);
			for (Future<?> writer : writers) {
				writer.get();
			}
			pool.shutdown();
			int acknowledgedBeforeKill = writes.get();

			node.restart();

			for (Acknowledged ack : acknowledged.values()) {
				Api.Response bug = api.get("/api/bugs/" + ack.key(), admin.token());
				assertThat(bug.status()).as(ack.key()).isEqualTo(200);
				assertThat(bug.body().get("title").asString()).isEqualTo(ack.title());
				if (ack.started()) {
					assertThat(bug.body().get("status").asString()).as(ack.key()).isEqualTo("in_progress");
				}
				List<String> comments = new ArrayList<>();
				api.get("/api/bugs/" + ack.key() + "/comments", admin.token())
					.body()
					.get("items")
					.forEach(c -> comments.add(c.get("content").asString()));
				assertThat(comments).as(ack.key()).containsAll(ack.comments());
			}
			assertNothingHalfWritten(nodes, project);
			assertNumbersUnique(nodes, project);
			// numbering goes on after the crash, past every number handed out before
			int before = maxNumber(nodes, project);
			int filed = nodes.database()
				.sql("select count(*) from bugs b join projects p on p.id = b.project_id where p.key = :project")
				.param("project", project)
				.query(Integer.class)
				.single();
			int next = api.newBug(admin, project, "After the crash", "low").get("number").asInt();
			assertThat(next).isGreaterThan(before);
			System.out.printf(
					"[kill-during-writes] %d writes acknowledged before kill -9 (%d bugs); all present "
							+ "after the restart; %d bugs stored, %d numbers left unused%n",
					acknowledgedBeforeKill, acknowledged.size(), filed, before - filed);
		}
	}

	/**
	 * One writer: files a bug, starts it, comments on it, again and again, until the
	 * connection breaks. Records only what was acknowledged.
	 */
	private static void write(Api api, TestUser admin, String project, int writer,
			Map<String, Acknowledged> acknowledged, AtomicInteger writes, AtomicBoolean killed) {
		for (int i = 0; !killed.get(); i++) {
			try {
				String title = "Burst " + writer + "-" + i;
				Api.Response filed = api.post("/api/projects/" + project + "/bugs", admin.token(),
						Map.of("title", title, "severity", "medium"));
				if (filed.status() != 201) {
					continue;
				}
				String key = filed.body().get("key").asString();
				acknowledged.put(key, new Acknowledged(key, title, false, List.of()));
				writes.incrementAndGet();
				if (api.patch("/api/bugs/" + key, admin.token(), Map.of("status", "in_progress")).status() == 200) {
					acknowledged.put(key, new Acknowledged(key, title, true, List.of()));
					writes.incrementAndGet();
				}
				String comment = "Looked at " + key + " " + UUID.randomUUID();
				if (api.post("/api/bugs/" + key + "/comments", admin.token(), Map.of("content", comment))
					.status() == 201) {
					acknowledged.put(key, new Acknowledged(key, title, true, List.of(comment)));
					writes.incrementAndGet();
				}
			}
			catch (RuntimeException ex) {
				return; // the node is gone
			}
		}
	}

	/**
	 * Every bug's fields are what its history says: the last recorded status is the
	 * current one, and a bug without status history is still in the initial status.
	 */
	private static void assertNothingHalfWritten(Nodes nodes, String project) {
		List<String> mismatched = nodes.database().sql("""
				select p.key || '-' || b.number
				from bugs b
				join projects p on p.id = b.project_id
				left join lateral (select h.new_value from bug_history h
				                   where h.bug_id = b.id and h.field = 'status'
				                   order by h.id desc limit 1) last on true
				where p.key = :project and b.status <> coalesce(last.new_value, 'open')
				""").param("project", project).query(String.class).list();
		assertThat(mismatched).as("bugs whose status disagrees with their history").isEmpty();
		int commentsWithoutBug = nodes.database().sql("""
				select count(*) from comments c where not exists (select 1 from bugs b where b.id = c.bug_id)
				""").query(Integer.class).single();
		assertThat(commentsWithoutBug).isZero();
	}

	private static void assertNumbersUnique(Nodes nodes, String project) {
		int duplicates = nodes.database().sql("""
				select count(*) from (select number from bugs b join projects p on p.id = b.project_id
				                      where p.key = :project group by number having count(*) > 1) d
				""").param("project", project).query(Integer.class).single();
		assertThat(duplicates).isZero();
	}

	private static int maxNumber(Nodes nodes, String project) {
		return nodes.database()
			.sql("select max(number) from bugs b join projects p on p.id = b.project_id where p.key = :project")
			.param("project", project)
			.query(Integer.class)
			.single();
	}

}
