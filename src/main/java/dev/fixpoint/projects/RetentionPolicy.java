package dev.fixpoint.projects;

import java.util.ArrayList;
import java.util.List;

import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A project's retention policy for closed bugs: {@code retentionDays} after a bug was
 * closed it is deleted or anonymised ({@code retentionAction}); no days keeps closed bugs
 * for ever (the default).
 */
public record RetentionPolicy(
		@Schema(description = "Days after closing (1 to 36500); null keeps closed bugs",
				nullable = true) Integer retentionDays,
		@Schema(description = "delete: the bug and everything on it; anonymise: the bug stays, its people become "
				+ "Anonymous and email addresses and @mentions leave its texts",
				allowableValues = {
						DELETE, ANONYMISE }) String retentionAction){

	public static final String DELETE = "delete";

	public static final String ANONYMISE = "anonymise";

	public static final int MAX_DAYS = 36500;

	/** Closed bugs are kept. */
	public static final RetentionPolicy KEEP = new RetentionPolicy(null, ANONYMISE);

	/** Whether the policy deletes bugs (otherwise it anonymises them). */
	public boolean deletes() {
		return DELETE.equals(this.retentionAction);
	}

	/** Whether the policy does anything. */
	public boolean active() {
		return this.retentionDays != null;
	}

	/**
	 * This policy, or a 400 naming what is wrong; no action keeps the default, anonymise.
	 */
	public RetentionPolicy validated() {
		List<FieldError> errors = new ArrayList<>();
		if (this.retentionDays != null && (this.retentionDays < 1 || this.retentionDays > MAX_DAYS)) {
			errors.add(new FieldError("retention_days", "must be between 1 and " + MAX_DAYS + " days, or null"));
		}
		String action = this.retentionAction == null ? ANONYMISE : this.retentionAction;
		if (!DELETE.equals(action) && !ANONYMISE.equals(action)) {
			errors.add(new FieldError("retention_action", "must be delete or anonymise"));
		}
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
		return new RetentionPolicy(this.retentionDays, action);
	}

}
