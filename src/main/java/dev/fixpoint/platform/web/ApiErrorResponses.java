package dev.fixpoint.platform.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.fixpoint.platform.Problems;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the error responses of every API operation from what its handler really can
 * fail with, so 70 methods need no annotations for them:
 * <ul>
 * <li>401 unless the operation is public ({@code @SecurityRequirements()}, matching the
 * security chains' permitted paths);</li>
 * <li>404 when the path names a resource (a path variable): not found, or in a project
 * the caller is not a member of;</li>
 * <li>400 when it takes input (a body, query parameters, headers, a typed path variable):
 * {@code errors[]} names every bad field; 413 and 415 when it takes a body;</li>
 * <li>409 when it takes {@code If-Match} (optimistic concurrency);</li>
 * <li>429 with {@code Retry-After}, and the {@code RateLimit-*} headers on every
 * response, when it is {@link RateLimited}.</li>
 * </ul>
 * Only what the method alone knows is annotated on it ({@code @ApiResponse} 403, 409 or
 * 422 with a description): this fills in the problem+json content those leave out.
 * {@code ApiErrorResponsesTest} checks the documented statuses against real responses.
 */
final class ApiErrorResponses implements OperationCustomizer {

	static final String PROBLEM = "Problem";

	static final String FIELD_ERROR = "ProblemFieldError";

	static final String FIELD_ERROR_REF = "#/components/schemas/" + FIELD_ERROR;

	static final String RETRY_AFTER = HttpHeaders.RETRY_AFTER;

	static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		if (!AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ApiController.class)) {
			return operation;
		}
		Input input = Input.of(handler);
		Map<String, ApiResponse> derived = new TreeMap<>();
		if (input.any()) {
			derived.put("400", problem(input.body() ? "Invalid input: malformed JSON, a value of the wrong type, "
					+ "an unknown or read-only field, a missing required one, or text with a NUL or invalid UTF-8; "
					+ "`errors[]` names every offending field"
					: "Invalid input: a parameter with a value of the wrong type or out of range, or text with a NUL "
							+ "or invalid UTF-8; `errors[]` names every offending parameter",
					Problems.VALIDATION.toString(), "Invalid input", 400, "title: is required",
					List.of(fieldError("title", "is required"))));
		}
		if (!isPublic(handler.getMethod())) {
			derived.put("401",
					problem("No bearer token, or one that is invalid, revoked or expired",
							Problems.UNAUTHORIZED.toString(), "Unauthorized", 401,
							"Authentication required: send Authorization: Bearer <token>", null));
		}
		if (input.pathVariables()) {
			derived.put("404",
					problem("Not found, or in a project the caller is not a member of (which is never " + "revealed)",
							Problems.NOT_FOUND.toString(), "Not found", 404, "Bug not found", null));
		}
		if (input.ifMatch()) {
			derived.put("409",
					problem("Version conflict: `If-Match` (or `version`) names an older version",
							Problems.VERSION_CONFLICT.toString(), "Version conflict", 409,
							"This was changed by someone else", null));
		}
		if (input.body()) {
			derived.put("413", problem("The body is larger than the server accepts (`FIXPOINT_MAX_JSON_BODY` for JSON)",
					Problems.TOO_LARGE.toString(), "Too large", 413, "The request body is larger than 1 MB", null));
			derived.put("415", problem("The body is not of a media type this operation reads", Problems.BASE + "415",
					"Unsupported Media Type", 415, "Content-Type 'text/plain' is not supported.", null));
		}
		RateLimited limited = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RateLimited.class);
		if (limited != null) {
			ApiResponse tooMany = problem("Too many " + limited.value() + "; retry after `Retry-After` seconds",
					Problems.RATE_LIMITED.toString(), "Too many requests", 429,
					"Too many failed logins. Try again later.", null);
			tooMany.addHeaderObject(RETRY_AFTER, headerRef(RETRY_AFTER));
			derived.put("429", tooMany);
		}
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		derived.forEach((status, response) -> {
			if (!responses.containsKey(status)) {
				responses.addApiResponse(status, response);
			}
		});
		responses.forEach((status, response) -> {
			if (status.charAt(0) == '4' || status.charAt(0) == '5') {
				withProblemContent(response);
			}
			if (limited != null) {
				for (String header : List.of(RateLimitHeaders.LIMIT, RateLimitHeaders.REMAINING,
						RateLimitHeaders.RESET)) {
					response.addHeaderObject(header, headerRef(header));
				}
			}
		});
		operation.setResponses(sorted(responses));
		return operation;
	}

	/**
	 * An annotated error response gets the problem+json schema unless it names a more
	 * specific one (springdoc gives annotated responses the method's return type
	 * otherwise).
	 */
	private static void withProblemContent(ApiResponse response) {
		Content content = response.getContent();
		MediaType problem = content == null ? null : content.get(PROBLEM_JSON);
		if (problem == null) {
			response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problemRef())));
		}
		else if (problem.getSchema() == null) {
			problem.setSchema(problemRef());
		}
	}

	private static ApiResponses sorted(ApiResponses responses) {
		ApiResponses sorted = new ApiResponses();
		new TreeMap<>(responses).forEach(sorted::addApiResponse);
		sorted.setExtensions(responses.getExtensions());
		return sorted;
	}

	private static ApiResponse problem(String description, String type, String title, int status, String detail,
			List<Map<String, String>> errors) {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", type);
		example.put("title", title);
		example.put("status", status);
		example.put("detail", detail);
		if (errors != null) {
			example.put("errors", errors);
		}
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(problemRef()).examples(Map.of(title, new Example().value(example)))));
	}

	private static Map<String, String> fieldError(String field, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", message);
		return error;
	}

	private static Schema<?> problemRef() {
		return new Schema<>().$ref("#/components/schemas/" + PROBLEM);
	}

	private static Header headerRef(String name) {
		return new Header().$ref("#/components/headers/" + name);
	}

	/** Public: annotated {@code @SecurityRequirements()} (an empty list). */
	private static boolean isPublic(Method method) {
		SecurityRequirements requirements = AnnotatedElementUtils.findMergedAnnotation(method,
				SecurityRequirements.class);
		return requirements != null && requirements.value().length == 0;
	}

	/** What a handler reads from the request. */
	private record Input(boolean body, boolean parameters, boolean pathVariables, boolean typedPath, boolean ifMatch) {

		static Input of(HandlerMethod handler) {
			boolean body = false;
			boolean parameters = false;
			boolean pathVariables = false;
			boolean typedPath = false;
			boolean ifMatch = false;
			List<MethodParameter> all = new ArrayList<>(List.of(handler.getMethodParameters()));
			for (MethodParameter parameter : all) {
				if (parameter.hasParameterAnnotation(RequestBody.class)
						|| parameter.hasParameterAnnotation(RequestPart.class)) {
					body = true;
				}
				else if (parameter.hasParameterAnnotation(PathVariable.class)) {
					pathVariables = true;
					typedPath |= parameter.getParameterType() != String.class;
				}
				else if (parameter.hasParameterAnnotation(RequestHeader.class)) {
					RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
					ifMatch |= HttpHeaders.IF_MATCH.equalsIgnoreCase(header.name());
					parameters |= ifMatch;
				}
				else if (isRequestInput(parameter)) {
					parameters = true;
				}
			}
			return new Input(body, parameters, pathVariables, typedPath, ifMatch);
		}

		/**
		 * Query parameters, one by one or bound to an object ({@code @ParameterObject}).
		 */
		private static boolean isRequestInput(MethodParameter parameter) {
			return parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class)
					|| parameter.hasParameterAnnotation(org.springdoc.core.annotations.ParameterObject.class);
		}

		boolean any() {
			return this.body || this.parameters || this.typedPath;
		}

	}

}
