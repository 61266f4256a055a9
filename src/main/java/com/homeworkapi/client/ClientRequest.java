package com.homeworkapi.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** What a caller sends to create a client or replace its fields. */
public record ClientRequest(
        @Size(max = 20) List<@Valid @NotNull ExternalIdentifier> externalIds,
        @Size(max = 200) String displayName,
        @NotBlank @Size(max = 64) String timeZone,
        LocalDate treatmentStartDate,
        ClientStatus status,
        @Size(max = 200) String primaryClinicianId) {

    public record ExternalIdentifier(
            @NotBlank @Size(max = 255) String system,
            @NotBlank @Size(max = 255) String value) {
    }

    public List<ExternalIdentifier> externalIdsOrEmpty() {
        return externalIds == null ? List.of() : externalIds;
    }
}
