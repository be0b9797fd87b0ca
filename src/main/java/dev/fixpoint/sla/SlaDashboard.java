package dev.fixpoint.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.bugs.Severity;
import dev.fixpoint.bugs.SlaState;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.ProjectAccess;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of SLAs: the numbers of a project's SLA dashboard, for every member. */
@Service
@Transactional(readOnly = true)
public class SlaDashboard {

	/** How far back compliance and first responses look. */
	public static final int WEEKS = 12;

	static final int LIST_LIMIT = 50;

	private final SlaReportRepository reports;

	private final ProjectAccess access;

	private final Clock clock;

	SlaDashboard(SlaReportRepository reports, ProjectAccess access, Clock clock) {
		this.reports = reports;
		this.access = access;
		this.clock = clock;
	}

	public SlaReport report(String projectRef, CurrentUser user) {
		UUID project = this.access.membership(projectRef, user).projectId();
		Instant from = firstWeek(Times.now(this.clock)).atStartOfDay().toInstant(ZoneOffset.UTC);
		List<SlaReport.WeekCompliance> weekly = this.reports.weekly(project, from);
		List<SlaReport.SeverityCompliance> bySeverity = new ArrayList<>();
		int met = 0;
		int total = 0;
		for (Severity s : Severity.values()) {
			int m = weekly.stream()
				.filter(w -> w.severity().equals(s.key()))
				.mapToInt(SlaReport.WeekCompliance::met)
				.sum();
			int t = weekly.stream()
				.filter(w -> w.severity().equals(s.key()))
				.mapToInt(SlaReport.WeekCompliance::total)
				.sum();
			bySeverity.add(new SlaReport.SeverityCompliance(s.key(), m, t, SlaReport.pct(m, t)));
			met += m;
			total += t;
		}
		SlaReportRepository.FirstResponse response = this.reports.firstResponse(project, from);
		return new SlaReport(WEEKS, SlaReport.pct(met, total), this.reports.count(project, SlaState.BREACHED.key()),
				this.reports.count(project, SlaState.AT_RISK.key()), response.meanHours(), response.bugs(), bySeverity,
				weekly, this.reports.open(project, SlaState.BREACHED.key(), LIST_LIMIT),
				this.reports.open(project, SlaState.AT_RISK.key(), LIST_LIMIT));
	}

	/**
	 * Compliance of the clocks stopped in {@code [from, to)} and the open bugs breached
	 * and at risk now, across {@code projectIds}; the caller has checked access.
	 */
	public SlaSummary summary(java.util.Collection<UUID> projectIds, Instant from, Instant to) {
		UUID[] projects = projectIds.toArray(UUID[]::new);
		int[] compliance = this.reports.compliance(projects, from, to);
		return new SlaSummary(SlaReport.pct(compliance[0], compliance[1]), compliance[0], compliance[1],
				this.reports.count(projects, SlaState.BREACHED.key()),
				this.reports.count(projects, SlaState.AT_RISK.key()));
	}

	/** Now, by the application's clock. */
	public java.time.Instant now() {
		return Times.now(this.clock);
	}

	/**
	 * The Monday (UTC) that starts the first of the {@link #WEEKS} weeks shown, the
	 * current one included.
	 */
	public static LocalDate firstWeek(Instant now) {
		return now.atOffset(ZoneOffset.UTC)
			.toLocalDate()
			.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
			.minusWeeks(WEEKS - 1);
	}

}
