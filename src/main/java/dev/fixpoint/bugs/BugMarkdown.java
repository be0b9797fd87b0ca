package dev.fixpoint.bugs;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.platform.Markdown;
import dev.fixpoint.platform.SafeHtml;
import dev.fixpoint.projects.Member;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectMembers;
import dev.fixpoint.projects.Projects;

import org.springframework.stereotype.Component;

/**
 * Markdown of a project: bug keys of the organization's projects ({@code WEB-12}) become
 * links, and {@code @username} of a project member becomes a mention (and is reported, so
 * the member can be notified). Unknown names and keys stay plain text.
 */
@Component
public class BugMarkdown {

	static final Pattern BUG_KEY = Pattern.compile("(?<![\\w/#-])([A-Z][A-Z0-9]{1,9})-([1-9][0-9]{0,8})(?![\\w-])");

	static final Pattern MENTION = Pattern
		.compile("(?<![\\w@.])@([A-Za-z0-9][A-Za-z0-9_.-]{0,37}[A-Za-z0-9_-]|[A-Za-z0-9])");

	/** Rendered HTML and the members mentioned in it. */
	public record Rendered(SafeHtml html, Set<UUID> mentioned) {
	}

	private final Projects projects;

	private final ProjectMembers members;

	BugMarkdown(Projects projects, ProjectMembers members) {
		this.projects = projects;
		this.members = members;
	}

	public Rendered render(Membership member, String markdown) {
		return in(member).render(markdown);
	}

	/**
	 * Renders any number of texts of one project with one lookup of its keys and members.
	 */
	Links in(Membership member) {
		Set<String> keys = this.projects.keysInOrganization(member.project().orgId());
		Map<String, UserSummary> people = new HashMap<>();
		for (Member m : this.members.list(member.projectId())) {
			people.put(m.user().username().toLowerCase(Locale.ROOT), m.user());
		}
		return new Links(member.project().key(), keys, people);
	}

	/** The links of one project: bug keys of its organization, its members' usernames. */
	record Links(String key, Set<String> keys, Map<String, UserSummary> people) {

		Rendered render(String markdown) {
			Set<UUID> mentioned = new LinkedHashSet<>();
			Markdown.Linker bugKeys = linker(BUG_KEY,
					m -> this.keys.contains(m.group(1))
							? Optional.of(new Markdown.AutoLink("/bugs/" + m.group(), m.group(), "bug-ref"))
							: Optional.empty());
			Markdown.Linker mentions = linker(MENTION, m -> {
				UserSummary user = this.people.get(m.group(1).toLowerCase(Locale.ROOT));
				if (user == null) {
					return Optional.empty();
				}
				mentioned.add(user.id());
				return Optional.of(new Markdown.AutoLink("/p/" + this.key + "/bugs?assignee=" + user.username(),
						"@" + user.username(), "mention"));
			});
			SafeHtml html = Markdown.render(markdown, List.of(bugKeys, mentions));
			return new Rendered(html, mentioned);
		}

	}

	private static Markdown.Linker linker(Pattern pattern,
			java.util.function.Function<java.util.regex.MatchResult, Optional<Markdown.AutoLink>> link) {
		return new Markdown.Linker() {
			@Override
			public Pattern pattern() {
				return pattern;
			}

			@Override
			public Optional<Markdown.AutoLink> link(java.util.regex.MatchResult match) {
				return link.apply(match);
			}
		};
	}

}
