package dev.fixpoint.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a person gives to create an account; bound from the signup form and
 * {@code POST /api/auth/signup}.
 */
public record Signup(
		@NotBlank(message = "is required") @Email(message = "must be a valid email address") @Size(max = 254,
				message = "must be at most 254 characters") String email,
		@NotBlank(message = "is required") @Size(min = 10, max = 200,
				message = "must be at least 10 characters") String password,
		@NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
		@NotBlank(message = "is required") @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_.-]{1,38}$",
				message = "must be 2–39 letters, digits, '.', '_' or '-', starting with a letter or digit") String username,
		@Size(max = 100, message = "must be at most 100 characters") String organizationName) {

	public Signup {
		email = email == null ? null : email.trim();
		name = name == null ? null : name.trim();
		username = username == null ? null : username.trim();
		organizationName = organizationName == null || organizationName.isBlank() ? null : organizationName.trim();
	}

}
