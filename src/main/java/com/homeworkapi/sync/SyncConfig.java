package com.homeworkapi.sync;

import io.smallrye.config.ConfigMapping;

/** Settings of the change feed. */
@ConfigMapping(prefix = "homework.sync")
public interface SyncConfig {

    /**
     * The secret that signs feed cursors ({@code SYNC_CURSOR_KEY}). Production has no default, so
     * the service does not start without one; dev and test use a published, insecure key.
     */
    String cursorKey();
}
