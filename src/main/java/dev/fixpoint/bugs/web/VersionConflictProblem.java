package dev.fixpoint.bugs.web;

import java.net.URI;

import dev.fixpoint.bugs.Bug;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The problem detail of a stale bug PATCH (409), as documented in the OpenAPI
 * description: written by {@code ApiExceptionHandler} from
 * {@code VersionConflictException}, whose {@code current} property is the bug as it is
 * now.
 */
@Schema(name = "VersionConflictProblem", requiredProperties = { "type", "title", "status", "current" })
record VersionConflictProblem(@Schema(example = "https://fixpoint.dev/problems/version-conflict") URI type,
		@Schema(example = "Version conflict") String title, @Schema(example = "409") int status, String detail,
		Bug current) {
}
