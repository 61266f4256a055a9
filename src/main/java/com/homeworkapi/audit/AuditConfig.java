package com.homeworkapi.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Period;

/** The audit trail's settings (application.properties, from AUDIT_* variables). */
@ConfigMapping(prefix = "homework.audit")
public interface AuditConfig {

    /**
     * How long events are kept (ISO-8601, such as {@code P6Y}). Never less than six years: the
     * database refuses to delete a younger event, and the service does not start with less.
     */
    @WithDefault("P6Y")
    Period retention();

    /** How often events older than the retention are deleted. */
    @WithDefault("24h")
    Duration cleanupEvery();

    /** How often new events are sealed into each clinic's chain. */
    @WithDefault("10s")
    Duration sealEvery();
}
