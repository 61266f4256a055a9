package com.homeworkapi.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record ClientResponse(
        UUID id,
        List<ClientRequest.ExternalIdentifier> externalIds,
        String displayName,
        String timeZone,
        LocalDate treatmentStartDate,
        ClientStatus status,
        String primaryClinicianId,
        Instant createdAt,
        Instant updatedAt) {

    static ClientResponse from(Client client) {
        return new ClientResponse(client.id,
                client.externalIds.stream()
                        .map(id -> new ClientRequest.ExternalIdentifier(id.system, id.value))
                        .toList(),
                client.displayName, client.timeZone, client.treatmentStartDate, client.status,
                client.primaryClinicianId, client.createdAt, client.updatedAt);
    }
}
