package dev.fixpoint.projects.web;

/** "Add member": an existing user by email or username, and a role. */
public record MemberForm(String user, String role) {

	static MemberForm empty() {
		return new MemberForm(null, "developer");
	}

}
