package dev.fixpoint.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.Multipart;
import tools.jackson.databind.json.JsonMapper;

/** Uploads of the hand-written exports under src/test/resources/imports. */
final class ImportFixtures {

	private final Multipart http;

	ImportFixtures(String base, JsonMapper json) {
		this.http = new Multipart(base, json);
	}

	static byte[] file(String name) {
		try (InputStream in = ImportFixtures.class.getResourceAsStream("/imports/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Api.Response upload(TestUser user, String projectKey, String source, String filename, byte[] content,
			boolean dryRun, String mapping) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("source", source);
		fields.put("dry_run", Boolean.toString(dryRun));
		if (mapping != null) {
			fields.put("mapping", mapping);
		}
		return this.http.upload("/api/projects/" + projectKey + "/imports", user.token(), "file", filename, content,
				fields);
	}

}
