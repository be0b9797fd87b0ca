package dev.fixpoint.bugs.filing;

import java.util.List;

import dev.fixpoint.bugs.BugTemplate;
import dev.fixpoint.bugs.BugTemplateInput;
import dev.fixpoint.bugs.Severity;

import org.springframework.web.bind.annotation.BindParam;

/** A bug template as typed on the settings page. */
public record TemplateForm(String name, String description, @BindParam("steps_to_reproduce") String stepsToReproduce,
		@BindParam("required_fields") List<String> requiredFields,
		@BindParam("default_severity") String defaultSeverity) {

	static TemplateForm blank() {
		return new TemplateForm("", "", "", List.of(), "");
	}

	static TemplateForm of(BugTemplate t) {
		return new TemplateForm(t.name(), t.description(), t.stepsToReproduce(), t.requiredFields(),
				t.defaultSeverity() == null ? "" : t.defaultSeverity().key());
	}

	BugTemplateInput input() {
		return new BugTemplateInput(this.name == null ? "" : this.name, value(this.description),
				value(this.stepsToReproduce), this.requiredFields == null ? List.of() : this.requiredFields,
				Severity.parse(this.defaultSeverity).orElse(null), null);
	}

	public boolean requires(String field) {
		return this.requiredFields != null && this.requiredFields.contains(field);
	}

	public String value(String text) {
		return text == null ? "" : text;
	}

}
