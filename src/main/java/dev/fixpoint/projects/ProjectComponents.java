package dev.fixpoint.projects;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Components of a project and their owners (who get new unassigned bugs filed against the
 * component).
 */
@Service
public class ProjectComponents {

	private final ProjectRepository projects;

	private final ProjectAccess access;

	ProjectComponents(ProjectRepository projects, ProjectAccess access) {
		this.projects = projects;
		this.access = access;
	}

	@Transactional(readOnly = true)
	public List<ProjectComponent> list(UUID projectId) {
		return this.projects.findComponents(projectId);
	}

	@Transactional(readOnly = true)
	public Optional<ProjectComponent> findByName(UUID projectId, String name) {
		return list(projectId).stream().filter(c -> c.name().equalsIgnoreCase(name.trim())).findFirst();
	}

	@Transactional
	public ProjectComponent create(String projectRef, CurrentUser caller, String name, UUID ownerId) {
		Membership admin = this.access.require(projectRef, caller, ProjectAction.MANAGE_PROJECT);
		String clean = validName(name);
		if (this.projects.componentNameTaken(admin.projectId(), clean, null)) {
			throw ConflictException.on("name", "a component with this name exists");
		}
		requireMember(admin.projectId(), ownerId);
		UUID id = Ids.newId();
		this.projects.insertComponent(id, admin.projectId(), clean, ownerId);
		return new ProjectComponent(id, clean, ownerId);
	}

	@Transactional
	public ProjectComponent update(String projectRef, CurrentUser caller, UUID id, String name, UUID ownerId) {
		Membership admin = this.access.require(projectRef, caller, ProjectAction.MANAGE_PROJECT);
		String clean = validName(name);
		if (this.projects.componentNameTaken(admin.projectId(), clean, id)) {
			throw ConflictException.on("name", "a component with this name exists");
		}
		requireMember(admin.projectId(), ownerId);
		if (this.projects.updateComponent(admin.projectId(), id, clean, ownerId) == 0) {
			throw NotFoundException.of("Component");
		}
		return new ProjectComponent(id, clean, ownerId);
	}

	@Transactional
	public void delete(String projectRef, CurrentUser caller, UUID id) {
		Membership admin = this.access.require(projectRef, caller, ProjectAction.MANAGE_PROJECT);
		if (this.projects.deleteComponent(admin.projectId(), id) == 0) {
			throw NotFoundException.of("Component");
		}
	}

	private void requireMember(UUID projectId, UUID ownerId) {
		if (ownerId != null && this.projects.findRole(projectId, ownerId).isEmpty()) {
			throw InvalidInputException.of("owner_id", "must be a member of the project");
		}
	}

	private static String validName(String name) {
		if (name == null || name.isBlank() || name.trim().length() > 100) {
			throw InvalidInputException.of("name", "must be 1–100 characters");
		}
		return name.trim();
	}

}
