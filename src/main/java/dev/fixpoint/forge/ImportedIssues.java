package dev.fixpoint.forge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fixpoint.imports.ImportSource;
import dev.fixpoint.imports.IssuesImported;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * GitHub and GitLab issues an import brought in take part in the two-way status sync: in
 * the import batch's transaction, each becomes a linked forge issue
 * ({@code forge_issues}) of the project's link to the repository it was read from (same
 * forge, API address and repository), so closing the bug closes the issue and the forge's
 * close/reopen moves the bug ({@link ForgeCallbacks}, {@link DeliveryEffects}). An import
 * of a repository the project does not link links nothing.
 */
@Component
class ImportedIssues {

	/** The issue's number: what follows the last {@code #} of its import id. */
	private static final Pattern NUMBER = Pattern.compile("#([0-9]{1,18})$");

	private final LinkRepository links;

	private final IssueRepository issues;

	ImportedIssues(LinkRepository links, IssueRepository issues) {
		this.links = links;
		this.issues = issues;
	}

	@EventListener
	void on(IssuesImported imported) {
		Optional<LinkRow> link = linkOf(imported);
		if (link.isEmpty()) {
			return;
		}
		Map<Long, IssuesImported.Issue> byNumber = new LinkedHashMap<>();
		for (IssuesImported.Issue issue : imported.issues()) {
			Matcher m = NUMBER.matcher(issue.originalId());
			if (m.find() && issue.bugId() != null && issue.url() != null) {
				byNumber.put(Long.parseLong(m.group(1)), issue);
			}
		}
		List<Long> numbers = new ArrayList<>(byNumber.keySet());
		this.issues.linkImported(link.get().id(), numbers, numbers.stream().map(n -> byNumber.get(n).bugId()).toList(),
				numbers.stream().map(n -> byNumber.get(n).url()).toList());
	}

	private Optional<LinkRow> linkOf(IssuesImported imported) {
		Forge forge = imported.source() == ImportSource.GITHUB_API ? Forge.GITHUB
				: imported.source() == ImportSource.GITLAB_API ? Forge.GITLAB : null;
		if (forge == null || imported.origin() == null || imported.origin().url() == null) {
			return Optional.empty();
		}
		String api = trim(imported.origin().url());
		String repository = imported.origin().scope().toLowerCase(Locale.ROOT);
		return this.links.findByProject(imported.projectId())
			.stream()
			.filter(l -> l.forge() == forge && l.repository().toLowerCase(Locale.ROOT).equals(repository)
					&& trim(l.apiBase()).equalsIgnoreCase(api))
			.findFirst();
	}

	private static String trim(String url) {
		return url.strip().replaceAll("/+$", "");
	}

}
