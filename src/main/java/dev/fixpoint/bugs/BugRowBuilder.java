package dev.fixpoint.bugs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Copies a {@link BugRow} with some fields changed (records have no withers). */
final class BugRowBuilder {

	private final BugRow b;

	private String title, description, steps, expected, actual, status, resolution;

	private Map<String, String> environment;

	private Severity severity;

	private Priority priority;

	private UUID assignee, component, verifiedBy, duplicateOf;

	private List<String> tags;

	private LocalDate due;

	private Instant resolvedAt, closedAt, updatedAt;

	BugRowBuilder(BugRow b) {
		this.b = b;
		this.title = b.title();
		this.description = b.description();
		this.steps = b.stepsToReproduce();
		this.expected = b.expectedBehavior();
		this.actual = b.actualBehavior();
		this.status = b.status();
		this.resolution = b.resolution();
		this.environment = b.environment();
		this.severity = b.severity();
		this.priority = b.priority();
		this.assignee = b.assigneeId();
		this.component = b.componentId();
		this.verifiedBy = b.verifiedBy();
		this.tags = b.tags();
		this.due = b.dueDate();
		this.resolvedAt = b.resolvedAt();
		this.closedAt = b.closedAt();
		this.updatedAt = b.updatedAt();
		this.duplicateOf = b.duplicateOf();
	}

	BugRowBuilder title(String v) { this.title = v; return this; }
	BugRowBuilder description(String v) { this.description = v; return this; }
	BugRowBuilder steps(String v) { this.steps = v; return this; }
	BugRowBuilder expected(String v) { this.expected = v; return this; }
	BugRowBuilder actual(String v) { this.actual = v; return this; }
	BugRowBuilder status(String v) { this.status = v; return this; }
	BugRowBuilder resolution(String v) { this.resolution = v; return this; }
	BugRowBuilder environment(Map<String, String> v) { this.environment = v; return this; }
	BugRowBuilder severity(Severity v) { this.severity = v; return this; }
	BugRowBuilder priority(Priority v) { this.priority = v; return this; }
	BugRowBuilder assignee(UUID v) { this.assignee = v; return this; }
	BugRowBuilder component(UUID v) { this.component = v; return this; }
	BugRowBuilder verifiedBy(UUID v) { this.verifiedBy = v; return this; }
	BugRowBuilder tags(List<String> v) { this.tags = v; return this; }
	BugRowBuilder due(LocalDate v) { this.due = v; return this; }
	BugRowBuilder resolvedAt(Instant v) { this.resolvedAt = v; return this; }
	BugRowBuilder closedAt(Instant v) { this.closedAt = v; return this; }
	BugRowBuilder updatedAt(Instant v) { this.updatedAt = v; return this; }
	BugRowBuilder duplicateOf(UUID v) { this.duplicateOf = v; return this; }

	BugRow build() {
		return new BugRow(this.b.id(), this.b.projectId(), this.b.projectKey(), this.b.number(), this.title,
				this.description, this.steps, this.expected, this.actual, this.environment, this.severity, this.priority,
				this.status, this.resolution, this.b.reporterId(), this.assignee, this.component, this.tags, this.due,
				this.b.slaDueAt(), this.verifiedBy, this.resolvedAt, this.closedAt, this.b.githubIssueUrl(),
				this.b.linkedPrs(), this.b.version(), this.b.createdAt(), this.updatedAt, this.duplicateOf,
				this.b.slaState());
	}

}
