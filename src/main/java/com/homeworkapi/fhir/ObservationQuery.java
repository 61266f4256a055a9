package com.homeworkapi.fhir;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.fhir.ObservationIds.Kind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the three kinds of Observation a search asks for ({@code category} and {@code code}),
 * and for measurements, which instrument. Codes we never write match nothing: the search answers
 * an empty page, as FHIR asks, rather than an error.
 *
 * @param instrument the instrument a {@code code} names, or null for every instrument
 */
record ObservationQuery(Set<Kind> kinds, String instrument) {

    static final String CATEGORY = "category";
    static final String CODE = "code";

    static ObservationQuery parse(List<String> categories, String code) {
        EnumSet<Kind> kinds = EnumSet.allOf(Kind.class);
        for (String value : categories) {
            // Repeated parameters are ANDed, the values of one parameter (comma-separated) ORed.
            EnumSet<Kind> any = EnumSet.noneOf(Kind.class);
            for (String token : value.split(",", -1)) {
                any.addAll(ofCategory(Token.parse(CATEGORY, token)));
            }
            kinds.retainAll(any);
        }
        String instrument = null;
        if (code != null) {
            if (code.contains(",")) {
                throw ApiProblem.invalid(CODE, "takes one code per search");
            }
            Token token = Token.parse(CODE, code);
            EnumSet<Kind> ofCode = EnumSet.noneOf(Kind.class);
            if (token.matches(CodeSystems.HOMEWORK, CodeSystems.ATTEMPT_CODE)) {
                ofCode.add(Kind.ATTEMPT);
            } else if (token.matches(CodeSystems.HOMEWORK, CodeSystems.WEEKLY_COMPLIANCE_CODE)) {
                ofCode.add(Kind.WEEK);
            } else if (CodeSystems.instrumentOfLoinc(token.code()) != null
                    && token.matches(CodeSystems.LOINC, token.code())) {
                ofCode.add(Kind.MEASUREMENT);
                instrument = CodeSystems.instrumentOfLoinc(token.code());
            } else if (CodeSystems.loincOf(token.code()) == null && token.matches(CodeSystems.INSTRUMENT, token.code())) {
                // PHQ-9 and GAD-7 are written with their LOINC codes, never as instruments of our own.
                ofCode.add(Kind.MEASUREMENT);
                instrument = token.code();
            }
            kinds.retainAll(ofCode);
        }
        return new ObservationQuery(kinds, instrument);
    }

    private static Set<Kind> ofCategory(Token token) {
        if (token.matches(CodeSystems.OBSERVATION_CATEGORY, CodeSystems.THERAPY)) {
            return EnumSet.of(Kind.ATTEMPT, Kind.WEEK);
        }
        if (token.matches(CodeSystems.OBSERVATION_CATEGORY, CodeSystems.SURVEY)) {
            return EnumSet.of(Kind.MEASUREMENT);
        }
        return EnumSet.noneOf(Kind.class);
    }

    /** A token parameter's value: {@code system|code}, {@code code} (any system) or {@code |code} (no system). */
    record Token(String system, String code) {

        static Token parse(String parameter, String value) {
            int bar = value.indexOf('|');
            Token token = bar < 0 ? new Token(null, value) : new Token(value.substring(0, bar), value.substring(bar + 1));
            if (token.code().isEmpty() || token.code().contains("|")) {
                throw ApiProblem.invalid(parameter, "must be a code, or system|code");
            }
            return token;
        }

        boolean matches(String system, String code) {
            return this.code.equals(code) && (this.system == null || this.system.equals(system));
        }
    }
}
