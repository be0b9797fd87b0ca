package dev.fixpoint.forge;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.imports.ImportConnection;
import dev.fixpoint.imports.ImportJob;
import dev.fixpoint.imports.ImportSource;
import dev.fixpoint.imports.Imports;
import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.SecretBox;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a linked repository's issues, for project admins: a job of the imports module
 * ({@link Imports#connect}: the same engine, progress, dry run, re-runs and undo as any
 * import) reading the link's forge API with the link's access token (opened from
 * {@link SecretBox} here, sealed again for the job until it ends). The issues it writes
 * become the link's forge issues ({@code ImportedIssues}), synced both ways.
 */
@Service
public class ForgeIssueImports {

	private final LinkRepository links;

	private final ProjectAccess access;

	private final SecretBox secrets;

	private final Imports imports;

	ForgeIssueImports(LinkRepository links, ProjectAccess access, SecretBox secrets, Imports imports) {
		this.links = links;
		this.access = access;
		this.secrets = secrets;
		this.imports = imports;
	}

	@Transactional
	public ImportJob start(String projectRef, UUID linkId, IssueImport request, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		LinkRow link = this.links.findById(linkId)
			.filter(l -> l.projectId().equals(admin.projectId()))
			.orElseThrow(() -> NotFoundException.of("Integration"));
		if (link.accessToken() == null) {
			throw ConflictException.because("Importing reads the forge's API: give this link an access token first");
		}
		String token = this.secrets.open(link.forge().tokenPurpose(), link.accessToken());
		return this.imports.connect(projectRef, user, source(link.forge()).key(), Boolean.TRUE.equals(request.dryRun()),
				request.mapping(), new ImportConnection(link.apiBase(), null, link.repository()), token);
	}

	/**
	 * The project's imports of this link's repository, newest first (an import's name is
	 * the forge and the repository).
	 */
	@Transactional(readOnly = true)
	public List<ImportJob> recent(String projectRef, RepositoryLink link, CurrentUser user) {
		ImportSource source = source(Forge.parse(link.forge()).orElseThrow());
		String name = source.label() + " " + link.repository();
		return this.imports.recent(projectRef, user)
			.stream()
			.filter(j -> j.source() == source && j.filename().equals(name))
			.toList();
	}

	private static ImportSource source(Forge forge) {
		return forge == Forge.GITHUB ? ImportSource.GITHUB_API : ImportSource.GITLAB_API;
	}

}
