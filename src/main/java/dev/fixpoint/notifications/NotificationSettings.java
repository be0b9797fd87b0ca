package dev.fixpoint.notifications;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Times;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's email preferences: read, change (API and settings page alike), and one-click
 * unsubscribe.
 */
@Service
public class NotificationSettings {

	private final PreferenceRepository preferences;

	private final UnsubscribeTokens tokens;

	private final Clock clock;

	private final WeeklyReports weekly;

	private final dev.fixpoint.projects.Projects projects;

	NotificationSettings(PreferenceRepository preferences, UnsubscribeTokens tokens, Clock clock, WeeklyReports weekly,
			dev.fixpoint.projects.Projects projects) {
		this.preferences = preferences;
		this.tokens = tokens;
		this.clock = clock;
		this.weekly = weekly;
		this.projects = projects;
	}

	/**
	 * A project's weekly analytics email as the preferences show it: the projects the
	 * person administers, and whether they get it.
	 */
	public record WeeklyReport(String project, String name, boolean subscribed) {
	}

	/** The weekly analytics emails the person may get (projects they administer). */
	@Transactional(readOnly = true)
	public List<WeeklyReport> weeklyReports(CurrentUser user) {
		java.util.Set<java.util.UUID> subscribed = new java.util.HashSet<>(this.weekly.projectsOf(user.id()));
		return this.projects.mine(user)
			.stream()
			.filter(p -> p.myRole() == dev.fixpoint.projects.ProjectRole.ADMIN)
			.map(p -> new WeeklyReport(p.key(), p.name(), subscribed.contains(p.id())))
			.toList();
	}

	/**
	 * Turns a project's weekly analytics email on or off for the person (on: project
	 * admins only, 403 for other members; 404 for non-members).
	 */
	@Transactional
	public void weeklyReport(String projectRef, boolean on, CurrentUser user) {
		if (on) {
			this.weekly.subscribe(projectRef, user);
		}
		else {
			this.weekly.unsubscribe(projectRef, user);
		}
	}

	@Transactional(readOnly = true)
	public NotificationPreferences of(CurrentUser user) {
		return this.preferences.find(user.id()).orElseGet(NotificationPreferences::defaults);
	}

	/**
	 * Applies the parts of {@code change} that are set; all field errors are reported at
	 * once.
	 */
	@Transactional
	public NotificationPreferences change(CurrentUser user, PreferencesChange change) {
		NotificationPreferences current = of(user);
		List<FieldError> errors = new ArrayList<>();
		Map<NotificationKind, Delivery> email = new EnumMap<>(current.email());
		if (change.email() != null) {
			change.email().forEach((key, value) -> {
				Optional<NotificationKind> kind = NotificationKind.parse(key);
				Optional<Delivery> delivery = Delivery.parse(value);
				if (kind.isEmpty()) {
					errors.add(new FieldError("email." + key,
							"is not an event type (assigned, status_change, " + "comment, mention, sla)"));
				}
				else if (delivery.isEmpty()) {
					errors.add(new FieldError("email." + key, "must be instant, digest or off"));
				}
				else {
					email.put(kind.get(), delivery.get());
				}
			});
		}
		DigestFrequency digest = change.digest() == null ? current.digest() : DigestFrequency.parse(change.digest())
			.orElseGet(() -> reject(errors, "digest", "must be daily or weekly", current.digest()));
		int hour = change.digestHour() == null ? current.digestHour() : change.digestHour();
		if (hour < 0 || hour > 23) {
			hour = reject(errors, "digest_hour", "must be between 0 and 23", current.digestHour());
		}
		DayOfWeek day = change.digestDay() == null ? current.digestDay()
				: day(change.digestDay()).orElseGet(() -> reject(errors, "digest_day",
						"must be a day of the week (monday ... sunday)", current.digestDay()));
		ZoneId zone = change.timeZone() == null ? current.timeZone() : zone(change.timeZone()).orElseGet(
				() -> reject(errors, "time_zone", "is not a known time zone (e.g. Europe/Berlin)", current.timeZone()));
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
		NotificationPreferences updated = new NotificationPreferences(email, digest, hour, day, zone);
		this.preferences.save(user.id(), updated, Times.now(this.clock));
		return updated;
	}

	/**
	 * The one-click unsubscribe of an email's {@code List-Unsubscribe} link: turns that
	 * event type (or every email) off for the person the link was made for. Empty for a
	 * link this installation did not make.
	 */
	@Transactional
	public Optional<String> unsubscribe(String token) {
		return this.tokens.verify(token).map(subject -> {
			if (subject.weeklyProject().isPresent()) {
				this.weekly.remove(subject.userId(), subject.weeklyProject().get());
				return describe(subject);
			}
			NotificationPreferences current = this.preferences.find(subject.userId())
				.orElseGet(NotificationPreferences::defaults);
			Map<NotificationKind, Delivery> email = new EnumMap<>(current.email());
			for (NotificationKind kind : NotificationKind.values()) {
				if (subject.kind().isEmpty() || subject.kind().get() == kind) {
					email.put(kind, Delivery.OFF);
				}
			}
			this.preferences.save(subject.userId(), new NotificationPreferences(email, current.digest(),
					current.digestHour(), current.digestDay(), current.timeZone()), Times.now(this.clock));
			return describe(subject);
		});
	}

	/**
	 * What an unsubscribe link is about ("Comments", "all email"), without changing
	 * anything.
	 */
	public Optional<String> describeUnsubscribe(String token) {
		return this.tokens.verify(token).map(NotificationSettings::describe);
	}

	private static String describe(UnsubscribeTokens.Subject subject) {
		if (subject.weeklyProject().isPresent()) {
			return "the weekly analytics email";
		}
		return subject.kind().map(NotificationKind::label).orElse("all notification email");
	}

	private static <T> T reject(List<FieldError> errors, String field, String message, T fallback) {
		errors.add(new FieldError(field, message));
		return fallback;
	}

	private static Optional<DayOfWeek> day(String value) {
		try {
			return Optional.of(DayOfWeek.valueOf(value.trim().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static Optional<ZoneId> zone(String value) {
		try {
			return Optional.of(ZoneId.of(value.trim()));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

}
