package dev.fixpoint.bugs;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.Problems;
import dev.fixpoint.platform.RefusedException;

/**
 * A report filed with a template leaves fields empty that the template requires: 422
 * naming them ({@code missing_fields}).
 */
public class TemplateFieldsMissingException extends RefusedException {

	static final URI TYPE = URI.create(Problems.BASE + "template-fields-missing");

	private static final Kind KIND = new Kind(TYPE, "Required by the template");

	TemplateFieldsMissingException(String template, List<String> missing) {
		super(KIND, "The template " + template + " requires " + String.join(", ", missing),
				Map.of("missing_fields", missing, "template", template));
	}

	@SuppressWarnings("unchecked")
	public List<String> missingFields() {
		return (List<String>) properties().get("missing_fields");
	}

}
