package dev.fixpoint.notifications.web;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import dev.fixpoint.notifications.Delivery;
import dev.fixpoint.notifications.NotificationKind;
import dev.fixpoint.platform.web.FormErrors;

/**
 * The email preferences form, with what was typed (values are the contract's strings).
 */
public record PreferencesPage(Map<String, String> email, String digest, String digestHour, String digestDay,
		String timeZone, FormErrors errors, String notice) {

	private static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
		.filter(z -> z.equals("UTC") || z.matches("^(Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
		.toList());

	public List<NotificationKind> kinds() {
		return List.of(NotificationKind.values());
	}

	public List<Delivery> deliveries() {
		return List.of(Delivery.values());
	}

	public String label(Delivery delivery) {
		return switch (delivery) {
			case INSTANT -> "Right away";
			case DIGEST -> "In the digest";
			case OFF -> "Off";
		};
	}

	public String hint(NotificationKind kind) {
		return switch (kind) {
			case ASSIGNED -> "a bug is assigned to you";
			case STATUS_CHANGE -> "bugs you reported, are assigned or watch move on";
			case COMMENT -> "someone comments on those bugs (internal notes are never emailed)";
			case MENTION -> "someone writes your @username";
			case SLA -> "a bug of yours nears or passes its SLA target";
		};
	}

	public String selected(NotificationKind kind) {
		return this.email.getOrDefault(kind.key(), Delivery.DIGEST.key());
	}

	public List<Integer> hours() {
		return java.util.stream.IntStream.range(0, 24).boxed().toList();
	}

	public String hourLabel(int hour) {
		return String.format(Locale.ROOT, "%02d:00", hour);
	}

	public List<DayOfWeek> days() {
		return List.of(DayOfWeek.values());
	}

	public String dayKey(DayOfWeek day) {
		return day.name().toLowerCase(Locale.ROOT);
	}

	public String dayLabel(DayOfWeek day) {
		return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
	}

	public List<String> zones() {
		if (this.timeZone == null || ZONES.contains(this.timeZone)) {
			return ZONES;
		}
		List<String> zones = new java.util.ArrayList<>(ZONES);
		zones.add(0, this.timeZone);
		return zones;
	}

}
