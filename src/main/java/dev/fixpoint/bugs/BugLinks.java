package dev.fixpoint.bugs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Relations between bugs: blocks / blocked by, relates to, parent / sub-bug, listed with
 * the duplicates. A link is stored once ({@code bug_links}) and named from each side
 * ({@link LinkType}). Rules: the caller may link a bug of their project
 * ({@link EditRules#linkRefusal}) to any bug they can see, also in another of their
 * projects; a bug they cannot see is not found; no loop of blocks or of parents (409 with
 * the path), one parent per bug; each link and unlink is written to both bugs' history.
 */
@Service
public class BugLinks {

	private final BugLinkRepository links;

	private final BugEditor editor;

	private final BugRepository bugs;

	private final ProjectAccess access;

	private final Clock clock;

	BugLinks(BugLinkRepository links, BugEditor editor, BugRepository bugs, ProjectAccess access, Clock clock) {
		this.links = links;
		this.editor = editor;
		this.bugs = bugs;
		this.access = access;
		this.clock = clock;
	}

	/** The links of a bug, named from its side, whose other bug the caller can see. */
	@Transactional(readOnly = true)
	public List<BugLink> list(String bugRef, CurrentUser user) {
		return list(this.editor.locate(bugRef, user, false), user);
	}

	private List<BugLink> list(BugRow bug, CurrentUser user) {
		List<BugLink> all = new ArrayList<>();
		if (bug.progress().duplicateOf() != null) {
			this.bugs.findById(bug.progress().duplicateOf())
				.ifPresent(o -> all.add(new BugLink(null, LinkType.DUPLICATE_OF, LinkType.DUPLICATE_OF.label(),
						new BugLink.LinkedBug(o.id(), o.key(), o.projectId(), o.report().title(), o.progress().status(),
								o.progress().resolvedAt() != null),
						null)));
		}
		for (BugLinkRepository.SideRow row : this.links.linksOf(bug.id(), user.id())) {
			LinkType type = LinkType.of(row.kind(), row.thisIsSource());
			all.add(new BugLink(row.id(), type, type.label(), other(row), row.createdAt()));
		}
		for (BugLinkRepository.SideRow row : this.links.duplicatesOf(bug.id())) {
			all.add(new BugLink(null, LinkType.DUPLICATED_BY, LinkType.DUPLICATED_BY.label(), other(row), null));
		}
		return all;
	}

	/** How many sub-bugs a bug has and how many are done (a parent's progress). */
	@Transactional(readOnly = true)
	public SubBugProgress progress(UUID bugId) {
		BugLinkRepository.Progress p = this.links.subBugProgress(bugId);
		return new SubBugProgress(p.total(), p.done());
	}

	/** A parent's sub-bugs, done and in all. */
	public record SubBugProgress(int total, int done) {

		public int percent() {
			return this.total == 0 ? 0 : this.done * 100 / this.total;
		}

	}

	/**
	 * Links {@code bugRef} to the target, as {@code link.type()} says from this bug's
	 * side.
	 */
	@Transactional
	public BugLink link(String bugRef, NewLink link, CurrentUser user) {
		LinkType type = type(link);
		if (link.target() == null || link.target().isBlank()) {
			throw InvalidInputException.of("target", "is required: the id or key of the other bug");
		}
		BugRow bug = this.editor.locate(bugRef, user, false);
		Membership member = this.access.membership(bug.projectId(), user);
		EditRules.linkRefusal(member).ifPresent(reason -> {
			throw ForbiddenException.because(reason);
		});
		BugRow other = this.editor.locate(link.target().strip(), user, false);
		if (other.id().equals(bug.id())) {
			throw InvalidInputException.of("target", "must be another bug (a bug cannot be linked to itself)");
		}
		UUID source = type.thisIsSource() ? bug.id() : other.id();
		UUID target = type.thisIsSource() ? other.id() : bug.id();
		if (type == LinkType.RELATES_TO && source.compareTo(target) > 0) {
			UUID swap = source;
			source = target;
			target = swap;
		}
		refuseDuplicate(type, bug, other, source, target);
		Instant now = Times.now(this.clock);
		UUID id = Ids.newId();
		this.links.insert(id, type.kind(), source, target, user.id(), now);
		this.bugs.insertHistory(bug.id(), user.id(), "link", null, type.key() + " " + other.key(), now);
		this.bugs.insertHistory(other.id(), user.id(), "link", null, type.reverse().key() + " " + bug.key(), now);
		return new BugLink(id, type, type.label(), linked(other), now);
	}

	/**
	 * The same link twice, a second parent, or a loop: each a conflict naming what is
	 * there.
	 */
	private void refuseDuplicate(LinkType type, BugRow bug, BugRow other, UUID source, UUID target) {
		if (!type.kind().equals("relates_to")) {
			this.links.lockForCycleCheck();
		}
		if (this.links.exists(type.kind(), source, target)) {
			throw ConflictException.on("target",
					"is already linked: " + bug.key() + " " + type.label() + " " + other.key());
		}
		if (type.kind().equals("relates_to")) {
			return;
		}
		if (type.kind().equals("parent")) {
			this.links.parentOf(target).ifPresent(parent -> {
				throw ConflictException.on("target", (target.equals(bug.id()) ? bug.key() : other.key())
						+ " already has a parent: " + this.bugs.findKeys(List.of(parent)).get(parent));
			});
		}
		LinkPaths.cycle(source, target, this.links.reachableFrom(target, type.kind())).ifPresent(loop -> {
			Map<UUID, String> keys = this.bugs.findKeys(loop);
			throw new LinkCycleException(type, loop.stream().map(keys::get).toList());
		});
	}

	/**
	 * Removes a link; the caller must see both bugs (else 404) and be allowed to link in
	 * the project of either.
	 */
	@Transactional
	public void unlink(String linkRef, CurrentUser user) {
		UUID id = Ids.parse(linkRef).orElseThrow(() -> NotFoundException.of("Link"));
		BugLinkRepository.LinkRow link = this.links.find(id).orElseThrow(() -> NotFoundException.of("Link"));
		BugRow source = visible(link.sourceId(), user);
		BugRow target = visible(link.targetId(), user);
		boolean allowed = EditRules.mayLink(this.access.membership(source.projectId(), user))
				|| EditRules.mayLink(this.access.membership(target.projectId(), user));
		if (!allowed) {
			throw ForbiddenException.because("Only admins and developers may remove links");
		}
		LinkType fromSource = LinkType.of(link.kind(), true);
		Instant now = Times.now(this.clock);
		this.links.delete(id);
		this.bugs.insertHistory(source.id(), user.id(), "link", fromSource.key() + " " + target.key(), null, now);
		this.bugs.insertHistory(target.id(), user.id(), "link", fromSource.reverse().key() + " " + source.key(), null,
				now);
	}

	/**
	 * The link's bug if the caller is a member of its project; otherwise the link is not
	 * found.
	 */
	private BugRow visible(UUID bugId, CurrentUser user) {
		BugRow row = this.bugs.findById(bugId).orElseThrow(() -> NotFoundException.of("Link"));
		if (this.access.roleOf(row.projectId(), user.id()).isEmpty()) {
			throw NotFoundException.of("Link");
		}
		return row;
	}

	private static LinkType type(NewLink link) {
		if (link.type() == null) {
			throw InvalidInputException.of("type", "is required: blocks, blocked_by, relates_to, parent or child");
		}
		return LinkType.parse(link.type())
			.orElseThrow(() -> InvalidInputException.of("type",
					"must be one of blocks, blocked_by, relates_to, parent, child (duplicates: the bug's duplicate_of)"));
	}

	private static BugLink.LinkedBug linked(BugRow o) {
		return new BugLink.LinkedBug(o.id(), o.key(), o.projectId(), o.report().title(), o.progress().status(),
				o.progress().resolvedAt() != null);
	}

	private static BugLink.LinkedBug other(BugLinkRepository.SideRow row) {
		return new BugLink.LinkedBug(row.otherId(), row.otherKey(), row.otherProjectId(), row.otherTitle(),
				row.otherStatus(), row.otherResolved());
	}

}
