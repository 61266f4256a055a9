package com.homeworkapi.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import com.homeworkapi.attempt.AttemptContent;
import com.homeworkapi.attempt.AttemptResponse;
import com.homeworkapi.attempt.Obstacle;
import com.homeworkapi.compliance.WeekResponse;
import com.homeworkapi.measurement.MeasurementResponse;
import com.homeworkapi.measurement.MeasurementService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Attempts, symptom measurements and weekly compliance as FHIR Observations (docs/fhir.md has
 * the mapping field by field). Patient-reported attempts follow the HL7 Physical Activity IG's
 * pattern (effective = when it happened, issued = when we received it, performer = the patient);
 * symptom totals follow US Core's scored assessments (category survey, LOINC where it has a code).
 */
final class Observations {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private Observations() {
    }

    static Observation fromAttempt(AttemptResponse attempt) {
        AttemptContent content = attempt.content();
        Observation observation = base(ObservationIds.attempt(attempt.id()), attempt.clientId(), attempt.receivedAt(),
                CodeSystems.THERAPY, coded(CodeSystems.HOMEWORK, CodeSystems.ATTEMPT_CODE, "Homework attempt"));
        observation.setStatus(ObservationStatus.FINAL);
        observation.setEffective(instant(content.occurredAt()));
        observation.setIssued(Date.from(attempt.receivedAt()));
        observation.addPerformer(patient(attempt.clientId()));
        observation.addBasedOn(new Reference("CarePlan/" + attempt.clientId()));
        observation.setValue(coded(CodeSystems.ATTEMPT_OUTCOME, content.outcome().toString()));
        component(observation, "assignment", new StringType(content.assignmentId().toString()));
        if (content.completion() != null) {
            component(observation, "completion", quantity(content.completion(), "1", "1"));
        }
        if (content.durationMinutes() != null) {
            component(observation, "duration", quantity(content.durationMinutes(), "min", "min"));
        }
        if (content.suds() != null) {
            integerComponent(observation, "suds-before", content.suds().before());
            integerComponent(observation, "suds-peak", content.suds().peak());
            integerComponent(observation, "suds-after", content.suds().after());
        }
        if (content.quality() != null) {
            integerComponent(observation, "quality-rated-by-" + content.quality().rater(), content.quality().rating());
        }
        for (Obstacle obstacle : content.obstacles() == null ? List.<Obstacle>of() : content.obstacles()) {
            component(observation, "obstacle", coded(CodeSystems.OBSTACLE, obstacle.toString()));
        }
        if (content.note() != null) {
            observation.addNote().setText(content.note());
        }
        Narratives.of("Homework attempt")
                .fact("Occurred", content.occurredAt())
                .fact("Outcome", content.outcome())
                .fact("Completion", content.completion() == null ? null : decimal(content.completion()))
                .fact("Duration (minutes)", content.durationMinutes())
                .fact("SUDS before", content.suds() == null ? null : content.suds().before())
                .fact("SUDS peak", content.suds() == null ? null : content.suds().peak())
                .fact("SUDS after", content.suds() == null ? null : content.suds().after())
                .fact("Obstacles", content.obstacles() == null || content.obstacles().isEmpty() ? null
                        : String.join(", ", content.obstacles().stream().map(Obstacle::toString).toList()))
                .fact("Note", content.note())
                .setOn(observation);
        return observation;
    }

    /**
     * A symptom score with the identifiers other systems gave it (an EHR's, sent with the FHIR
     * create), so the EHR finds its own Observation by them.
     */
    static Observation fromMeasurement(MeasurementResponse measurement,
            List<MeasurementService.Identifier> identifiers) {
        String loinc = CodeSystems.loincOf(measurement.instrument());
        CodeableConcept code = loinc != null ? coded(CodeSystems.LOINC, loinc, loincDisplay(loinc))
                : coded(CodeSystems.INSTRUMENT, measurement.instrument());
        Observation observation = base(ObservationIds.measurement(measurement.id()), measurement.clientId(),
                measurement.recordedAt(), CodeSystems.SURVEY, code);
        observation.setStatus(ObservationStatus.FINAL);
        observation.setEffective(new DateTimeType(measurement.measuredOn().toString()));
        observation.setIssued(Date.from(measurement.recordedAt()));
        observation.setValue(quantity(measurement.score(), "{score}", "{score}"));
        List<Integer> items = measurement.itemAnswers();
        if (items != null) {
            itemComponents(observation, measurement.instrument(), items, measurement.safetyFlag());
        }
        if (measurement.note() != null) {
            observation.addNote().setText(measurement.note());
        }
        for (MeasurementService.Identifier identifier : identifiers) {
            observation.addIdentifier().setSystem(identifier.system()).setValue(identifier.value());
        }
        Narratives.of("Symptom score: " + (loinc != null ? loincDisplay(loinc) : measurement.instrument()))
                .fact("Score", decimal(measurement.score()))
                .fact("Item answers", items == null ? null
                        : String.join(", ", items.stream().map(String::valueOf).toList()))
                .fact("Safety flag", measurement.safetyFlag() ? "raised (PHQ-9 item 9 above 0)" : null)
                .fact("Measured on", measurement.measuredOn())
                .fact("Note", measurement.note())
                .fact("Identifiers", identifiers.isEmpty() ? null : String.join(", ", identifiers.stream()
                        .map(identifier -> identifier.system() + "|" + identifier.value()).toList()))
                .setOn(observation);
        return observation;
    }

    /**
     * One component per item, coded with the item's LOINC code, its answer as LOINC's answer code
     * (whose position in the list is the item's points); for PHQ-9 also whether item 9 raised the
     * safety flag.
     */
    private static void itemComponents(Observation observation, String instrument, List<Integer> items,
            boolean safetyFlag) {
        List<String> codes = CodeSystems.itemCodesOf(instrument);
        for (int index = 0; index < items.size() && index < codes.size(); index++) {
            int answer = items.get(index);
            ObservationComponentComponent component = observation.addComponent();
            component.setCode(coded(CodeSystems.LOINC, codes.get(index)));
            component.setValue(coded(CodeSystems.LOINC, CodeSystems.ITEM_ANSWERS.get(answer),
                    CodeSystems.ITEM_ANSWER_DISPLAYS.get(answer)));
        }
        if (CodeSystems.PHQ9_ITEMS.equals(codes)) {
            component(observation, CodeSystems.SAFETY_FLAG_CODE, new BooleanType(safetyFlag));
        }
    }

    /**
     * One ISO week's compliance: the period is the week's dates in the zone the client lived in
     * that week (a component names the zone), the value the ratio of credit to what was expected,
     * the interpretation the band. A week still running is preliminary.
     */
    static Observation fromWeek(UUID clientId, WeekResponse week, Instant computedAt) {
        Observation observation = base(ObservationIds.week(clientId, week.week()), clientId, computedAt,
                CodeSystems.THERAPY, coded(CodeSystems.HOMEWORK, CodeSystems.WEEKLY_COMPLIANCE_CODE,
                        "Weekly homework compliance"));
        observation.setStatus(ObservationQuery.FINAL.equals(weekStatus(week)) ? ObservationStatus.FINAL
                : ObservationStatus.PRELIMINARY);
        observation.setEffective(new Period().setStartElement(new DateTimeType(week.weekStart().toString()))
                .setEndElement(new DateTimeType(week.weekEnd().toString())));
        observation.setIssued(Date.from(computedAt));
        if (week.compliance() != null) {
            observation.setValue(new Ratio().setNumerator(new Quantity().setValue(decimal(week.credit())))
                    .setDenominator(new Quantity().setValue(week.expected())));
        } else {
            observation.setDataAbsentReason(coded("http://terminology.hl7.org/CodeSystem/data-absent-reason",
                    "not-applicable"));
        }
        observation.addInterpretation(coded(CodeSystems.COMPLIANCE_BAND, week.band()));
        component(observation, "expected", new IntegerType(week.expected()));
        component(observation, "credit", quantity(week.credit(), "1", "1"));
        component(observation, "extra-practice", quantity(week.extraPractice(), "1", "1"));
        component(observation, "setback", new BooleanType(week.setback()));
        component(observation, "client-status", coded(CodeSystems.CLIENT_STATUS, week.status()));
        component(observation, "time-zone", new StringType(week.timeZone()));
        Narratives.of("Weekly homework compliance, " + week.week())
                .fact("Week", week.weekStart() + " to " + week.weekEnd() + " (" + week.timeZone() + ")")
                .fact("Credit / expected", decimal(week.credit()) + " / " + week.expected())
                .fact("Band", week.band())
                .fact("Client status", week.status())
                .setOn(observation);
        return observation;
    }

    /** A week still running is preliminary, an ended one final. */
    static String weekStatus(WeekResponse week) {
        return "in_progress".equals(week.state()) ? ObservationQuery.PRELIMINARY : ObservationQuery.FINAL;
    }

    private static Observation base(String id, UUID clientId, Instant lastUpdated, String category,
            CodeableConcept code) {
        Observation observation = new Observation();
        observation.setId(id);
        observation.getMeta().setLastUpdated(Date.from(lastUpdated));
        observation.addCategory(coded(CodeSystems.OBSERVATION_CATEGORY, category));
        observation.setCode(code);
        observation.setSubject(patient(clientId));
        return observation;
    }

    static Reference patient(UUID clientId) {
        return new Reference("Patient/" + clientId);
    }

    private static void component(Observation observation, String code, Type value) {
        ObservationComponentComponent component = observation.addComponent();
        component.setCode(coded(CodeSystems.HOMEWORK, code));
        component.setValue(value);
    }

    private static void integerComponent(Observation observation, String code, Integer value) {
        if (value != null) {
            component(observation, code, new IntegerType(value));
        }
    }

    private static CodeableConcept coded(String system, String code) {
        return coded(system, code, null);
    }

    private static CodeableConcept coded(String system, String code, String display) {
        CodeableConcept concept = new CodeableConcept();
        concept.addCoding().setSystem(system).setCode(code).setDisplay(display);
        return concept;
    }

    private static Quantity quantity(double value, String unit, String ucum) {
        return new Quantity().setValue(decimal(value)).setUnit(unit).setSystem(CodeSystems.UCUM).setCode(ucum);
    }

    /** Plain digits without trailing zeros: 1, 0.5, 100 (never 1E+2). */
    private static BigDecimal decimal(double value) {
        return new BigDecimal(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    }

    /** In UTC, written with Z, to the millisecond. */
    private static DateTimeType instant(Instant instant) {
        DateTimeType dateTime = new DateTimeType(Date.from(instant), TemporalPrecisionEnum.MILLI, UTC);
        dateTime.setTimeZoneZulu(true);
        return dateTime;
    }

    private static String loincDisplay(String loinc) {
        return switch (loinc) {
            case CodeSystems.PHQ9_TOTAL -> "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]";
            case CodeSystems.GAD7_TOTAL -> "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]";
            default -> null;
        };
    }
}
