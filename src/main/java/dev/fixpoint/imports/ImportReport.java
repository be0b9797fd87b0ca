package dev.fixpoint.imports;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an import found (a dry run) or did: how many bugs land in each status, severity,
 * priority and with each assignee, how the source's statuses were mapped, and the people
 * of the file who are not members (their bugs are filed as the importer, unassigned).
 */
public record ImportReport(Map<String, Integer> statuses, Map<String, String> statusMapping,
		Map<String, Integer> severities, Map<String, Integer> priorities, Map<String, Integer> assignees,
		Map<String, Integer> unknownPeople, Map<String, String> priorityMapping) {

	public ImportReport {
		statuses = new TreeMap<>(statuses == null ? Map.of() : statuses);
		statusMapping = new TreeMap<>(statusMapping == null ? Map.of() : statusMapping);
		severities = new TreeMap<>(severities == null ? Map.of() : severities);
		priorities = new TreeMap<>(priorities == null ? Map.of() : priorities);
		assignees = new TreeMap<>(assignees == null ? Map.of() : assignees);
		unknownPeople = new TreeMap<>(unknownPeople == null ? Map.of() : unknownPeople);
		priorityMapping = new TreeMap<>(priorityMapping == null ? Map.of() : priorityMapping);
	}

	static ImportReport empty() {
		return new ImportReport(null, null, null, null, null, null, null);
	}

	/** The counts as they are now (the constructor copies every map). */
	ImportReport copy() {
		return new ImportReport(this.statuses, this.statusMapping, this.severities, this.priorities, this.assignees,
				this.unknownPeople, this.priorityMapping);
	}

	/** How a priority of the file was mapped (the first hundred distinct values). */
	void priority(String sourcePriority, String priority) {
		if (sourcePriority != null
				&& (this.priorityMapping.size() < 100 || this.priorityMapping.containsKey(sourcePriority))) {
			this.priorityMapping.putIfAbsent(sourcePriority, priority);
		}
	}

	/**
	 * Unknown people listed at most: a file with thousands of names lists the busiest.
	 */
	static final int MAX_PEOPLE = 200;

	void count(String status, String sourceStatus, String severity, String priority, String assignee) {
		this.statuses.merge(status, 1, Integer::sum);
		if (sourceStatus != null) {
			this.statusMapping.putIfAbsent(sourceStatus, status);
		}
		this.severities.merge(severity, 1, Integer::sum);
		this.priorities.merge(priority, 1, Integer::sum);
		this.assignees.merge(assignee, 1, Integer::sum);
	}

	void unknown(String person) {
		if (this.unknownPeople.size() < MAX_PEOPLE || this.unknownPeople.containsKey(person)) {
			this.unknownPeople.merge(person, 1, Integer::sum);
		}
	}

}
