package dev.fixpoint.imports;

import java.util.Map;

/**
 * How a file's values become Fixpoint's: every part optional, the source's defaults fill
 * the rest. Keys of {@code statuses}, {@code priorities}, {@code severities} and
 * {@code people} are the source's values (any case).
 *
 * @param fields Fixpoint field ({@code title}, {@code description}, {@code status},
 * {@code priority}, {@code severity}, {@code assignee}, {@code reporter}, {@code tags},
 * {@code created}, {@code updated}, {@code resolved}, {@code due}, {@code id},
 * {@code key}, {@code url}) to the file's column
 * @param statuses source status to a status key of the project's workflow
 * @param priorities source priority to {@code P0}..{@code P3}
 * @param severities source value to {@code critical}, {@code high}, {@code medium},
 * {@code low}
 * @param people a name in the file to a member's email or username
 * @param baseUrl the source's address ({@code https://acme.atlassian.net}): each bug
 * keeps its original URL
 * @param timeZone the zone of dates written without one (default UTC)
 * @param encoding the file's encoding when detection should not decide ({@code UTF-8},
 * {@code UTF-16}, {@code windows-1252})
 * @param unknownPerson who stands in for the people of the file who are not members (as
 * reporter or comment author; they are never assigned): {@code importer} (the default),
 * {@code placeholder} (the "Import" actor, the original name kept in the comment) or a
 * member's email or username
 */
public record ImportMapping(Map<String, String> fields, Map<String, String> statuses, Map<String, String> priorities,
		Map<String, String> severities, Map<String, String> people, String baseUrl, String timeZone, String encoding,
		String unknownPerson) {

	/** {@link #unknownPerson()}: the importer. */
	public static final String IMPORTER = "importer";

	/** {@link #unknownPerson()}: the "Import" actor. */
	public static final String PLACEHOLDER = "placeholder";

	public ImportMapping {
		fields = fields == null ? Map.of() : Map.copyOf(fields);
		statuses = statuses == null ? Map.of() : Map.copyOf(statuses);
		priorities = priorities == null ? Map.of() : Map.copyOf(priorities);
		severities = severities == null ? Map.of() : Map.copyOf(severities);
		people = people == null ? Map.of() : Map.copyOf(people);
	}

	public static ImportMapping none() {
		return new ImportMapping(null, null, null, null, null, null, null, null, null);
	}

	public ImportMapping withBaseUrl(String url) {
		return new ImportMapping(this.fields, this.statuses, this.priorities, this.severities, this.people, url,
				this.timeZone, this.encoding, this.unknownPerson);
	}

}
