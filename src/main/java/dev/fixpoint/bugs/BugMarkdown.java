package dev.fixpoint.bugs;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.platform.Markdown;
import dev.fixpoint.platform.SafeHtml;
import dev.fixpoint.projects.Member;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectMembers;
import dev.fixpoint.projects.Projects;

import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

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

	/**
	 * The version of what this class (and {@code platform.Markdown}) make of a text:
	 * raise it when their output changes, and the stored HTML of every report and comment
	 * is made again in the background ({@code BugTextBackfill},
	 * {@code comments.CommentTextBackfill}).
	 */
	public static final int VERSION = 1;

	/** Rendered HTML and the members mentioned in it. */
	public record Rendered(SafeHtml html, Set<UUID> mentioned) {
	}

	private final Projects projects;

	private final ProjectMembers members;

	private final BugTextRepository stored;

	BugMarkdown(Projects projects, ProjectMembers members, BugTextRepository stored) {
		this.projects = projects;
		this.members = members;
		this.stored = stored;
	}

	public Rendered render(Membership member, String markdown) {
		return in(member).render(markdown);
	}

	/**
	 * Renders many texts of {@code member}'s project (an import's comments): the
	 * project's keys and members are looked up at most once for all of them.
	 */
	public java.util.function.Function<String, Rendered> renderer(Membership member) {
		Links links = in(member);
		return links::render;
	}

	/**
	 * For work done on nobody's behalf over many bugs (rendering stored HTML again after
	 * {@link #VERSION} changed): each bug's project is looked up once, each project's
	 * keys and members at most once.
	 */
	public OnBugs onBugs() {
		return new OnBugs();
	}

	/** Renders texts as on the bug they belong to; see {@link #onBugs()}. */
	public final class OnBugs {

		private final Map<UUID, Optional<Links>> bugs = new HashMap<>();

		private final Map<UUID, Links> projects = new HashMap<>();

		private OnBugs() {
		}

		/** Empty when the bug is gone. */
		public Optional<Rendered> render(UUID bugId, String markdown) {
			return this.bugs
				.computeIfAbsent(bugId,
						id -> BugMarkdown.this.stored.findProjectOf(id)
							.map(p -> this.projects.computeIfAbsent(p.id(), x -> in(p.id(), p.orgId(), p.key()))))
				.map(links -> links.render(markdown));
		}

	}

	/**
	 * Renders any number of texts of one project; the project's keys and members are
	 * looked up once, and only when a text has something that may be a bug key or a
	 * mention (most texts have neither: filing renders without a query).
	 */
	Links in(Membership member) {
		return in(member.projectId(), member.project().orgId(), member.project().key());
	}

	Links in(UUID projectId, UUID orgId, String key) {
		return new Links(key, SingletonSupplier.of(() -> this.projects.keysInOrganization(orgId)),
				SingletonSupplier.of(() -> people(projectId)));
	}

	private Map<String, UserSummary> people(UUID projectId) {
		Map<String, UserSummary> people = new HashMap<>();
		for (Member m : this.members.list(projectId)) {
			people.put(m.user().username().toLowerCase(Locale.ROOT), m.user());
		}
		return people;
	}

	/** The links of one project: bug keys of its organization, its members' usernames. */
	record Links(String key, Supplier<Set<String>> keys, Supplier<Map<String, UserSummary>> people) {

		Rendered render(String markdown) {
			Set<UUID> mentioned = new LinkedHashSet<>();
			Markdown.Linker bugKeys = linker(BUG_KEY,
					m -> this.keys.get().contains(m.group(1))
							? Optional.of(new Markdown.AutoLink("/bugs/" + m.group(), m.group(), "bug-ref"))
							: Optional.empty());
			Markdown.Linker mentions = linker(MENTION, m -> {
				UserSummary user = this.people.get().get(m.group(1).toLowerCase(Locale.ROOT));
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
