package com.homeworkapi.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.ObjectMapperConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks requests and responses in the API tests against openapi.yaml, so the contract
 * cannot drift from the code.
 */
public final class Contract {

    private static final String SPEC = readSpec();

    static {
        // REST Assured otherwise builds an HTTP client, and reads its version from the class
        // path, for every request: most of what a test's request cost on the client side.
        // It also builds a Jackson mapper for every body it writes, looking its modules up on the
        // class path each time; one mapper serves them all.
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        RestAssured.config = RestAssured.config()
                .httpClient(HttpClientConfig.httpClientConfig().reuseHttpClientInstance())
                .objectMapperConfig(ObjectMapperConfig.objectMapperConfig()
                        .jackson2ObjectMapperFactory((type, charset) -> mapper));
    }

    /** Request and response must both match the contract. */
    public static final OpenApiValidationFilter STRICT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForInlineApiSpecification(SPEC).build());

    /** For tests that send bad input on purpose: only the response must match. */
    public static final OpenApiValidationFilter RESPONSES_ONLY = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForInlineApiSpecification(SPEC)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    private Contract() {
    }

    public static String spec() {
        return SPEC;
    }

    private static String readSpec() {
        try {
            return Files.readString(Path.of("openapi.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
