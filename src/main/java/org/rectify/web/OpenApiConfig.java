package org.rectify.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description at /v3/api-docs (Swagger UI at /swagger-ui.html), with HTTP Basic. */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI rectifyApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Rectify API")
                        .version("1")
                        .description("整改销号: inspection rounds, problems and their four lists, task breakdown, "
                                + "progress and evidence, sign-off, worklists and audit timelines.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
