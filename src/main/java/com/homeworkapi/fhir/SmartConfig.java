package com.homeworkapi.fhir;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The clinic identity provider as SMART clients need to find it: we are only the resource server. */
@ConfigMapping(prefix = "homework.smart")
public interface SmartConfig {

    /** The identity provider's OAuth token endpoint (SMART_TOKEN_ENDPOINT); without it there is no SMART configuration. */
    Optional<String> tokenEndpoint();
}
