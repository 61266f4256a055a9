package com.homeworkapi.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "homework.http")
public interface HttpConfig {

    /**
     * The service is reached only through TLS (a proxy or load balancer terminates it), so
     * browsers may be told to never use plain HTTP for it (Strict-Transport-Security).
     */
    @WithDefault("false")
    boolean behindTls();

    /** How long a browser keeps to HTTPS after it saw Strict-Transport-Security. */
    @WithDefault("365d")
    Duration hstsMaxAge();

    /**
     * Origins of the browser dashboards that may call the API (https://dashboard.example.org);
     * none by default, which keeps CORS off.
     */
    Optional<List<String>> corsOrigins();

    /** The longest request target (path and query, in characters), refused above with a 414 problem. */
    @WithDefault("4096")
    int maxUriLength();

    /** The largest size of a request's header fields, refused above with a 431 problem. */
    @WithDefault("20K")
    MemorySize maxHeaderSize();
}
