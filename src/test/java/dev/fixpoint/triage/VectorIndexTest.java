package dev.fixpoint.triage;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.TriageOn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vectors in memory: a lookup reads what was written since the last refresh once the
 * refresh interval has passed (until then it scans what it has), and projects leave
 * memory when idle or when all of them would take more than the budget, least recently
 * used first, never the one being looked up. Its own clock; the real
 * {@code triage_vectors}.
 */
@TriageOn
class VectorIndexTest extends IntegrationTest {

	private static final long SECOND = 1_000_000_000L;

	@Autowired
	VectorRepository vectors;

	private final AtomicLong now = new AtomicLong();

	@Test
	void aLookupSeesNewVectorsOnceTheRefreshIntervalHasPassed() {
		TestUser ann = this.api.newUser("tindex");
		JsonNode project = this.api.newProject(ann);
		UUID projectId = UUID.fromString(project.path("id").asString());
		String key = project.path("key").asString();
		UUID hang = bug(ann, key, "Checkout hangs forever");
		VectorIndex index = new VectorIndex(this.vectors, Duration.ofSeconds(1), Duration.ofMinutes(30), Long.MAX_VALUE,
				this.now::get);
		byte[] query = this.vectors.vectorOf(hang).orElseThrow();

		assertThat(index.nearest(projectId, query, 5)).extracting(VectorIndex.Hit::bugId).containsExactly(hang);
		UUID avatar = bug(ann, key, "Avatar upload shows a broken image");
		assertThat(index.nearest(projectId, query, 5)).extracting(VectorIndex.Hit::bugId).containsExactly(hang);

		this.now.addAndGet(2 * SECOND);
		assertThat(index.nearest(projectId, query, 5)).extracting(VectorIndex.Hit::bugId).containsExactly(hang, avatar);
		assertThat(index.nearest(projectId, query, 1)).extracting(VectorIndex.Hit::bugId).containsExactly(hang);
		assertThat(index.size()).isEqualTo(2);
	}

	@Test
	void projectsLeaveMemoryWhenIdleOrOverTheBudgetLeastRecentlyUsedFirst() {
		TestUser ann = this.api.newUser("tevict");
		UUID[] projects = new UUID[3];
		byte[][] queries = new byte[3][];
		for (int i = 0; i < 3; i++) {
			JsonNode project = this.api.newProject(ann);
			projects[i] = UUID.fromString(project.path("id").asString());
			queries[i] = this.vectors.vectorOf(bug(ann, project.path("key").asString(), "Checkout hangs forever"))
				.orElseThrow();
		}
		VectorIndex probe = new VectorIndex(this.vectors, Duration.ZERO, Duration.ofMinutes(30), Long.MAX_VALUE,
				this.now::get);
		probe.nearest(projects[0], queries[0], 5);
		long oneProject = probe.bytes();
		VectorIndex index = new VectorIndex(this.vectors, Duration.ZERO, Duration.ofMinutes(30), 2 * oneProject,
				this.now::get);

		index.nearest(projects[0], queries[0], 5);
		this.now.addAndGet(SECOND);
		index.nearest(projects[1], queries[1], 5);
		this.now.addAndGet(SECOND);
		index.nearest(projects[0], queries[0], 5); // 0 used more recently than 1
		this.now.addAndGet(SECOND);
		assertThat(index.nearest(projects[2], queries[2], 5)).hasSize(1);
		assertThat(index.projects()).containsExactlyInAnyOrder(projects[0], projects[2]);

		this.now.addAndGet(Duration.ofMinutes(31).toNanos());
		index.nearest(projects[2], queries[2], 5);
		assertThat(index.projects()).containsExactly(projects[2]);
		assertThat(index.size()).isEqualTo(1);
	}

	private UUID bug(TestUser reporter, String key, String title) {
		Api.Response r = this.api.post("/api/projects/" + key + "/bugs", reporter.token(),
				Map.of("title", title, "description", "Seen on the production site today.", "severity", "high"));
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return UUID.fromString(r.body().path("id").asString());
	}

}
