package dev.fixpoint.platform.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.fixpoint.platform.Problems;
import dev.fixpoint.platform.web.RateLimitHeaders;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at /v3/api-docs (Swagger UI at /swagger-ui.html): the frame
 * here, the error responses of every operation derived by {@link ApiErrorResponses}. A
 * snapshot is committed as docs/api/openapi.json (OpenApiSnapshotTest keeps it equal),
 * linted by Redocly in .ci/run and turned into the test client of GeneratedClientTest.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	@Bean
	OpenAPI fixpointOpenApi() {
		return new OpenAPI().info(new Info().title("Fixpoint API").version("1").description("""
				The REST API of Fixpoint, a self-hosted bug tracker.

				**Authentication**: `Authorization: Bearer <token>`, a token from `POST /api/auth/signup`, \
				`POST /api/auth/login` or a personal access token (`POST /api/me/tokens`). The browser UI's \
				session cookie does not authenticate API calls.

				**Errors** are RFC 9457 problem details (`application/problem+json`, schema `Problem`) with a \
				stable `type` URI; input errors (400) list every offending field in `errors: [{field, message}]`. \
				Each operation documents the 4xx it can answer. Besides those, any operation may answer 500 \
				(with a `correlation_id` to quote) or 503 with `Retry-After` while the database is unreachable.

				**Lists** use keyset pagination: pass `next_cursor` back as `cursor` (`limit` 1-100, default 25).

				**Limits**: operations with a limit send `RateLimit-Limit`, `RateLimit-Remaining` and \
				`RateLimit-Reset`, and answer 429 with `Retry-After` once it is reached.

				**Compatibility**: what may change without notice and how deprecations are announced \
				(`Deprecation` and `Sunset` headers): docs/api-compatibility.md."""))
			// relative: the API is served by the installation that serves this
			// description
			.servers(List.of(new Server().url("/").description("This Fixpoint installation")))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("fxp_ token")
							.description("A login token or a personal access token"))
				.schemas(problemSchemas())
				.headers(rateLimitHeaders()))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/**
	 * Schemas in the wire's snake_case: springdoc reads types with its own (Jackson 2)
	 * mapper, which knows nothing of {@code spring.jackson.property-naming-strategy}.
	 */
	@Bean
	ModelResolver snakeCaseSchemas(ObjectMapperProvider mappers) {
		return new ModelResolver(
				mappers.jsonMapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
	}

	@Bean
	OperationCustomizer apiErrorResponses() {
		return new ApiErrorResponses();
	}

	/** Tags in the order of the product's modules, each with a line on what it covers. */
	@Bean
	OpenApiCustomizer apiTags() {
		return openApi -> openApi.setTags(List.of(tag("Accounts", "Signup, login, the caller, personal access tokens"),
				tag("Organizations", "Organization members"), tag("Projects", "Projects the caller is a member of"),
				tag("Project members and components", "Members and their roles, components and their owners"),
				tag("Workflow", "Statuses and transitions of a project"),
				tag("Bugs", "Bug reports: filing, listing, editing, history, bulk changes, export"),
				tag("Comments", "Comments and internal notes on a bug"),
				tag("Bug relations", "Links between bugs: blocks, relates to, parent and sub-bugs"),
				tag("Releases", "Releases (versions, milestones) of a project; bugs' fixed_in and affects"),
				tag("Bug templates", "Kinds of report a project offers when filing: skeletons and required fields"),
				tag("Attachments", "Files attached to bugs, their previews and the project's rules"),
				tag("Search", "Search with the query language, saved filters"),
				tag("Notifications", "In-app notifications, watching and muting, email preferences"),
				tag("SLA", "Service-level targets and compliance"),
				tag("Analytics", "Charts' numbers and their CSV and PDF exports"),
				tag("Portal", "Public bug reports without an account, ticket tracking, the organization's status page"),
				tag("Triage",
						"Possible duplicates by meaning and words, suggested severity, priority and assignee "
								+ "(computed on this server), accepting or dismissing them"),
				tag("Webhooks", "Outbound webhooks: signed JSON deliveries of a project's events, their log")));
	}

	/** Request and response examples of the main operations (openapi-examples/). */
	@Bean
	OpenApiCustomizer apiExamples(JsonMapper json) {
		return new ApiExamples(json);
	}

	private static Tag tag(String name, String description) {
		return new Tag().name(name).description(description);
	}

	@SuppressWarnings("rawtypes")
	private static Map<String, Schema> problemSchemas() {
		Schema<?> fieldError = new ObjectSchema().description("One invalid input field")
			.addProperty("field",
					new StringSchema()
						.description("Where, in the API's snake_case: `title`, `environment.os`, `tags[1]`")
						.example("title"))
			.addProperty("message",
					new StringSchema().description("What is wrong, for a person").example("is required"))
			.required(List.of("field", "message"));
		Schema<?> problem = new ObjectSchema()
			.description("An RFC 9457 problem detail. Operations may add members (e.g. `current`, `reason`, "
					+ "`allowed_transitions`); clients should ignore members they do not know.")
			.addProperty("type",
					new StringSchema().format("uri")
						.description("Stable identifier of the kind of problem (" + Problems.BASE + "...)")
						.example(Problems.VALIDATION.toString()))
			.addProperty("title", new StringSchema().description("Short summary of the kind").example("Invalid input"))
			.addProperty("status", new IntegerSchema().description("The HTTP status").example(400))
			.addProperty("detail",
					new StringSchema().description("What happened in this case, for a person")
						.example("title: is required"))
			.addProperty("instance", new StringSchema().format("uri-reference").description("The request's path"))
			.addProperty("errors",
					new ArraySchema().items(new Schema<>().$ref(ApiErrorResponses.FIELD_ERROR_REF))
						.description("Every invalid field (input errors)"))
			.addProperty("correlation_id",
					new StringSchema().format("uuid").description("Quote it when reporting an internal error (500)"))
			.required(List.of("type", "title", "status"));
		problem.setAdditionalProperties(true);
		return Map.of(ApiErrorResponses.PROBLEM, problem, ApiErrorResponses.FIELD_ERROR, fieldError);
	}

	private static Map<String, Header> rateLimitHeaders() {
		return Map.of(RateLimitHeaders.LIMIT,
				new Header().description("Requests (here: failed attempts) allowed per window")
					.schema(new IntegerSchema().example(5)),
				RateLimitHeaders.REMAINING,
				new Header().description("How many of them are left").schema(new IntegerSchema().example(4)),
				RateLimitHeaders.RESET,
				new Header().description("Seconds until the full quota is available again")
					.schema(new IntegerSchema().example(180)),
				ApiErrorResponses.RETRY_AFTER, new Header().description("Seconds to wait before trying again")
					.schema(new IntegerSchema().example(180)));
	}

}
