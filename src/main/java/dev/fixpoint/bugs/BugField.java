package dev.fixpoint.bugs;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The editable fields of a bug: {@code api} is the name in {@code PATCH} bodies,
 * {@code history} the name written to {@code bug_history}.
 */
enum BugField {

	TITLE("title"), DESCRIPTION("description"), STEPS_TO_REPRODUCE("steps_to_reproduce"),
	EXPECTED_BEHAVIOR("expected_behavior"), ACTUAL_BEHAVIOR("actual_behavior"), ENVIRONMENT("environment"),
	SEVERITY("severity"), PRIORITY("priority"), STATUS("status"), RESOLUTION("resolution"),
	ASSIGNEE("assignee_id", "assignee"), COMPONENT("component"), TAGS("tags"), DUE_DATE("due_date"),
	VERIFIED_BY("verified_by"), DUPLICATE_OF("duplicate_of"), FIXED_IN("fixed_in"), AFFECTS("affects");

	/**
	 * What a QA engineer may change on a bug they reported (the contract's role table).
	 */
	public static final Set<BugField> REPORT_FIELDS = EnumSet.of(TITLE, DESCRIPTION, STEPS_TO_REPRODUCE,
			EXPECTED_BEHAVIOR, ACTUAL_BEHAVIOR, ENVIRONMENT);

	private final String api;

	private final String history;

	BugField(String api) {
		this(api, api);
	}

	BugField(String api, String history) {
		this.api = api;
		this.history = history;
	}

	public String api() {
		return this.api;
	}

	public String history() {
		return this.history;
	}

	public static Optional<BugField> fromApi(String name) {
		return Arrays.stream(values()).filter(f -> f.api.equals(name)).findFirst();
	}

}
