package dev.fixpoint.workflow;

import java.util.Set;

/**
 * Someone wants to move a bug.
 *
 * @param from the bug's current status
 * @param to the requested status
 * @param role the actor's project role ({@code admin}, {@code developer}, {@code qa},
 * {@code viewer})
 * @param actorWorksOnBug the bug is assigned to the actor or to nobody
 * @param actorIsAssignee the bug is assigned to the actor
 * @param filledFields the fields that will have a value after the change (e.g.
 * {@code resolution})
 */
public record TransitionRequest(String from, String to, String role, boolean actorWorksOnBug, boolean actorIsAssignee,
		Set<String> filledFields) {

	public TransitionRequest(String from, String to, String role, boolean actorWorksOnBug, Set<String> filledFields) {
		this(from, to, role, actorWorksOnBug, false, filledFields);
	}

}
