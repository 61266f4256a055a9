package com.homeworkapi.fhir;

import com.homeworkapi.client.ClientRequest;
import com.homeworkapi.client.ClientResponse;
import com.homeworkapi.client.ClientStatus;
import java.util.Date;
import org.hl7.fhir.r4.model.Patient;

/**
 * A client as a FHIR Patient: its id, the identifiers the EHRs know it by ({@code externalIds}),
 * whether it is in treatment, and the display name the clinic gave it. Nothing we do not store:
 * no birth date, gender or address, which the service never holds.
 */
final class Patients {

    private Patients() {
    }

    /** With its version where the service gave one (a read), else without (a page of a search). */
    static Patient from(ClientResponse client, Long version) {
        Patient patient = new Patient();
        patient.setId(client.id().toString());
        patient.getMeta().setLastUpdated(Date.from(client.updatedAt()));
        if (version != null) {
            patient.getMeta().setVersionId(version.toString());
        }
        for (ClientRequest.ExternalIdentifier identifier : client.externalIds()) {
            patient.addIdentifier().setSystem(identifier.system()).setValue(identifier.value());
        }
        patient.setActive(client.status() == ClientStatus.ACTIVE);
        if (client.displayName() != null) {
            patient.addName().setText(client.displayName());
        }
        Narratives.of("Client " + client.id())
                .fact("Name", client.displayName())
                .fact("Status", client.status())
                .fact("Identifiers", client.externalIds().isEmpty() ? null : String.join(", ", client.externalIds()
                        .stream().map(identifier -> identifier.system() + "|" + identifier.value()).toList()))
                .setOn(patient);
        return patient;
    }
}
