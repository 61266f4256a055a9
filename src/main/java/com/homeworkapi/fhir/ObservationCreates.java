package com.homeworkapi.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.measurement.ItemAnswers;
import com.homeworkapi.measurement.MeasurementRequest;
import com.homeworkapi.measurement.MeasurementService.Identifier;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;

/**
 * A symptom score an EHR pushes as a FHIR Observation (a PHQ-9 total from its own questionnaire,
 * say), read into what {@code /v1/clients/{id}/measurements} stores. A PHQ-9 or GAD-7 may carry
 * its item answers as components coded with the items' LOINC codes (then the value may be left
 * out: the total is their sum). What the service would not keep is refused (400), never dropped:
 * other components, derivations, other subjects.
 */
final class ObservationCreates {

    static final String IF_NONE_EXIST = "If-None-Exist";
    private static final int MAX_NOTE = 1000;
    private static final int MAX_IDENTIFIER = 255;
    private static final int MAX_IDENTIFIERS = 5;

    /** The score to store, for whom, and the identifiers it goes by. */
    record Score(UUID clientId, MeasurementRequest request, List<Identifier> identifiers) {
    }

    private ObservationCreates() {
    }

    /** The client the Observation is about; read first, to learn its time zone. */
    static UUID subject(Observation observation) {
        String reference = observation.getSubject().getReference();
        if (reference == null || !reference.startsWith("Patient/")) {
            throw invalid("subject", "must reference the Patient, as Patient/<id>");
        }
        try {
            return UUID.fromString(reference.substring("Patient/".length()));
        } catch (IllegalArgumentException notAnId) {
            throw invalid("subject", "must reference the Patient, as Patient/<id>");
        }
    }

    static Score read(Observation observation, UUID clientId, ZoneId zone) {
        refuseWhatIsNotStored(observation);
        ObservationStatus status = observation.getStatus();
        if (status != ObservationStatus.FINAL && status != ObservationStatus.AMENDED
                && status != ObservationStatus.CORRECTED) {
            throw invalid("status", "must be final, amended or corrected: only results are stored");
        }
        String note = null;
        if (observation.hasNote()) {
            if (observation.getNote().size() > 1) {
                throw invalid("note", "may hold one annotation");
            }
            note = text("note[0].text", observation.getNoteFirstRep().getText(), MAX_NOTE);
        }
        String instrument = instrument(observation);
        List<Integer> items = itemAnswers(observation, instrument);
        MeasurementRequest request = new MeasurementRequest(instrument,
                items != null && !observation.hasValue() ? null : score(observation), measuredOn(observation, zone),
                note, items);
        return new Score(clientId, request, identifiers(observation));
    }

    /** {@code identifier=system|value} of the If-None-Exist header, which must be one of the Observation's. */
    static Identifier ifNoneExist(String header, List<Identifier> identifiers) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String query = header.trim();
        // Some clients (HAPI's) send the whole search URL; FHIR names only its query.
        if (query.contains("?")) {
            query = query.substring(query.indexOf('?') + 1);
        }
        // _format says how to answer, not what to look for.
        query = java.util.Arrays.stream(query.split("&")).filter(part -> !part.startsWith("_format="))
                .reduce((first, second) -> first + "&" + second).orElse("");
        if (!query.startsWith("identifier=") || query.contains("&")) {
            throw invalid(IF_NONE_EXIST, "supports one search, identifier=system|value");
        }
        String token = URLDecoder.decode(query.substring("identifier=".length()), StandardCharsets.UTF_8);
        int bar = token.indexOf('|');
        if (bar <= 0 || bar == token.length() - 1) {
            throw invalid(IF_NONE_EXIST, "must name the identifier as system|value");
        }
        Identifier wanted = new Identifier(token.substring(0, bar), token.substring(bar + 1));
        if (!identifiers.contains(wanted)) {
            throw invalid(IF_NONE_EXIST, "must name one of the Observation's identifiers");
        }
        return wanted;
    }

    private static void refuseWhatIsNotStored(Observation observation) {
        List<String> refused = new ArrayList<>();
        if (observation.hasExtension() || observation.hasModifierExtension()) {
            refused.add("extension");
        }
        if (observation.hasDerivedFrom() || observation.hasHasMember()) {
            refused.add("derivedFrom");
        }
        if (observation.hasInterpretation() || observation.hasReferenceRange() || observation.hasDataAbsentReason()) {
            refused.add("interpretation");
        }
        if (observation.hasBasedOn() || observation.hasPartOf() || observation.hasFocus()
                || observation.hasSpecimen() || observation.hasDevice() || observation.hasBodySite()
                || observation.hasMethod()) {
            refused.add("basedOn");
        }
        if (!refused.isEmpty()) {
            throw invalid(refused.get(0), "is not stored by this server; send the total score alone");
        }
    }

    /**
     * The answers of a PHQ-9's or GAD-7's item components, in the questionnaire's order; null
     * without components. Each item once, coded by its LOINC code, answered with valueInteger (its
     * points) or LOINC's answer code; the service checks the count and the total.
     */
    private static List<Integer> itemAnswers(Observation observation, String instrument) {
        if (!observation.hasComponent()) {
            return null;
        }
        List<String> codes = CodeSystems.itemCodesOf(instrument);
        if (codes.isEmpty()) {
            throw invalid("component", "is stored only as the item answers of a PHQ-9 (44261-6) or GAD-7 (70274-6)");
        }
        Integer[] answers = new Integer[codes.size()];
        List<ObservationComponentComponent> components = observation.getComponent();
        for (int index = 0; index < components.size(); index++) {
            String field = "component[" + index + "]";
            ObservationComponentComponent component = components.get(index);
            int item = itemOf(component, codes);
            if (item < 0) {
                throw invalid(field + ".code", "must be the LOINC code of an item of " + instrument
                        + " (" + String.join(", ", codes) + "); no other component is stored");
            }
            if (answers[item] != null) {
                throw invalid(field, "repeats item " + codes.get(item));
            }
            answers[item] = answerOf(component, field);
        }
        for (int item = 0; item < answers.length; item++) {
            if (answers[item] == null) {
                throw invalid("component", "must answer every item of " + instrument + " once; item "
                        + codes.get(item) + " is missing");
            }
        }
        return List.of(answers);
    }

    /** The item's position in the questionnaire, or -1 when no LOINC coding names one of its items. */
    private static int itemOf(ObservationComponentComponent component, List<String> codes) {
        for (Coding coding : component.getCode().getCoding()) {
            if (CodeSystems.LOINC.equals(coding.getSystem()) && codes.contains(coding.getCode())) {
                return codes.indexOf(coding.getCode());
            }
        }
        return -1;
    }

    private static int answerOf(ObservationComponentComponent component, String field) {
        if (component.getValue() instanceof IntegerType integer && integer.hasValue()) {
            int points = integer.getValue();
            if (points < ItemAnswers.MIN_ANSWER || points > ItemAnswers.MAX_ANSWER) {
                throw invalid(field + ".valueInteger", "must be from " + ItemAnswers.MIN_ANSWER + " to "
                        + ItemAnswers.MAX_ANSWER);
            }
            return points;
        }
        if (component.getValue() instanceof CodeableConcept concept) {
            for (Coding coding : concept.getCoding()) {
                if (CodeSystems.LOINC.equals(coding.getSystem()) && CodeSystems.ITEM_ANSWERS.contains(coding.getCode())) {
                    return CodeSystems.ITEM_ANSWERS.indexOf(coding.getCode());
                }
            }
        }
        throw invalid(field + ".value", "must be valueInteger (0 to 3) or valueCodeableConcept with a LOINC answer ("
                + String.join(", ", CodeSystems.ITEM_ANSWERS) + ")");
    }

    private static String instrument(Observation observation) {
        for (Coding coding : observation.getCode().getCoding()) {
            if (CodeSystems.LOINC.equals(coding.getSystem()) && coding.getCode() != null
                    && CodeSystems.instrumentOfLoinc(coding.getCode()) != null) {
                return CodeSystems.instrumentOfLoinc(coding.getCode());
            }
            if (CodeSystems.INSTRUMENT.equals(coding.getSystem()) && coding.getCode() != null
                    && CodeSystems.loincOf(coding.getCode()) == null) {
                return text("code", coding.getCode(), 32);
            }
        }
        throw invalid("code", "must be LOINC 44261-6 (PHQ-9 total), 70274-6 (GAD-7 total) or an instrument of "
                + CodeSystems.INSTRUMENT);
    }

    private static Double score(Observation observation) {
        BigDecimal value = null;
        if (observation.getValue() instanceof Quantity quantity && quantity.hasValue()) {
            value = quantity.getValue();
        } else if (observation.getValue() instanceof IntegerType integer && integer.hasValue()) {
            value = BigDecimal.valueOf(integer.getValue());
        }
        if (value == null) {
            throw invalid("value", "must be the total score, as valueQuantity or valueInteger"
                    + " (or left out when item components are sent)");
        }
        return value.doubleValue();
    }

    /** The day it was measured: a date as sent, or a date-time's day in the client's time zone. */
    private static LocalDate measuredOn(Observation observation, ZoneId zone) {
        if (!(observation.getEffective() instanceof DateTimeType effective) || !effective.hasValue()) {
            throw invalid("effective", "must be effectiveDateTime, the day it was measured or later");
        }
        if (effective.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
            throw invalid("effective", "must name the day it was measured");
        }
        if (effective.getPrecision() == TemporalPrecisionEnum.DAY) {
            return LocalDate.of(effective.getYear(), effective.getMonth() + 1, effective.getDay());
        }
        return effective.getValue().toInstant().atZone(zone).toLocalDate();
    }

    private static List<Identifier> identifiers(Observation observation) {
        if (observation.getIdentifier().size() > MAX_IDENTIFIERS) {
            throw invalid("identifier", "may hold at most " + MAX_IDENTIFIERS + " identifiers");
        }
        List<Identifier> identifiers = new ArrayList<>();
        for (int index = 0; index < observation.getIdentifier().size(); index++) {
            var identifier = observation.getIdentifier().get(index);
            String field = "identifier[" + index + "]";
            Identifier read = new Identifier(text(field + ".system", identifier.getSystem(), MAX_IDENTIFIER),
                    text(field + ".value", identifier.getValue(), MAX_IDENTIFIER));
            if (identifiers.contains(read)) {
                throw invalid(field, "repeats an identifier already in the list");
            }
            identifiers.add(read);
        }
        return identifiers;
    }

    /** Text PostgreSQL can store as sent: present, within its length, without NUL or half a character. */
    private static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "is required");
        }
        if (value.length() > maxLength) {
            throw invalid(field, "must be at most " + maxLength + " characters");
        }
        for (int index = 0; index < value.length(); index++) {
            char unit = value.charAt(index);
            boolean halfCharacter = Character.isHighSurrogate(unit)
                    ? index + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(++index))
                    : Character.isLowSurrogate(unit);
            if (unit == 0 || halfCharacter) {
                throw invalid(field, "contains a NUL character or half a character");
            }
        }
        return value;
    }

    private static ApiProblem invalid(String field, String message) {
        return ApiProblem.invalid(field, message);
    }
}
