package dev.fixpoint.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * Adds body examples to the description from files named after the operation:
 * {@code openapi-examples/<operationId>.request.json} for the request body and
 * {@code <operationId>.<status>.json} for a response (e.g. {@code reportBug.201.json}).
 * Examples are JSON as the wire has it (snake_case), kept next to each other so they are
 * read and updated together; an operation without files gets none. The schemas stay as
 * springdoc derives them.
 */
final class ApiExamples implements OpenApiCustomizer {

	private static final String FOLDER = "openapi-examples/";

	private final JsonMapper json;

	ApiExamples(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getPaths().values().forEach(path -> path.readOperations().forEach(this::addExamples));
	}

	private void addExamples(Operation operation) {
		String id = operation.getOperationId();
		if (id == null) {
			return;
		}
		if (operation.getRequestBody() != null) {
			example(id + ".request").ifPresent(value -> add(operation.getRequestBody().getContent(), value));
		}
		if (operation.getResponses() != null) {
			for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
				if (response.getKey().startsWith("2")) {
					example(id + "." + response.getKey())
						.ifPresent(value -> add(response.getValue().getContent(), value));
				}
			}
		}
	}

	private static void add(Content content, Object value) {
		if (content != null) {
			content.values().forEach(media -> media.setExamples(Map.of("example", new Example().value(value))));
		}
	}

	private Optional<Object> example(String name) {
		ClassPathResource file = new ClassPathResource(FOLDER + name + ".json");
		if (!file.exists()) {
			return Optional.empty();
		}
		try (InputStream in = file.getInputStream()) {
			return Optional.of(this.json.readValue(in, Object.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
