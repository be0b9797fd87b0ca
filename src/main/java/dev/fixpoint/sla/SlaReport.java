package dev.fixpoint.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A project's SLA dashboard (and {@code GET /api/projects/{id}/sla}): compliance = the
 * share of SLA clocks that stopped (bug done) within their target, over the last
 * {@code weeks} weeks, overall, by severity and per week; the open bugs at risk and
 * breached right now; the mean time from filing to the first response (a comment or a
 * status change by someone other than the reporter) of the bugs filed in those weeks.
 */
public record SlaReport(int weeks, Double compliancePct, int breached, int atRisk, Double meanFirstResponseHours,
		int respondedBugs, List<SeverityCompliance> bySeverity, List<WeekCompliance> weekly, List<OpenBug> breachedBugs,
		List<OpenBug> atRiskBugs) {

	public record SeverityCompliance(String severity, int met, int total, Double compliancePct) {
	}

	public record WeekCompliance(LocalDate weekStart, String severity, int met, int total, Double compliancePct) {
	}

	public record OpenBug(UUID id, String key, String title, String severity, String priority, UUID assigneeId,
			Instant slaDueAt, String slaState) {
	}

	static Double pct(int met, int total) {
		return total == 0 ? null : Math.round(1000.0 * met / total) / 10.0;
	}

}
