package com.homeworkapi.fhir;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * {@code .well-known/smart-configuration} for SMART Backend Services (App Launch 2.0): where the
 * clinic's identity provider issues tokens, how clients authenticate to it (a JWT signed with
 * their private key), and the scopes and capabilities this resource server honours.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SmartConfiguration(
        String tokenEndpoint,
        List<String> tokenEndpointAuthMethodsSupported,
        List<String> tokenEndpointAuthSigningAlgValuesSupported,
        List<String> grantTypesSupported,
        List<String> scopesSupported,
        List<String> capabilities) {

    /** The FHIR types scopes name; with {@code *} for all of them. */
    static final List<String> SCOPED_TYPES = List.of("*", "Patient", "Goal", "CarePlan", "Observation", "AuditEvent");

    static SmartConfiguration of(String tokenEndpoint) {
        List<String> scopes = new java.util.ArrayList<>();
        for (String context : List.of("system", "user", "patient")) {
            for (String type : SCOPED_TYPES) {
                scopes.add(context + "/" + type + ".cruds");
                scopes.add(context + "/" + type + ".rs");
            }
        }
        return new SmartConfiguration(tokenEndpoint, List.of("private_key_jwt"), List.of("RS384", "ES384"),
                List.of("client_credentials"), List.copyOf(scopes),
                List.of("client-confidential-asymmetric", "permission-v1", "permission-v2", "permission-patient",
                        "permission-user"));
    }
}
