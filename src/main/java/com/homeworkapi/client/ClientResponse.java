package com.homeworkapi.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * @param timeZoneHistory every zone the client has had, oldest first, the last being {@code timeZone};
 *                        read-only: it grows when an update changes {@code timeZone}
 */
public record ClientResponse(
        UUID id,
        List<ClientRequest.ExternalIdentifier> externalIds,
        String displayName,
        String timeZone,
        List<TimeZoneChange> timeZoneHistory,
        LocalDate treatmentStartDate,
        ClientStatus status,
        String primaryClinicianId,
        Instant createdAt,
        Instant updatedAt) {

    /** A zone in force from {@code effectiveFrom} (a date in that zone), set at {@code changedAt}. */
    public record TimeZoneChange(String timeZone, LocalDate effectiveFrom, Instant changedAt) {

        static TimeZoneChange from(ClientTimeZone entry) {
            return new TimeZoneChange(entry.timeZone, entry.effectiveFrom, entry.changedAt);
        }
    }

    static ClientResponse from(Client client, List<ClientTimeZone> history) {
        return new ClientResponse(client.id,
                client.externalIds.stream()
                        .map(id -> new ClientRequest.ExternalIdentifier(id.system, id.value))
                        .toList(),
                client.displayName, client.timeZone, history.stream().map(TimeZoneChange::from).toList(),
                client.treatmentStartDate, client.status, client.primaryClinicianId, client.createdAt,
                client.updatedAt);
    }
}
