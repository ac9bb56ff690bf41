package org.openaims.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs}: the product's name and version (from the build),
 * and bearer tokens as the way to authenticate, so a pipeline can generate a client from it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	@Bean
	OpenAPI openAimsApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		String version = properties == null ? "development" : properties.getVersion();
		return new OpenAPI()
			.info(new Info().title("OpenAIMS API")
				.version(version)
				.description("REST API of OpenAIMS, an AI management system for ISO/IEC 42001:2023. Send an API token as "
						+ "'Authorization: Bearer <token>'; POST /api/v1/auth/token exchanges a password for one."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("an OpenAIMS API token")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
