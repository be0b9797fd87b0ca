package dev.fixpoint.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.portal.PortalProjects.OpenPortal;

import org.springframework.stereotype.Component;

/**
 * Everything a report must pass before anything is stored, cheapest first: the honeypot,
 * a size limit on every field and the email's shape, the bug rules, the rate limits (per
 * client address and per email), the challenge, the project's blocked addresses.
 */
@Component
class ReportChecks {

	static final int EMAIL_MAX = 254;

	static final int TITLE_MAX = 200;

	static final int TEXT_MAX = 10_000;

	static final int ENV_VALUE_MAX = 200;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

	private final Challenges challenges;

	private final PortalThrottle throttle;

	private final PortalRepository reports;

	ReportChecks(Challenges challenges, PortalThrottle throttle, PortalRepository reports) {
		this.challenges = challenges;
		this.throttle = throttle;
		this.reports = reports;
	}

	dev.fixpoint.platform.RateLimit quota(String clientIp) {
		return this.throttle.quota(clientIp);
	}

	PortalChallenge challenge() {
		return this.challenges.issue();
	}

	Draft accept(OpenPortal portal, PortalReport report, List<PortalFile> files, String clientIp) {
		if (report.website() != null && !report.website().isEmpty()) {
			throw InvalidInputException.of("website", "must be empty");
		}
		List<FieldError> errors = new ArrayList<>();
		String email = report.email() == null ? "" : report.email().strip();
		if (email.isEmpty()) {
			errors.add(new FieldError("email", "is required: the ticket and its updates are sent there"));
		}
		else if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
			errors.add(new FieldError("email", "is not an email address"));
		}
		text(errors, "title", report.title(), TITLE_MAX, true);
		text(errors, "description", report.description(), TEXT_MAX, true);
		text(errors, "steps_to_reproduce", report.stepsToReproduce(), TEXT_MAX, false);
		text(errors, "expected_behavior", report.expectedBehavior(), TEXT_MAX, false);
		text(errors, "actual_behavior", report.actualBehavior(), TEXT_MAX, false);
		Map<String, String> environment = report.environment() == null ? Map.of() : report.environment();
		environment.forEach((key, value) -> {
			if (value != null && value.length() > ENV_VALUE_MAX) {
				errors.add(new FieldError("environment." + key, "must be at most " + ENV_VALUE_MAX + " characters"));
			}
		});
		if (files.size() > Portal.MAX_FILES) {
			errors.add(new FieldError("files", "at most " + Portal.MAX_FILES + " files"));
		}
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
		Draft draft = new Draft(report.title().strip(), report.description().strip(),
				blankToNull(report.stepsToReproduce()), blankToNull(report.expectedBehavior()),
				blankToNull(report.actualBehavior()), environment.isEmpty() ? null : environment);
		Portal.validate(portal, draft);
		this.throttle.take(clientIp, email);
		this.challenges.check(report.challenge(), report.nonce(), report.answer());
		if (this.reports.blocked(portal.projectId(), email)) {
			throw InvalidInputException.of("email", "cannot send reports to this project");
		}
		return draft;
	}

	private static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(new FieldError(field, "is required"));
			}
		}
		else if (value.length() > max) {
			errors.add(new FieldError(field, "must be at most " + String.format("%,d", max) + " characters"));
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
