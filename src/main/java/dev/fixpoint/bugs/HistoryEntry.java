package dev.fixpoint.bugs;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fixpoint.accounts.UserSummary;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One changed field: {@code {id, field, old_value, new_value, user, created_at, via?}};
 * {@code user} null = the system. A bug filed from elsewhere ({@code via}) has an entry
 * {@code reported} (no values) saying so.
 */
public record HistoryEntry(long id, String field, String oldValue, String newValue, UserSummary user, Instant createdAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
				description = "Where the person made the change when not in Fixpoint itself (slack: from Slack); absent otherwise") Via via) {
}
