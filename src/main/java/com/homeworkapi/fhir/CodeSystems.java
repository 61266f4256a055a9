package com.homeworkapi.fhir;

import java.util.List;

/**
 * The code systems the FHIR face writes. HL7 and LOINC codes wherever one exists; the rest are
 * the project's own, published under canonical URLs on the project's site and listed in
 * docs/fhir.md with every code.
 */
final class CodeSystems {

    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String OBSERVATION_STATUS = "http://hl7.org/fhir/observation-status";
    static final String GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement";

    private static final String OWN = "https://homework-api.dev/fhir/CodeSystem/";
    /** What an Observation or one of its components is: homework-attempt, weekly-homework-compliance, suds-peak ... */
    static final String HOMEWORK = OWN + "homework";
    /** An attempt's outcome: completed, partial, skipped. */
    static final String ATTEMPT_OUTCOME = OWN + "attempt-outcome";
    /** Why an attempt was skipped or cut short: forgot, no_time ... */
    static final String OBSTACLE = OWN + "obstacle";
    /** A week's compliance band: met, adequate, low, nothing_expected, in_progress. */
    static final String COMPLIANCE_BAND = OWN + "compliance-band";
    /** A client's status from scoring: not_established, on_track, slip, at_risk, relapse, recovering. */
    static final String CLIENT_STATUS = OWN + "client-status";
    /** An assignment's kind: exposure, thought_record, behavioral_activation ... */
    static final String ASSIGNMENT_KIND = OWN + "assignment-kind";
    /** Symptom instruments without a LOINC code for their total: ybocs, and each clinic's own. */
    static final String INSTRUMENT = OWN + "instrument";

    static final String THERAPY = "therapy";
    static final String SURVEY = "survey";

    static final String ATTEMPT_CODE = "homework-attempt";
    static final String WEEKLY_COMPLIANCE_CODE = "weekly-homework-compliance";

    /** LOINC codes of instruments' total scores. */
    static final String PHQ9_TOTAL = "44261-6";
    static final String GAD7_TOTAL = "70274-6";

    /** PHQ-9's items in the questionnaire's order (panel 44249-1); the ninth asks about thoughts of self-harm. */
    static final List<String> PHQ9_ITEMS = List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7",
            "44258-2", "44252-5", "44253-3", "44260-8");
    /** GAD-7's items in the questionnaire's order (panel 69737-5). */
    static final List<String> GAD7_ITEMS = List.of("69725-0", "68509-9", "69733-4", "69734-2", "69735-9",
            "69689-8", "69736-7");
    /**
     * LOINC's answers to every item of both (answer list LL358-3), by the points each scores:
     * not at all 0, several days 1, more than half the days 2, nearly every day 3.
     */
    static final List<String> ITEM_ANSWERS = List.of("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9");
    static final List<String> ITEM_ANSWER_DISPLAYS = List.of("Not at all", "Several days",
            "More than half the days", "Nearly every day");
    /** The component that says whether PHQ-9 item 9 raised the safety flag. */
    static final String SAFETY_FLAG_CODE = "safety-flag";

    private CodeSystems() {
    }

    /** The LOINC codes of an instrument's items in its order; empty when its items are not stored. */
    static List<String> itemCodesOf(String instrument) {
        return switch (instrument) {
            case "phq9" -> PHQ9_ITEMS;
            case "gad7" -> GAD7_ITEMS;
            default -> List.of();
        };
    }

    /** The LOINC code of an instrument's total score, or null when LOINC has none we map. */
    static String loincOf(String instrument) {
        return switch (instrument) {
            case "phq9" -> PHQ9_TOTAL;
            case "gad7" -> GAD7_TOTAL;
            default -> null;
        };
    }

    /** The instrument whose total this LOINC code is, or null. */
    static String instrumentOfLoinc(String code) {
        return switch (code) {
            case PHQ9_TOTAL -> "phq9";
            case GAD7_TOTAL -> "gad7";
            default -> null;
        };
    }
}
