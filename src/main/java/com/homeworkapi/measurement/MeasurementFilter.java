package com.homeworkapi.measurement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a search (FHIR's) narrows a client's scores by; a null field narrows nothing.
 *
 * @param instrument       the instrument's code
 * @param from             measured on this day or later
 * @param toExclusive      measured before this day
 * @param recordedFrom     recorded at this instant or later
 * @param recordedBefore   recorded before this instant
 * @param identifierSystem named by another system with an identifier of this system
 * @param identifierValue  named by another system with an identifier of this value
 */
public record MeasurementFilter(String instrument, LocalDate from, LocalDate toExclusive, Instant recordedFrom,
        Instant recordedBefore, String identifierSystem, String identifierValue) {

    static MeasurementFilter ofInstrument(String instrument) {
        return new MeasurementFilter(instrument, null, null, null, null, null, null);
    }

    MeasurementFilter withInstrument(String code) {
        return new MeasurementFilter(code, from, toExclusive, recordedFrom, recordedBefore, identifierSystem,
                identifierValue);
    }

    boolean byIdentifier() {
        return identifierSystem != null || identifierValue != null;
    }
}
