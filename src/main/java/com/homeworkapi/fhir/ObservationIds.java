package com.homeworkapi.fhir;

import com.homeworkapi.common.ApiProblem;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Observation ids tell what the Observation stands for, so a read goes to the one service that
 * holds it: {@code attempt-<uuid>}, {@code measurement-<uuid>}, and for a week's compliance
 * {@code compliance-<client uuid>-<ISO week>} such as {@code compliance-3f6c...-2026-W05}
 * (at most 56 characters: FHIR allows 64).
 */
record ObservationIds(Kind kind, UUID id, String week) {

    enum Kind {
        ATTEMPT("attempt"), MEASUREMENT("measurement"), WEEK("compliance");

        final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern ID = Pattern.compile(
            "(attempt|measurement)-(" + UUID_PATTERN + ")|compliance-(" + UUID_PATTERN + ")-(\\d{4}-W\\d{2})");

    static String attempt(UUID attemptId) {
        return Kind.ATTEMPT.prefix + "-" + attemptId;
    }

    static String measurement(UUID measurementId) {
        return Kind.MEASUREMENT.prefix + "-" + measurementId;
    }

    static String week(UUID clientId, String isoWeek) {
        return Kind.WEEK.prefix + "-" + clientId + "-" + isoWeek;
    }

    /** The id of a read; one we never issue is answered as a missing Observation. */
    static ObservationIds parse(String id) {
        Matcher matcher = ID.matcher(id);
        if (!matcher.matches()) {
            throw ApiProblem.notFound("observation");
        }
        if (matcher.group(1) != null) {
            Kind kind = matcher.group(1).equals(Kind.ATTEMPT.prefix) ? Kind.ATTEMPT : Kind.MEASUREMENT;
            return new ObservationIds(kind, UUID.fromString(matcher.group(2)), null);
        }
        return new ObservationIds(Kind.WEEK, UUID.fromString(matcher.group(3)), matcher.group(4));
    }
}
