package dev.fixpoint.workflow.editor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.Projects;
import dev.fixpoint.workflow.Workflow;
import dev.fixpoint.workflow.WorkflowValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replacing a project's workflow. Removing a status moves the bugs in it (through
 * {@link BugManagement}): the new workflow, the moved bugs and their history entries are
 * written in one transaction.
 */
@Service
public class ProjectWorkflows {

	private final ProjectAccess access;

	private final Projects projects;

	private final BugQueries bugs;

	private final BugManagement management;

	ProjectWorkflows(ProjectAccess access, Projects projects, BugQueries bugs, BugManagement management) {
		this.access = access;
		this.projects = projects;
		this.bugs = bugs;
		this.management = management;
	}

	/**
	 * What happens if {@code workflow} replaces the current one: bugs per removed status
	 * that need a new home.
	 */
	@Transactional(readOnly = true)
	public Map<String, Integer> strandedBugs(String projectRef, Workflow workflow, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		return stranded(admin, workflow);
	}

	/**
	 * @param statusMapping removed status → status of the new workflow, for every removed
	 * status still used
	 */
	@Transactional
	public Workflow replace(String projectRef, Workflow workflow, Map<String, String> statusMapping, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		List<String> problems = WorkflowValidator.problems(workflow);
		if (!problems.isEmpty()) {
			throw InvalidInputException.of(problems.stream().map(p -> new FieldError("workflow", p)).toList());
		}
		this.projects.lock(admin);
		Map<String, String> mapping = statusMapping == null ? Map.of() : statusMapping;
		Map<String, Integer> stranded = stranded(admin, workflow);
		List<FieldError> missing = stranded.entrySet()
			.stream()
			.filter(e -> mapping.get(e.getKey()) == null || workflow.status(mapping.get(e.getKey())).isEmpty())
			.map(e -> new FieldError("status_mapping." + e.getKey(),
					e.getValue() + " bug(s) are in '" + e.getKey()
							+ "', which the new workflow removes: map it to one of its statuses"))
			.toList();
		if (!missing.isEmpty()) {
			throw new StrandedBugsException(missing, stranded);
		}
		stranded.keySet()
			.forEach(from -> this.management.moveAllInStatus(admin, from, mapping.get(from), workflow, user));
		this.projects.saveWorkflow(admin, workflow);
		return workflow;
	}

	private Map<String, Integer> stranded(Membership admin, Workflow workflow) {
		Set<String> kept = workflow.statuses().stream().map(Workflow.Status::key).collect(Collectors.toSet());
		Map<String, Integer> counts = new LinkedHashMap<>();
		this.bugs.countAllByStatus(admin).forEach((status, count) -> {
			if (!kept.contains(status)) {
				counts.put(status, count);
			}
		});
		return counts;
	}

}
