package com.homeworkapi.sync;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Settings of the change feed. */
@ConfigMapping(prefix = "homework.sync")
public interface SyncConfig {

    /**
     * The secret that signs feed cursors ({@code SYNC_CURSOR_KEY}). Production has no default, so
     * the service does not start without one; dev and test use a published, insecure key.
     * Optional here so that its absence is reported by the variable's name, not this key's.
     */
    Optional<String> cursorKey();
}
