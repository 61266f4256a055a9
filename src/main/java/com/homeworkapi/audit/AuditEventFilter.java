package com.homeworkapi.audit;

import java.time.Instant;
import java.util.UUID;

/** What {@code GET /v1/audit-events} narrows to; a null part does not narrow. {@code to} is exclusive. */
record AuditEventFilter(UUID clientId, String actor, String operation, Instant from, Instant to) {
}
