package dev.fixpoint.workflow.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.fixpoint.workflow.StatusCategory;
import dev.fixpoint.workflow.Workflow;
import dev.fixpoint.workflow.WorkflowValidator;

import org.springframework.util.MultiValueMap;

/**
 * The workflow editor's form, converted to and from a {@link Workflow}. Status rows carry
 * a row id ({@code r0}, {@code r1}, …) that stays put while keys are edited, rows move or
 * go, so the transition matrix can refer to rows: {@code t.r0.r1.on},
 * {@code t.r0.r1.name}, {@code t.r0.r1.role} (repeated), {@code t.r0.r1.field}
 * (repeated), {@code t.r0.r1.assignee_only}. A transition whose details were never shown
 * ({@code t.A.B.shown} absent: it was just ticked) gets defaults.
 *
 * @param mapping removed status key → new status key, for bugs in statuses the new
 * workflow drops
 */
public record WorkflowForm(List<StatusRow> statuses, List<TransitionRow> transitions, Map<String, String> mapping) {

	public static final List<String> ROLES = List.of("admin", "developer", "qa");

	private static final Pattern ROW_ID = Pattern.compile("r\\d{1,4}");

	private static final int MAX_ROWS = 40;

	/**
	 * @param id the row id (form only, not part of the workflow)
	 * @param category {@code todo}, {@code in_progress} or {@code done}
	 */
	public record StatusRow(String id, String key, String name, String category, boolean initial) {
	}

	/**
	 * @param from the row id of the source status
	 * @param ruleFields the required fields that are written as {@code field_required}
	 * rules (kept as they were)
	 */
	public record TransitionRow(String from, String to, String name, List<String> roles, List<String> fields,
			List<String> ruleFields, boolean assigneeOnly) {

		public boolean requires(String field) {
			return this.fields.contains(field);
		}

	}

	public static WorkflowForm of(Workflow workflow) {
		List<StatusRow> rows = new ArrayList<>();
		Map<String, String> idOf = new LinkedHashMap<>();
		for (Workflow.Status s : workflow.statuses()) {
			String id = "r" + rows.size();
			idOf.put(s.key(), id);
			rows.add(new StatusRow(id, s.key(), s.name(), s.category() == null ? "todo" : s.category().json(),
					s.initial()));
		}
		List<TransitionRow> transitions = new ArrayList<>();
		for (Workflow.Transition t : workflow.transitions()) {
			if (idOf.containsKey(t.from()) && idOf.containsKey(t.to())) {
				List<String> ruleFields = t.rules()
					.stream()
					.map(Workflow.Rule::fieldRequired)
					.filter(f -> f != null)
					.toList();
				Set<String> fields = new LinkedHashSet<>(t.requiredFields());
				fields.addAll(ruleFields);
				boolean assigneeOnly = t.rules().stream().anyMatch(r -> Boolean.TRUE.equals(r.assigneeOnly()));
				transitions.add(new TransitionRow(idOf.get(t.from()), idOf.get(t.to()), t.name(), t.roles(),
						List.copyOf(fields), ruleFields, assigneeOnly));
			}
		}
		return new WorkflowForm(rows, transitions, Map.of());
	}

	/** Reads the posted form; rows with malformed ids are ignored. */
	public static WorkflowForm parse(MultiValueMap<String, String> p) {
		List<StatusRow> rows = new ArrayList<>();
		List<String> initial = p.getOrDefault("initial", List.of());
		for (int i = 0; i < MAX_ROWS; i++) {
			String id = p.getFirst("s." + i + ".id");
			if (id == null || !ROW_ID.matcher(id).matches()) {
				continue;
			}
			rows.add(new StatusRow(id, trim(p.getFirst("s." + i + ".key")), trim(p.getFirst("s." + i + ".name")),
					trim(p.getFirst("s." + i + ".category")), initial.contains(id)));
		}
		List<TransitionRow> transitions = new ArrayList<>();
		for (StatusRow from : rows) {
			for (StatusRow to : rows) {
				String prefix = "t." + from.id() + "." + to.id() + ".";
				if (from.id().equals(to.id()) || p.getFirst(prefix + "on") == null) {
					continue;
				}
				boolean shown = p.getFirst(prefix + "shown") != null;
				transitions.add(new TransitionRow(from.id(), to.id(), trim(p.getFirst(prefix + "name")),
						shown ? known(p.get(prefix + "role"), ROLES) : List.of("admin", "developer"),
						known(p.get(prefix + "field"), WorkflowValidator.REQUIRABLE_FIELDS),
						known(p.get(prefix + "rulefield"), WorkflowValidator.REQUIRABLE_FIELDS),
						p.getFirst(prefix + "assignee_only") != null));
			}
		}
		Map<String, String> mapping = new LinkedHashMap<>();
		p.forEach((name, values) -> {
			if (name.startsWith("map.") && !values.isEmpty() && values.get(0) != null && !values.get(0).isBlank()) {
				mapping.put(name.substring(4), values.get(0).trim());
			}
		});
		return new WorkflowForm(rows, transitions, mapping);
	}

	/**
	 * The workflow this form describes; a ticked transition without a name is named after
	 * its target.
	 */
	public Workflow toWorkflow() {
		Map<String, StatusRow> byId = new LinkedHashMap<>();
		this.statuses.forEach(s -> byId.put(s.id(), s));
		List<Workflow.Status> statuses = this.statuses.stream()
			.map(s -> new Workflow.Status(s.key(), s.name(), category(s.category()), s.initial()))
			.toList();
		List<Workflow.Transition> transitions = new ArrayList<>();
		for (TransitionRow t : this.transitions) {
			StatusRow from = byId.get(t.from());
			StatusRow to = byId.get(t.to());
			if (from == null || to == null) {
				continue;
			}
			List<Workflow.Rule> rules = new ArrayList<>();
			t.fields()
				.stream()
				.filter(t.ruleFields()::contains)
				.forEach(f -> rules.add(Workflow.Rule.fieldRequired(f)));
			if (t.assigneeOnly()) {
				rules.add(Workflow.Rule.onlyAssignee());
			}
			String name = t.name() == null || t.name().isBlank() ? "Move to " + label(to) : t.name();
			transitions.add(new Workflow.Transition(from.key(), to.key(), name, t.roles(),
					t.fields().stream().filter(f -> !t.ruleFields().contains(f)).toList(), rules));
		}
		return new Workflow(statuses, transitions);
	}

	public Optional<TransitionRow> transition(String fromId, String toId) {
		return this.transitions.stream().filter(t -> t.from().equals(fromId) && t.to().equals(toId)).findFirst();
	}

	public StatusRow row(String id) {
		return this.statuses.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
	}

	/** A new row at the end: a to-do status with a key not used yet. */
	public WorkflowForm withNewStatus() {
		int next = this.statuses.stream().mapToInt(s -> Integer.parseInt(s.id().substring(1))).max().orElse(-1) + 1;
		Set<String> keys = new java.util.HashSet<>(this.statuses.stream().map(StatusRow::key).toList());
		int n = 1;
		while (keys.contains("status_" + n)) {
			n++;
		}
		List<StatusRow> rows = new ArrayList<>(this.statuses);
		rows.add(new StatusRow("r" + next, "status_" + n, "New status", "todo", rows.isEmpty()));
		return new WorkflowForm(rows, this.transitions, this.mapping);
	}

	/** Without the row and the transitions from or to it. */
	public WorkflowForm without(String id) {
		return new WorkflowForm(this.statuses.stream().filter(s -> !s.id().equals(id)).toList(),
				this.transitions.stream().filter(t -> !t.from().equals(id) && !t.to().equals(id)).toList(),
				this.mapping);
	}

	/**
	 * The row moved one place up ({@code by} = -1) or down (+1); at an end nothing
	 * happens.
	 */
	public WorkflowForm moved(String id, int by) {
		List<StatusRow> rows = new ArrayList<>(this.statuses);
		int i = rows.indexOf(row(id));
		int j = i + by;
		if (i < 0 || j < 0 || j >= rows.size()) {
			return this;
		}
		java.util.Collections.swap(rows, i, j);
		return new WorkflowForm(rows, this.transitions, this.mapping);
	}

	private static String label(StatusRow row) {
		return row.name() == null || row.name().isBlank() ? row.key() : row.name();
	}

	private static StatusCategory category(String value) {
		for (StatusCategory c : StatusCategory.values()) {
			if (c.json().equals(value)) {
				return c;
			}
		}
		return null;
	}

	private static List<String> known(List<String> values, List<String> allowed) {
		return values == null ? List.of() : allowed.stream().filter(values::contains).toList();
	}

	private static String trim(String value) {
		return value == null ? "" : value.trim();
	}

}
