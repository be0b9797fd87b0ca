package dev.fixpoint.projects;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/projects} and the new-project form. */
public record NewProject(
		@NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
		@NotBlank(message = "is required") @Pattern(regexp = "^[A-Z][A-Z0-9]{1,9}$",
				message = "must be 2–10 uppercase letters or digits, starting with a letter") String key,
		@Size(max = 10000, message = "must be at most 10,000 characters") String description, UUID orgId,
		Boolean isPublic) {

	public NewProject {
		name = name == null ? null : name.trim();
		key = key == null ? null : key.trim();
		description = description == null ? "" : description.trim();
	}

}
