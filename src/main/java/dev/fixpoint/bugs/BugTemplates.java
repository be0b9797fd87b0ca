package dev.fixpoint.bugs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bug templates of a project: kinds of report with a skeleton and required fields.
 * Members read them (the new-bug form offers them); project admins define them. Filing
 * with a template ({@code NewBug.template}) checks its required fields for API and form
 * alike ({@link #requireFilled}).
 */
@Service
public class BugTemplates {

	/** The fields a template may require, in the order forms list them. */
	public static final List<String> REQUIRABLE = List.of("description", "steps_to_reproduce", "expected_behavior",
			"actual_behavior", "environment", "component", "due_date", "affects");

	static final int NAME_MAX = 60;

	private final BugTemplateRepository templates;

	private final ProjectAccess access;

	private final Clock clock;

	BugTemplates(BugTemplateRepository templates, ProjectAccess access, Clock clock) {
		this.templates = templates;
		this.access = access;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<BugTemplate> list(String projectRef, CurrentUser user) {
		return list(this.access.membership(projectRef, user));
	}

	@Transactional(readOnly = true)
	public List<BugTemplate> list(Membership member) {
		return this.templates.list(member.projectId());
	}

	@Transactional(readOnly = true)
	public BugTemplate find(String templateRef, CurrentUser user) {
		BugTemplate template = Ids.parse(templateRef)
			.flatMap(this.templates::find)
			.orElseThrow(() -> NotFoundException.of("Template"));
		this.access.membership(template.projectId(), user);
		return template;
	}

	@Transactional
	public BugTemplate create(String projectRef, BugTemplateInput input, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		BugTemplate empty = new BugTemplate(Ids.newId(), admin.projectId(), null, "", "", List.of(), null,
				this.templates.list(admin.projectId()).size());
		if (input.name() == null) {
			throw InvalidInputException.of("name", "is required, e.g. Crash");
		}
		return save(empty, input);
	}

	@Transactional
	public BugTemplate edit(String templateRef, BugTemplateInput input, CurrentUser user) {
		BugTemplate current = find(templateRef, user);
		this.access.membership(current.projectId(), user).require(ProjectAction.MANAGE_PROJECT);
		return save(current, input);
	}

	@Transactional
	public void delete(String templateRef, CurrentUser user) {
		BugTemplate current = find(templateRef, user);
		this.access.membership(current.projectId(), user).require(ProjectAction.MANAGE_PROJECT);
		this.templates.delete(current.id());
	}

	private BugTemplate save(BugTemplate current, BugTemplateInput in) {
		String name = in.name() == null ? current.name() : name(in.name());
		if (this.templates.nameTaken(current.projectId(), name, current.id())) {
			throw ConflictException.on("name", "a template with this name exists");
		}
		BugTemplate next = new BugTemplate(current.id(), current.projectId(), name,
				in.description() == null ? current.description() : text("description", in.description()),
				in.stepsToReproduce() == null ? current.stepsToReproduce()
						: text("steps_to_reproduce", in.stepsToReproduce()),
				in.requiredFields() == null ? current.requiredFields() : required(in.requiredFields()),
				in.defaultSeverity() == null ? current.defaultSeverity() : in.defaultSeverity(),
				in.position() == null ? current.position() : in.position());
		this.templates.save(next, Times.now(this.clock));
		return next;
	}

	/**
	 * The template a report names, in the member's project: unknown names are a field
	 * error.
	 */
	BugTemplate named(Membership member, String name) {
		return this.templates.findByName(member.projectId(), name)
			.orElseThrow(() -> InvalidInputException.of("template",
					"'" + name.strip() + "' is not a template of this project"));
	}

	/**
	 * Refuses a report that leaves a required field of its template empty (a text still
	 * equal to the template's skeleton counts as empty): 422 naming every such field.
	 */
	static void requireFilled(BugTemplate template, ValidNewBug bug) {
		List<String> missing = new ArrayList<>();
		for (String field : template.requiredFields()) {
			if (!filled(template, bug, field)) {
				missing.add(field);
			}
		}
		if (!missing.isEmpty()) {
			throw new TemplateFieldsMissingException(template.name(), missing);
		}
	}

	private static boolean filled(BugTemplate template, ValidNewBug bug, String field) {
		ReportText r = bug.report();
		Object value = switch (field) {
			case "description" -> beyond(r.description(), template.description());
			case "steps_to_reproduce" -> beyond(r.stepsToReproduce(), template.stepsToReproduce());
			case "expected_behavior" -> r.expectedBehavior();
			case "actual_behavior" -> r.actualBehavior();
			case "environment" -> r.environment().isEmpty() ? null : r.environment();
			case "component" -> bug.component();
			case "due_date" -> bug.dueDate();
			case "affects" -> bug.affects();
			default -> null;
		};
		return value != null && !(value instanceof String s && s.isBlank());
	}

	/** The text unless it is the skeleton left as it was. */
	private static String beyond(String text, String skeleton) {
		return text != null && !skeleton.isBlank() && text.strip().equals(skeleton.strip()) ? null : text;
	}

	private static String name(String value) {
		String name = value.strip();
		if (name.isEmpty() || name.length() > NAME_MAX) {
			throw InvalidInputException.of("name", "must be 1 to " + NAME_MAX + " characters, e.g. Crash");
		}
		return name;
	}

	private static String text(String field, String value) {
		String text = value.strip();
		if (text.length() > BugRules.TEXT_MAX) {
			throw InvalidInputException.of(field, "must be at most 65,536 characters");
		}
		return text;
	}

	private static List<String> required(List<String> fields) {
		Set<String> unique = new LinkedHashSet<>();
		for (String f : fields) {
			if (f == null || !REQUIRABLE.contains(f)) {
				throw InvalidInputException.of("required_fields",
						"'" + f + "' cannot be required; one of " + String.join(", ", REQUIRABLE));
			}
			unique.add(f);
		}
		return REQUIRABLE.stream().filter(unique::contains).toList();
	}

	/** A template's required fields in words: "Steps to reproduce, Actual behavior". */
	public static String requiredText(BugTemplate template) {
		Map<String, String> labels = labels();
		return String.join(", ", template.requiredFields().stream().map(labels::get).toList());
	}

	/** Labels of the requirable fields, for forms. */
	public static Map<String, String> labels() {
		Map<String, String> labels = new java.util.LinkedHashMap<>();
		labels.put("description", "Description");
		labels.put("steps_to_reproduce", "Steps to reproduce");
		labels.put("expected_behavior", "Expected behavior");
		labels.put("actual_behavior", "Actual behavior");
		labels.put("environment", "Environment");
		labels.put("component", "Component");
		labels.put("due_date", "Due date");
		labels.put("affects", "Affects release");
		return labels;
	}

}
