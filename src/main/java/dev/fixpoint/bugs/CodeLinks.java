package dev.fixpoint.bugs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.fixpoint.accounts.SystemActor;
import dev.fixpoint.platform.Times;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The code a bug is linked to ({@code linked_prs}): pull and merge requests and commits
 * that name it, written by an integration as its system actor. One history entry when a
 * link appears or its state changes; the same state again changes nothing.
 */
@Service
public class CodeLinks {

	private final BugRepository bugs;

	private final JsonMapper json;

	private final Clock clock;

	CodeLinks(BugRepository bugs, JsonMapper json, Clock clock) {
		this.bugs = bugs;
		this.json = json;
		this.clock = clock;
	}

	/** The id of bug {@code number} of a project, if it exists. */
	@Transactional(readOnly = true)
	public java.util.Optional<UUID> find(UUID projectId, int number) {
		return this.bugs.findIdByNumber(projectId, number);
	}

	/** A bug's status, its project and key, if it exists (for an integration). */
	@Transactional(readOnly = true)
	public java.util.Optional<Located> locate(UUID bugId) {
		return this.bugs.findById(bugId)
			.map(b -> new Located(b.id(), b.projectId(), b.key(), b.report().title(), b.progress().status()));
	}

	/** The code linked to a bug (empty when the bug is gone). */
	@Transactional(readOnly = true)
	public List<LinkedCode> linked(UUID bugId) {
		return this.bugs.findById(bugId)
			.map(b -> b.tracking()
				.linkedPrs()
				.stream()
				.filter(Map.class::isInstance)
				.map(m -> (Map<?, ?>) m)
				.map(m -> new LinkedCode(str(m.get("kind")), str(m.get("forge")), str(m.get("repository")),
						str(m.get("number")), str(m.get("title")), str(m.get("url")), str(m.get("state")),
						str(m.get("author")), str(m.get("branch"))))
				.toList())
			.orElse(List.of());
	}

	private static String str(Object value) {
		return value == null ? "" : value.toString();
	}

	/** Where a bug is and what state it is in. */
	public record Located(UUID id, UUID projectId, String key, String title, String status) {
	}

	/**
	 * Links (or updates the link of) a piece of code to a bug.
	 * @return whether anything changed (false also when the bug is gone)
	 */
	@Transactional
	public boolean link(SystemActor actor, UUID bugId, LinkedCode code) {
		BugRow bug = this.bugs.lockById(bugId).orElse(null);
		if (bug == null) {
			return false;
		}
		List<Object> links = new ArrayList<>(bug.tracking().linkedPrs());
		Map<String, Object> entry = entry(code);
		String previousState = null;
		boolean found = false;
		for (int i = 0; i < links.size(); i++) {
			if (links.get(i) instanceof Map<?, ?> existing && code.url().equals(existing.get("url"))) {
				if (entry.equals(existing)) {
					return false;
				}
				previousState = Objects.toString(existing.get("state"), null);
				links.set(i, entry);
				found = true;
			}
		}
		if (!found) {
			links.add(entry);
		}
		this.bugs.updateLinkedPrs(bugId, this.json.writeValueAsString(links));
		if (!found || !Objects.equals(previousState, code.state())) {
			this.bugs.insertHistory(bugId, actor.id(), "linked_pr", found ? previousState : null, code.describe(),
					Times.now(this.clock));
		}
		return true;
	}

	private static Map<String, Object> entry(LinkedCode code) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("kind", code.kind());
		entry.put("forge", code.forge());
		entry.put("repository", code.repository());
		entry.put("number", code.number());
		entry.put("title", code.title());
		entry.put("url", code.url());
		entry.put("state", code.state());
		entry.put("author", code.author());
		entry.put("branch", code.branch());
		return entry;
	}

}
