package com.homeworkapi.audit;

import java.util.List;
import java.util.UUID;

/**
 * What one request left in the audit trail, before it is stored: who asked (the token's subject,
 * its roles, its client for a client's own token), what for (the operationId of openapi.yaml and
 * the object its path names), about which clients, with what outcome, and from where. Never a
 * body. {@code clientIds} holds one client for most operations, several for a batch, none for a
 * clinic report (which gives {@code clientsCovered} instead) or when no client could be named.
 */
record AuditEvent(UUID clinicId, String actorSubject, String actorRoles, UUID actorClientId, String operation,
        String resourceType, UUID resourceId, List<UUID> clientIds, Integer clientsCovered, int status,
        String requestId, String sourceAddress, String userAgent) {
}
