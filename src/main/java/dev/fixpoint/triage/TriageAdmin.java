package dev.fixpoint.triage;

import java.util.List;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For project admins: which suggestions the project shows, the model behind them, how far
 * the embedding of the project's bugs is, and how often suggestions were accepted.
 */
@Service
@Transactional(readOnly = true)
public class TriageAdmin {

	private final ProjectAccess access;

	private final SettingsRepository settings;

	private final VectorRepository vectors;

	private final FeedbackRepository feedback;

	private final boolean enabled;

	TriageAdmin(ProjectAccess access, SettingsRepository settings, VectorRepository vectors,
			FeedbackRepository feedback, TriageProperties properties) {
		this.access = access;
		this.settings = settings;
		this.vectors = vectors;
		this.feedback = feedback;
		this.enabled = properties.enabled();
	}

	/** The project's triage status (admins only). */
	public TriageStatus status(String projectRef, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		return new TriageStatus(this.enabled, this.settings.of(admin.projectId()), model(),
				this.vectors.progress(admin.projectId()), this.feedback.rates(admin.projectId()));
	}

	@Transactional
	public TriageStatus change(String projectRef, TriageSettings next, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		this.settings.save(admin.projectId(), next);
		return status(projectRef, user);
	}

	/** The model behind the suggestions, for the about section. */
	public static SentenceModel model() {
		return new SentenceModel(SentenceEncoder.MODEL, SentenceEncoder.MODEL_VERSION, SentenceEncoder.DIMENSIONS);
	}

	/** A sentence model: name, version, vector size. */
	public record SentenceModel(String name, String version, int dimensions) {
	}

	/**
	 * Whether the sentence model runs on this server ({@code fixpoint.triage.enabled}),
	 * settings, model, progress of the embedding and acceptance per kind of suggestion.
	 */
	public record TriageStatus(boolean enabled, TriageSettings settings, SentenceModel model,
			EmbeddingProgress progress, List<AcceptanceRate> acceptance) {
	}

}
