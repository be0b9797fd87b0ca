package dev.fixpoint.bugs;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.fixpoint.bugs.BugInput.Rule;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;

/**
 * The shape rules of a bug report, shared by filing and editing, API and UI: lengths,
 * formats, normalization. Rules that need the database (assignee is a member, component
 * exists) live in {@link BugManagement}.
 */
public final class BugRules {

	static final int TITLE_MAX = 200;

	static final int TEXT_MAX = 65_536;

	static final int MAX_TAGS = 20;

	static final int MAX_ENV_KEYS = 30;

	private static final Pattern TAG = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,39}$");

	private static final Pattern ENV_KEY = Pattern.compile("^[A-Za-z][A-Za-z0-9_ .-]{0,49}$");

	private static final Pattern STATUS_KEY = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

	/**
	 * Each editable field with the rule that reads it: {@link BugInput} reads requests
	 * with them.
	 */
	static final Rule<String> TITLE = new Rule<>(BugField.TITLE, BugRules::title);
	static final Rule<String> DESCRIPTION = new Rule<>(BugField.DESCRIPTION, BugRules::longText);
	static final Rule<String> STEPS = new Rule<>(BugField.STEPS_TO_REPRODUCE, BugRules::longText);
	static final Rule<String> EXPECTED = new Rule<>(BugField.EXPECTED_BEHAVIOR, BugRules::longText);
	static final Rule<String> ACTUAL = new Rule<>(BugField.ACTUAL_BEHAVIOR, BugRules::longText);
	static final Rule<Map<String, String>> ENVIRONMENT = new Rule<>(BugField.ENVIRONMENT, BugRules::environment);
	static final Rule<Severity> SEVERITY = new Rule<>(BugField.SEVERITY, BugRules::severity);
	static final Rule<Priority> PRIORITY = new Rule<>(BugField.PRIORITY, BugRules::priority);
	static final Rule<String> STATUS = new Rule<>(BugField.STATUS, BugRules::status);
	static final Rule<String> RESOLUTION = new Rule<>(BugField.RESOLUTION, BugRules::resolution);
	static final Rule<UUID> ASSIGNEE = new Rule<>(BugField.ASSIGNEE, BugRules::userId);
	static final Rule<String> COMPONENT = new Rule<>(BugField.COMPONENT, BugRules::component);
	static final Rule<List<String>> TAGS = new Rule<>(BugField.TAGS, BugRules::tags);
	static final Rule<LocalDate> DUE_DATE = new Rule<>(BugField.DUE_DATE, BugRules::dueDate);
	static final Rule<UUID> VERIFIED_BY = new Rule<>(BugField.VERIFIED_BY, BugRules::userId);
	static final Rule<BugKey> DUPLICATE_OF = new Rule<>(BugField.DUPLICATE_OF, BugRules::duplicateOf);
	static final Rule<String> FIXED_IN = new Rule<>(BugField.FIXED_IN, BugRules::release);
	static final Rule<String> AFFECTS = new Rule<>(BugField.AFFECTS, BugRules::release);

	private BugRules() {
	}

	/**
	 * An assignee as a form sends it: {@value BugCriteria#ME} (the caller),
	 * {@value BugCriteria#NONE} or blank (nobody, null), or a user id, which the edit
	 * checks.
	 */
	public static String assigneeId(String ref, dev.fixpoint.platform.CurrentUser user) {
		String v = ref == null ? "" : ref.strip();
		if (v.isEmpty() || BugCriteria.NONE.equalsIgnoreCase(v)) {
			return null;
		}
		return BugCriteria.ME.equalsIgnoreCase(v) ? user.id().toString() : v;
	}

	/**
	 * Checks a new report by the rules of filing (400 with every field error), for a form
	 * before it files.
	 */
	public static void validateNew(NewBug bug) {
		valid(bug);
	}

	/**
	 * Validates a new report and returns it normalized, read by the same rules as an
	 * edit.
	 */
	static ValidNewBug valid(NewBug bug) {
		BugInput in = BugInput.filing(bug);
		ValidNewBug valid = in.newBug();
		if (!in.errors().isEmpty()) {
			throw InvalidInputException.of(in.errors());
		}
		return valid;
	}

	/**
	 * Parses a PATCH body (snake_case keys, JSON values); unknown keys and bad values are
	 * field errors.
	 */
	public static BugChanges parsePatch(Map<String, Object> body, Integer headerVersion) {
		List<FieldError> errors = new ArrayList<>();
		Map<String, Object> raw = new LinkedHashMap<>(body);
		Integer version = headerVersion;
		if (raw.containsKey("version")) {
			Object v = raw.remove("version");
			if (v instanceof Integer i) {
				version = version == null ? i : version;
			}
			else if (v != null) {
				errors.add(new FieldError("version", "must be an integer"));
			}
		}
		for (String key : raw.keySet()) {
			if (BugField.fromApi(key).isEmpty()) {
				errors.add(new FieldError(key, "is not an editable field"));
			}
		}
		raw.keySet().removeIf(k -> BugField.fromApi(k).isEmpty());
		BugInput in = new BugInput(raw);
		BugChanges changes = in.changes(version);
		errors.addAll(in.errors());
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
		if (changes.fields().isEmpty()) {
			throw InvalidInputException.of("body", "names no field to change");
		}
		return changes;
	}

	/** Parses one field given as text (UI inline edit, form values). */
	public static BugChanges parseFormField(String apiField, String text, Integer version) {
		Object value = text == null || text.isBlank() ? null : text;
		if ("tags".equals(apiField)) {
			value = text == null ? List.of() : List.of(text.split("[,\\s]+"));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(apiField, value);
		return parsePatch(body, version);
	}

	private static String title(Object value) {
		if (value == null) {
			throw new InvalidValue("must not be null (a bug always has a title)");
		}
		String title = text(value, "title").trim();
		if (title.isEmpty()) {
			throw new InvalidValue("is required");
		}
		if (title.length() > TITLE_MAX) {
			throw new InvalidValue("must be at most " + TITLE_MAX + " characters (it has " + title.length() + ")");
		}
		return title;
	}

	/** Description, steps, expected and actual behavior: {@code ""} when empty. */
	private static String longText(Object value) {
		String text = value == null ? "" : text(value, "").strip();
		if (text.length() > TEXT_MAX) {
			throw new InvalidValue("must be at most 65,536 characters");
		}
		return text;
	}

	private static Severity severity(Object value) {
		return Severity.parse(required(value, "critical, high, medium or low"))
			.orElseThrow(() -> new InvalidValue("must be one of critical, high, medium, low"));
	}

	private static Priority priority(Object value) {
		return Priority.parse(required(value, "P0, P1, P2 or P3"))
			.orElseThrow(() -> new InvalidValue("must be one of P0, P1, P2, P3"));
	}

	private static String status(Object value) {
		String status = required(value, "a status key such as open").trim();
		if (!STATUS_KEY.matcher(status).matches()) {
			throw new InvalidValue("is not a status key");
		}
		return status;
	}

	private static String resolution(Object value) {
		if (value == null) {
			return null;
		}
		String resolution = text(value, "resolution").trim()
			.toLowerCase(Locale.ROOT)
			.replace(' ', '_')
			.replace("'", "");
		if (!Resolution.VALUES.contains(resolution)) {
			throw new InvalidValue("must be one of " + String.join(", ", Resolution.VALUES));
		}
		return resolution;
	}

	/** Assignee and verifier. */
	private static UUID userId(Object value) {
		return value == null ? null : uuid(value);
	}

	private static BugKey duplicateOf(Object value) {
		if (value == null || text(value, "duplicate_of").isBlank()) {
			return null;
		}
		return BugKey.parse(text(value, "duplicate_of"))
			.orElseThrow(() -> new InvalidValue("must be the key of the original bug, e.g. WEB-12"));
	}

	/** A release by name ({@code fixed_in}, {@code affects}); blank or null clears it. */
	private static String release(Object value) {
		if (value == null || text(value, "").isBlank()) {
			return null;
		}
		String name = text(value, "").strip();
		if (name.length() > Releases.NAME_MAX) {
			throw new InvalidValue("must be the name of a release of the project, e.g. 1.4");
		}
		return name;
	}

	private static String component(Object value) {
		return value == null || text(value, "component").isBlank() ? null : text(value, "component").trim();
	}

	private static LocalDate dueDate(Object value) {
		if (value == null) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text(value, "due_date").trim());
			if (date.getYear() < 2000 || date.getYear() > 2999) {
				throw new InvalidValue("must be a date between 2000 and 2999");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValue("must be a date like 2026-12-31");
		}
	}

	private static String required(Object value, String choices) {
		if (value == null) {
			throw new InvalidValue("is required (" + choices + ")");
		}
		return text(value, "");
	}

	private static String text(Object value, String field) {
		if (value instanceof String s) {
			return s;
		}
		throw new InvalidValue("must be a string");
	}

	private static UUID uuid(Object value) {
		try {
			return UUID.fromString(text(value, "").trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidValue("must be a user id");
		}
	}

	private static List<String> tags(Object value) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new InvalidValue("must be a list of strings");
		}
		LinkedHashSet<String> tags = new LinkedHashSet<>();
		for (Object item : list) {
			String tag = text(item, "tags").trim().toLowerCase(Locale.ROOT);
			if (tag.isEmpty()) {
				continue;
			}
			if (!TAG.matcher(tag).matches()) {
				throw new InvalidValue(
						"'" + tag + "' is not a valid tag (letters, digits, '.', '_' or '-', at most 40)");
			}
			tags.add(tag);
		}
		if (tags.size() > MAX_TAGS) {
			throw new InvalidValue("at most " + MAX_TAGS + " tags");
		}
		return List.copyOf(tags);
	}

	private static Map<String, String> environment(Object value) {
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new InvalidValue("must be an object like {\"os\": \"macOS 15\", \"browser\": \"Firefox 140\"}");
		}
		if (map.size() > MAX_ENV_KEYS) {
			throw new InvalidValue("at most " + MAX_ENV_KEYS + " keys");
		}
		Map<String, String> env = new LinkedHashMap<>();
		map.forEach((k, v) -> {
			String key = String.valueOf(k).trim();
			if (!ENV_KEY.matcher(key).matches()) {
				throw new InvalidValue("key '" + key + "' must start with a letter and have at most 50 characters");
			}
			if (v != null && !(v instanceof String)) {
				throw new InvalidValue("value of '" + key + "' must be a string");
			}
			String text = v == null ? "" : ((String) v).trim();
			if (text.length() > 500) {
				throw new InvalidValue("value of '" + key + "' must be at most 500 characters");
			}
			if (!text.isEmpty()) {
				env.put(key, text);
			}
		});
		return env;
	}

	/** A value its field's rule refuses; the message is for the field error. */
	static final class InvalidValue extends RuntimeException {

		InvalidValue(String message) {
			super(message, null, false, false);
		}

	}

}
