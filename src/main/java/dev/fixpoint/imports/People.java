package dev.fixpoint.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.projects.Member;

/**
 * The project's members as a file names them: by email, by name or by username (any
 * case), or through the mapping's {@code people} (a name in the file to an email or
 * username). Who is none of them is unknown: the importer reports them, assigns nothing
 * to them and files their bugs as the importer.
 */
final class People {

	private final Map<String, Member> members = new HashMap<>();

	private final Map<String, String> aliases = new HashMap<>();

	People(List<Member> members, Map<String, String> mapping) {
		for (Member m : members) {
			UserSummary u = m.user();
			put(u.email(), m);
			put(u.username(), m);
			put(u.name(), m);
		}
		mapping.forEach((name, target) -> this.aliases.put(norm(name), norm(target)));
	}

	private void put(String key, Member member) {
		if (key != null && !key.isBlank()) {
			this.members.putIfAbsent(norm(key), member);
		}
	}

	private static String norm(String s) {
		return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
	}

	Optional<Member> find(String name) {
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		// a forge's and Redmine's "Name (login)": the login first, then the name
		java.util.regex.Matcher named = NAMED.matcher(name.strip());
		if (named.matches()) {
			return lookup(named.group(2)).or(() -> lookup(named.group(1))).or(() -> lookup(name));
		}
		return lookup(name);
	}

	private Optional<Member> lookup(String name) {
		String key = norm(name);
		// Jira's "Name <email>"
		java.util.regex.Matcher email = EMAIL.matcher(key);
		String alias = this.aliases.get(key);
		Member found = alias != null ? this.members.get(alias) : this.members.get(key);
		if (found == null && email.find()) {
			found = this.members.get(email.group());
		}
		return Optional.ofNullable(found);
	}

	private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern
		.compile("^(.+?)\\s*\\(([^()\\s]+)\\)$");

	static boolean canBeAssigned(Member member) {
		return BugManagement.canWorkBugs(member.role());
	}

	private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^\\s<>()]+@[^\\s<>()]+");

	static UUID id(Member member) {
		return member.user().id();
	}

}
