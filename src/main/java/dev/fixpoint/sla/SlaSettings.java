package dev.fixpoint.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's SLA configuration: every member reads it, project admins change it. A
 * change applies to bugs filed or re-targeted (severity change) from then on; running
 * clocks keep the target they started with.
 */
@Service
public class SlaSettings {

	private final SlaConfigRepository configs;

	private final ProjectAccess access;

	private final AuditLog audit;

	SlaSettings(SlaConfigRepository configs, ProjectAccess access, AuditLog audit) {
		this.configs = configs;
		this.access = access;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public SlaPolicy policy(String projectRef, CurrentUser user) {
		return policyOf(this.access.membership(projectRef, user).projectId());
	}

	/** The policy of a project as already read (its {@code sla_config}). */
	SlaPolicy policyOf(dev.fixpoint.projects.Project project) {
		return this.configs.policy(project.slaConfig());
	}

	/** The policy in force; the defaults when the project never saved one. */
	@Transactional(readOnly = true)
	public SlaPolicy policyOf(UUID projectId) {
		return this.configs.find(projectId).orElseGet(SlaPolicy::defaults);
	}

	@Transactional
	public SlaPolicy update(String projectRef, SlaConfigRequest request, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		SlaPolicy policy = validate(request);
		SlaPolicy before = policyOf(admin.projectId());
		this.configs.save(admin.projectId(), policy);
		this.access.projectChanged();
		this.audit.record(AuditEvent.of("project.sla_changed", user.id())
			.org(admin.project().orgId())
			.target("project", admin.projectId(), admin.project().key())
			.change(Map.of("policy", before.toString()), Map.of("policy", policy.toString())));
		return policy;
	}

	/** Checks every field and reports all problems at once (400 with {@code errors}). */
	static SlaPolicy validate(SlaConfigRequest r) {
		List<FieldError> errors = new ArrayList<>();
		Map<Severity, SlaTarget> targets = new EnumMap<>(Severity.class);
		target(Severity.CRITICAL, r.critical(), targets, errors);
		target(Severity.HIGH, r.high(), targets, errors);
		target(Severity.MEDIUM, r.medium(), targets, errors);
		target(Severity.LOW, r.low(), targets, errors);
		ZoneId zone = ZoneId.of("UTC");
		if (r.timeZone() != null && !r.timeZone().isBlank()) {
			try {
				zone = ZoneId.of(r.timeZone().strip());
			}
			catch (DateTimeException ex) {
				errors.add(new FieldError("time_zone", "is not a time zone like Europe/Berlin or UTC"));
			}
		}
		BusinessHours hours = r.businessHours() == null ? null : hours(r.businessHours(), errors);
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
		return new SlaPolicy(targets, zone, hours);
	}

	private static void target(Severity severity, String value, Map<Severity, SlaTarget> targets,
			List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return;
		}
		SlaTarget.parse(value)
			.ifPresentOrElse(t -> targets.put(severity, t), () -> errors.add(
					new FieldError(severity.key(), "must be a duration like 30m, 4h, 3d or 1w (or empty for no SLA)")));
	}

	private static BusinessHours hours(SlaConfigRequest.Hours h, List<FieldError> errors) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (String d : h.days() == null ? List.<String>of() : h.days()) {
			DayOfWeek day = day(d);
			if (day == null) {
				errors.add(new FieldError("business_hours.days", "'" + d + "' is not a day (mon … sun)"));
			}
			else {
				days.add(day);
			}
		}
		if (days.isEmpty() && (h.days() == null || h.days().isEmpty())) {
			errors.add(new FieldError("business_hours.days", "needs at least one day"));
		}
		LocalTime start = time("business_hours.start", h.start(), errors);
		LocalTime end = time("business_hours.end", h.end(), errors);
		if (start != null && end != null && !start.isBefore(end)) {
			errors.add(new FieldError("business_hours.end", "must be after the start"));
		}
		return days.isEmpty() || start == null || end == null || !start.isBefore(end) ? null
				: new BusinessHours(days, start, end);
	}

	static DayOfWeek day(String value) {
		String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
		for (DayOfWeek d : DayOfWeek.values()) {
			if (v.length() >= 3 && d.name().toLowerCase(Locale.ROOT).startsWith(v)) {
				return d;
			}
		}
		return null;
	}

	private static LocalTime time(String field, String value, List<FieldError> errors) {
		try {
			return LocalTime.parse(value == null ? "" : value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field, "must be a time like 09:00"));
			return null;
		}
	}

}
