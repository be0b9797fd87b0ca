package dev.fixpoint.bugs;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Releases (versions, milestones) of a project: every member reads them; project admins
 * create, edit and archive them. Bugs point at them with {@code fixed_in} and
 * {@code affects} (edited like any triage field). Publishes {@link ReleaseCreated},
 * {@link ReleaseChanged} and {@link ReleaseReleased} in the change's transaction.
 */
@Service
public class Releases {

	static final int NAME_MAX = 40;

	static final int DESCRIPTION_MAX = 4000;

	/** No control characters, commas or quotes: a name is written in queries as is. */
	private static final Pattern NAME = Pattern.compile("[^\\p{Cntrl},\"]{1," + NAME_MAX + "}");

	private final ReleaseRepository releases;

	private final ProjectAccess access;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Releases(ReleaseRepository releases, ProjectAccess access, Clock clock, ApplicationEventPublisher events) {
		this.releases = releases;
		this.access = access;
		this.clock = clock;
		this.events = events;
	}

	/** The project's releases, planned and current first; archived ones only if asked. */
	@Transactional(readOnly = true)
	public List<Release> list(String projectRef, boolean archived, CurrentUser user) {
		return list(this.access.membership(projectRef, user), archived);
	}

	@Transactional(readOnly = true)
	public List<Release> list(Membership member, boolean archived) {
		return this.releases.list(member.projectId(), archived);
	}

	/**
	 * The names of the project's releases that are not archived, in list order (pickers).
	 */
	@Transactional(readOnly = true)
	public List<String> names(Membership member) {
		return this.releases.names(member.projectId());
	}

	/** A release of a project the caller is a member of (404 otherwise). */
	@Transactional(readOnly = true)
	public Release find(String releaseRef, CurrentUser user) {
		Release release = Ids.parse(releaseRef)
			.flatMap(this.releases::find)
			.orElseThrow(() -> NotFoundException.of("Release"));
		this.access.membership(release.projectId(), user);
		return release;
	}

	/**
	 * A release of the member's project as the API shows it to them; empty when it is
	 * gone or of another project (other modules, e.g. webhooks' deliveries).
	 */
	@Transactional(readOnly = true)
	public Optional<Release> find(UUID releaseId, Membership member) {
		return this.releases.find(releaseId).filter(r -> r.projectId().equals(member.projectId()));
	}

	@Transactional
	public Release create(String projectRef, NewRelease release, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		String name = name(release.name());
		description(release.description());
		if (this.releases.nameTaken(admin.projectId(), name, null)) {
			throw ConflictException.on("name", "a release with this name exists");
		}
		UUID id = Ids.newId();
		this.releases.insert(id, admin.projectId(), release, name, Times.now(this.clock));
		this.events.publishEvent(new ReleaseCreated(id, admin.projectId(), name, user.id()));
		return this.releases.find(id).orElseThrow();
	}

	@Transactional
	public Release edit(String releaseRef, ReleaseChanges changes, CurrentUser user) {
		Release current = find(releaseRef, user);
		this.access.membership(current.projectId(), user).require(ProjectAction.MANAGE_PROJECT);
		String name = changes.name() == null ? current.name() : name(changes.name());
		if (!name.equalsIgnoreCase(current.name())
				&& this.releases.nameTaken(current.projectId(), name, current.id())) {
			throw ConflictException.on("name", "a release with this name exists");
		}
		String description = changes.description() == null ? current.description() : description(changes.description());
		Release next = new Release(current.id(), current.projectId(), name, description,
				changes.dueOn() == null ? current.dueOn() : changes.dueOn(),
				changes.releasedOn() == null ? current.releasedOn() : changes.releasedOn(),
				changes.archived() == null ? current.archived() : changes.archived(), current.openCount(),
				current.resolvedCount(), current.createdAt(), current.updatedAt());
		Map<String, ReleaseChanged.Change> changed = changes(current, next);
		if (changed.isEmpty()) {
			return current;
		}
		Instant now = Times.now(this.clock);
		this.releases.update(next, now);
		this.events.publishEvent(new ReleaseChanged(next.id(), next.projectId(), name, user.id(), changed));
		if (current.releasedOn() == null && next.releasedOn() != null) {
			this.events
				.publishEvent(new ReleaseReleased(next.id(), next.projectId(), name, user.id(), next.releasedOn()));
		}
		return this.releases.find(current.id()).orElseThrow();
	}

	/** What an edit changes, field by field as the API names them. */
	private static Map<String, ReleaseChanged.Change> changes(Release was, Release is) {
		Map<String, ReleaseChanged.Change> changes = new LinkedHashMap<>();
		change(changes, "name", was.name(), is.name());
		change(changes, "description", was.description(), is.description());
		change(changes, "due_on", was.dueOn(), is.dueOn());
		change(changes, "released_on", was.releasedOn(), is.releasedOn());
		change(changes, "archived", was.archived(), is.archived());
		return changes;
	}

	private static void change(Map<String, ReleaseChanged.Change> changes, String field, Object was, Object is) {
		if (!Objects.equals(was, is)) {
			changes.put(field,
					new ReleaseChanged.Change(was == null ? null : was.toString(), is == null ? null : is.toString()));
		}
	}

	static String name(String value) {
		String name = value == null ? "" : value.strip();
		if (name.isEmpty()) {
			throw InvalidInputException.of("name", "is required, e.g. 1.4 or \"Spring launch\"");
		}
		if (!NAME.matcher(name).matches()) {
			throw InvalidInputException.of("name",
					"must be at most " + NAME_MAX + " characters, without commas, quotes or control characters");
		}
		return name;
	}

	private static String description(String value) {
		String text = value == null ? "" : value.strip();
		if (text.length() > DESCRIPTION_MAX) {
			throw InvalidInputException.of("description", "must be at most " + DESCRIPTION_MAX + " characters");
		}
		return text;
	}

}
