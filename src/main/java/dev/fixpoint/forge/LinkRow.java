package dev.fixpoint.forge;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code forge_links}: the secrets still sealed. */
record LinkRow(UUID id, UUID projectId, Forge forge, String repository, Long forgeProjectId, String instanceUrl,
		byte[] webhookSecret, byte[] accessToken, String openedStatus, String mergedStatus, Instant createdAt) {

	/**
	 * The instance's API base: api.github.com for github.com, {instance}/api/v4 for
	 * GitLab.
	 */
	String apiBase() {
		if (this.forge == Forge.GITHUB) {
			return this.instanceUrl.equals(Forge.GITHUB.defaultInstance()) ? "https://api.github.com"
					: this.instanceUrl + "/api/v3";
		}
		return this.instanceUrl + "/api/v4";
	}

}
