package dev.fixpoint.bugs;

import java.util.Map;
import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live bug page asks whether the bug changed after the version it showed
 * ({@link BugQueries#changedSince}): its version, and its count of history entries
 * (LiveStreamTest: comments).
 */
class ChangedSinceTest extends IntegrationTest {

	@Autowired
	BugQueries queries;

	private TestUser owner;

	private String project;

	@BeforeEach
	void project() {
		this.api.ensureSetUp();
		this.owner = this.api.newUser("changed");
		this.project = this.api.newProject(this.owner).get("key").asString();
	}

	@Test
	void aBugChangedOnlyAfterAnEditMovedItsVersionPastTheShownOne() {
		JsonNode filed = this.api.newBug(this.owner, this.project, "Cart total flickers", "medium");
		BugRef bug = ref(filed);
		int shown = filed.get("version").asInt();
		assertThat(this.queries.changedSince(bug, (long) shown, null, owner())).isFalse();

		assertThat(this.api.patch("/api/bugs/" + bug.key(), this.owner.token(), Map.of("priority", "P1")).status())
			.isEqualTo(200);

		assertThat(this.queries.changedSince(bug, (long) shown, null, owner())).isTrue();
		assertThat(this.queries.changedSince(bug, shown + 1L, null, owner())).isFalse();
	}

	@Test
	void aDeletedBugHasNotChanged() {
		JsonNode filed = this.api.newBug(this.owner, this.project, "Gone soon", "low");
		BugRef bug = ref(filed);
		assertThat(this.api.delete("/api/bugs/" + bug.key(), this.owner.token()).status()).isEqualTo(204);

		assertThat(this.queries.changedSince(bug, 0L, 0, owner())).isFalse();
	}

	private CurrentUser owner() {
		return new CurrentUser(this.owner.id(), this.owner.email(), this.owner.username(), this.owner.name());
	}

	private static BugRef ref(JsonNode bug) {
		return new BugRef(UUID.fromString(bug.get("id").asString()), UUID.fromString(bug.get("project_id").asString()),
				bug.get("key").asString());
	}

}
