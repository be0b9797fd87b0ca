package dev.fixpoint.bugs;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.workflow.WorkflowTemplates;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bug numbers: one sequence per project, no waiting between filings, no number twice. */
class BugNumbersTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void concurrentFilingsInOneProjectGetDistinctConsecutiveNumbers() throws Exception {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		int filings = 24;
		List<Future<JsonNode>> futures = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < filings; i++) {
				int n = i;
				futures.add(pool.submit(() -> this.api.newBug(ann, key, "Concurrent " + n, "low")));
			}
		}
		List<Integer> numbers = new ArrayList<>();
		for (Future<JsonNode> f : futures) {
			JsonNode bug = f.get();
			numbers.add(bug.get("number").asInt());
			assertThat(bug.get("key").asString()).isEqualTo(key + "-" + bug.get("number").asInt());
		}
		assertThat(numbers)
			.containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, filings).boxed().toList());
	}

	@Test
	void deletedBugsNumbersAreNotHandedOutAgainAndAProjectsSequenceGoesWithIt() {
		TestUser ann = this.api.newUser("Ann");
		JsonNode project = this.api.newProject(ann);
		String key = project.get("key").asString();
		UUID projectId = UUID.fromString(project.get("id").asString());
		this.api.newBug(ann, key, "One", "low");
		String second = this.api.newBug(ann, key, "Two", "low").get("key").asString();
		assertThat(this.api.delete("/api/bugs/" + second, ann.token()).status()).isEqualTo(204);
		assertThat(this.api.newBug(ann, key, "Three", "low").get("number").asInt()).isEqualTo(3);
		assertThat(sequenceExists(projectId)).isTrue();

		assertThat(this.api.delete("/api/projects/" + key, ann.token()).status()).isEqualTo(204);
		assertThat(sequenceExists(projectId)).isFalse();
	}

	@Test
	void aFilingWaitsForAWorkflowChangeAndStartsInTheNewWorkflowsInitialStatus() throws Exception {
		TestUser ann = this.api.newUser("Ann");
		JsonNode project = this.api.newProject(ann);
		String key = project.get("key").asString();
		UUID projectId = UUID.fromString(project.get("id").asString());
		String kanban = this.json.writeValueAsString(WorkflowTemplates.find("kanban").orElseThrow().workflow());
		CompletableFuture<Void> locked = new CompletableFuture<>();
		CompletableFuture<Void> release = new CompletableFuture<>();
		CompletableFuture<Void> change = CompletableFuture.runAsync(() -> this.transactions.executeWithoutResult(tx -> {
			// what a workflow change does: lock the project row, store the new workflow,
			// move bugs
			this.jdbc.sql("select id from projects where id = :id for update")
				.param("id", projectId)
				.query()
				.listOfRows();
			this.jdbc.sql("update projects set workflow = cast(:w as jsonb) where id = :id")
				.param("w", kanban)
				.param("id", projectId)
				.update();
			locked.complete(null);
			release.join();
		}));
		locked.get(30, TimeUnit.SECONDS);
		CompletableFuture<JsonNode> filing = CompletableFuture
			.supplyAsync(() -> this.api.newBug(ann, key, "Filed during the change", "low"));
		assertThatThrownBy(() -> filing.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
		release.complete(null);
		change.get(30, TimeUnit.SECONDS);
		assertThat(filing.get(30, TimeUnit.SECONDS).get("status").asString()).isEqualTo("backlog");
	}

	private boolean sequenceExists(UUID projectId) {
		return this.jdbc.sql("select to_regclass(:name) is not null")
			.param("name", "bug_number_" + projectId.toString().replace("-", ""))
			.query(Boolean.class)
			.single();
	}

}
