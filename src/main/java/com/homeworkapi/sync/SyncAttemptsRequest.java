package com.homeworkapi.sync;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Attempts an app logged offline, sent together. Only the envelope is read and checked here (a
 * 400 for the whole request); each item stays JSON until the service reads it on its own, so
 * that an item of a shape this version cannot read (a newer app's outcome, say) is rejected
 * alone instead of holding back the others.
 */
public record SyncAttemptsRequest(
        @NotNull @Size(min = 1, max = SyncAttemptsRequest.MAX_ATTEMPTS) List<JsonNode> attempts) {

    public static final int MAX_ATTEMPTS = 500;
}
