package dev.fixpoint.bugs.relations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fixpoint.bugs.BugLink;
import dev.fixpoint.bugs.BugLinks;
import dev.fixpoint.bugs.LinkType;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.projects.Capabilities;

/**
 * What {@code bugs/relations/panel.jte} shows.
 *
 * @param canLink whether the add and remove controls are offered (the rule
 * {@code BugLinks} enforces)
 * @param typedType the type chosen in the last refused attempt, or null
 * @param typedTarget the target typed in the last refused attempt, or null
 */
public record RelationsView(Capabilities can, String bugKey, String bugTitle, List<BugLink> links,
		BugLinks.SubBugProgress progress, boolean canLink, FormErrors errors, String typedType, String typedTarget) {

	/** The element the section is, and what its forms replace. */
	public static final String ID = "relations";

	/** The picker's list of candidate bugs. */
	public static final String CANDIDATES_ID = "relation-candidates";

	/** The links grouped by how this bug relates, in {@link LinkType} order. */
	public Map<LinkType, List<BugLink>> grouped() {
		Map<LinkType, List<BugLink>> groups = new LinkedHashMap<>();
		for (LinkType type : LinkType.values()) {
			List<BugLink> of = this.links.stream().filter(l -> l.type() == type).toList();
			if (!of.isEmpty()) {
				groups.put(type, of);
			}
		}
		return groups;
	}

	/** Headings from this bug's side: "Blocked by", "Sub-bugs". */
	public String heading(LinkType type) {
		return switch (type) {
			case BLOCKS -> "Blocks";
			case BLOCKED_BY -> "Blocked by";
			case RELATES_TO -> "Related";
			case PARENT -> "Sub-bugs";
			case CHILD -> "Parent";
			case DUPLICATE_OF -> "Duplicate of";
			case DUPLICATED_BY -> "Duplicates";
		};
	}

	/** The choices of the add form, each as a sentence about this bug. */
	public List<LinkType> types() {
		return LinkType.creatable();
	}

	public String choice(LinkType type) {
		return switch (type) {
			case BLOCKS -> "blocks";
			case BLOCKED_BY -> "is blocked by";
			case RELATES_TO -> "relates to";
			case PARENT -> "is the parent of";
			case CHILD -> "is a sub-bug of";
			default -> type.label();
		};
	}

	public boolean removable(BugLink link) {
		return this.canLink && link.id() != null;
	}

	public String url() {
		return RelationsController.url(this.bugKey);
	}

	public String bugUrl() {
		return "/bugs/" + this.bugKey;
	}

	public String removeUrl(BugLink link) {
		return url() + "/" + link.id() + "/delete";
	}

	public String candidatesUrl() {
		return url() + "/candidates";
	}

}
