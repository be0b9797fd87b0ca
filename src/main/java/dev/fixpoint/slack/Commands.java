package dev.fixpoint.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.SearchHit;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.projects.Project;
import dev.fixpoint.projects.Projects;
import dev.fixpoint.search.BugSearch;

import org.springframework.stereotype.Component;

/**
 * The slash commands: {@code /bug WEB-42} shows a bug privately, {@code /bug search
 * <query>} runs the query language over the person's projects of this organization,
 * {@code /report-bug [title]} opens the filing modal. Every answer is private
 * ({@code ephemeral}).
 */
@Component
class Commands {

	static final int MAX_TEXT = 500;

	private static final int RESULTS = 10;

	private final Callers callers;

	private final BugSearch search;

	private final Projects projects;

	private final Modals modals;

	Commands(Callers callers, BugSearch search, Projects projects, Modals modals) {
		this.callers = callers;
		this.search = search;
		this.projects = projects;
		this.modals = modals;
	}

	Map<String, Object> run(WorkspaceRepository.WorkspaceRow workspace, Map<String, String> form) {
		String command = form.getOrDefault("command", "");
		String text = form.getOrDefault("text", "").strip();
		if (!command.equals("/bug") && !command.equals("/report-bug")) {
			return BugMessages.privately("Fixpoint knows /bug and /report-bug.");
		}
		String slackUser = form.get("user_id");
		Optional<CurrentUser> user = this.callers.person(workspace, slackUser);
		if (user.isEmpty()) {
			return BugMessages.privately(this.callers.invitation(workspace, slackUser));
		}
		if (text.length() > MAX_TEXT) {
			return BugMessages.privately("That is too long: at most " + MAX_TEXT + " characters.");
		}
		if (command.equals("/report-bug")) {
			return this.modals.openReport(workspace, user.get(), form.get("trigger_id"), text, "", null);
		}
		if (text.isEmpty() || text.equalsIgnoreCase("help")) {
			return usage();
		}
		if (text.toLowerCase(Locale.ROOT).startsWith("search ")) {
			return search(workspace, user.get(), text.substring("search ".length()).strip());
		}
		return show(workspace, user.get(), text);
	}

	private Map<String, Object> show(WorkspaceRepository.WorkspaceRow workspace, CurrentUser user, String ref) {
		String key = ref.toUpperCase(Locale.ROOT);
		if (!key.matches("[A-Z][A-Z0-9]{1,9}-[0-9]{1,9}")) {
			return usage();
		}
		return this.callers.bug(workspace, key, user)
			.map(found -> BugMessages.privately(found.bug().key() + ": " + found.bug().title(),
					BugMessages.card(found.bug(), found.member().project(), this.callers.baseUrl())))
			.orElseGet(() -> BugMessages.privately("No bug " + key + " that you can see."));
	}

	private Map<String, Object> search(WorkspaceRepository.WorkspaceRow workspace, CurrentUser user, String query) {
		if (query.isEmpty()) {
			return usage();
		}
		Map<UUID, Project> mine = this.projects.mine(user)
			.stream()
			.filter(p -> p.orgId().equals(workspace.orgId()))
			.collect(Collectors.toMap(Project::id, Function.identity()));
		BugSearch.Result result;
		try {
			result = this.search.search(null, query, null, 50, user);
		}
		catch (DomainException | dev.fixpoint.search.QuerySyntaxException ex) {
			return BugMessages.privately("That query could not be read: " + ex.getMessage());
		}
		List<Bug> bugs = result.items()
			.stream()
			.map(SearchHit::bug)
			.filter(b -> mine.containsKey(b.projectId()))
			.limit(RESULTS)
			.toList();
		if (bugs.isEmpty()) {
			return BugMessages.privately("No bugs match " + query + ".");
		}
		List<String> lines = new ArrayList<>();
		for (Bug bug : bugs) {
			Project project = mine.get(bug.projectId());
			lines.add("• <" + this.callers.baseUrl() + "/bugs/" + bug.key() + "|" + bug.key() + "> "
					+ BugMessages.escape(bug.title()) + " — " + bug.severity().label() + " · "
					+ BugMessages.escape(project.workflow().nameOf(bug.status())));
		}
		return BugMessages.privately(bugs.size() + " bugs match " + query,
				List.of(BugMessages.section(String.join("\n", lines))));
	}

	private static Map<String, Object> usage() {
		return BugMessages.privately("Usage: /bug WEB-42 shows a bug; /bug search status:open severity:high \"login\" "
				+ "searches with Fixpoint's query language; /report-bug files one.");
	}

}
