package dev.fixpoint.projects.web;

import java.util.List;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.projects.ProjectMembers;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Mention autocomplete of the markdown text areas: {@code [{username, name}]} of matching
 * project members.
 */
@Controller
class MemberSuggestController {

	static final int MAX = 8;

	/** One suggestion, as {@code static/js/mentions.js} reads it. */
	record Suggestion(String username, String name) {
	}

	private final ProjectMembers members;

	MemberSuggestController(ProjectMembers members) {
		this.members = members;
	}

	@GetMapping(ProjectRoutes.MEMBER_SUGGESTIONS)
	@ResponseBody
	List<Suggestion> suggest(@PathVariable String key, @RequestParam(defaultValue = "") String q,
			@Authenticated CurrentUser user) {
		return this.members.suggest(key, user, q, MAX)
			.stream()
			.map(u -> new Suggestion(u.username(), u.name()))
			.toList();
	}

}
