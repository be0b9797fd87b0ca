package dev.fixpoint.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI fixpointOpenApi() {
		return new OpenAPI().info(new Info().title("Fixpoint API").version("1").description("""
				The REST API of Fixpoint, a self-hosted bug tracker. Authenticate with `Authorization: Bearer <token>` \
				(from /api/auth/login, /api/auth/signup or a personal access token). Errors are RFC 9457 problem \
				details (`application/problem+json`); validation errors list `errors: [{field, message}]`. \
				Lists use keyset pagination: pass `next_cursor` back as `cursor`."""))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("fxp_ token")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
