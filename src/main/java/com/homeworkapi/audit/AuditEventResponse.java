package com.homeworkapi.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One audit event as {@code GET /v1/audit-events} lists it. */
public record AuditEventResponse(UUID id, Instant occurredAt, String actorSubject, List<String> actorRoles,
        UUID actorClientId, String operation, String resourceType, UUID resourceId, UUID clientId,
        Integer clientsCovered, int status, String requestId, String sourceAddress, String userAgent) {
}
