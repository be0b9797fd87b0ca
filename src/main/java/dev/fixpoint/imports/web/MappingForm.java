package dev.fixpoint.imports.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fixpoint.imports.ImportMapping;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The mapping step's form: pairs of parallel lists (a hidden "from" and a select "to" per
 * table row), since the file's values (statuses, names) are not safe as parameter names.
 * An empty "to" keeps the default. Each list starts with an empty pair in the form: a
 * list bound from a single value would be split at its commas.
 */
public record MappingForm(@BindParam("field_name") List<String> fieldName,
		@BindParam("field_column") List<String> fieldColumn, @BindParam("status_from") List<String> statusFrom,
		@BindParam("status_to") List<String> statusTo, @BindParam("priority_from") List<String> priorityFrom,
		@BindParam("priority_to") List<String> priorityTo, @BindParam("person_from") List<String> personFrom,
		@BindParam("person_to") List<String> personTo, @BindParam("unknown_person") String unknownPerson) {

	ImportMapping toMapping() {
		return new ImportMapping(pairs(this.fieldName, this.fieldColumn), pairs(this.statusFrom, this.statusTo),
				pairs(this.priorityFrom, this.priorityTo), null, pairs(this.personFrom, this.personTo), null, null,
				null, this.unknownPerson == null || this.unknownPerson.isBlank() ? null : this.unknownPerson);
	}

	private static Map<String, String> pairs(List<String> from, List<String> to) {
		Map<String, String> map = new LinkedHashMap<>();
		if (from == null || to == null) {
			return map;
		}
		for (int i = 0; i < Math.min(from.size(), to.size()); i++) {
			if (from.get(i) != null && !from.get(i).isBlank() && to.get(i) != null && !to.get(i).isBlank()) {
				map.put(from.get(i), to.get(i));
			}
		}
		return map;
	}

}
