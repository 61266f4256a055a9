package com.homeworkapi.fhir;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.fhir.ObservationIds.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the three kinds of Observation a search asks for ({@code category}, {@code code},
 * {@code status}, {@code identifier}), and for measurements, which instrument and identifier.
 * Codes we never write match nothing: the search answers an empty page, as FHIR asks, rather
 * than an error; a value that is no token at all is a 400.
 *
 * @param instrument the instrument a {@code code} names, or null for every instrument
 * @param statuses   the statuses a week may have: {@code final}, {@code preliminary} or both
 *                   (attempts and scores are always {@code final})
 * @param identifier the identifier a score must have, or null for any
 */
record ObservationQuery(Set<Kind> kinds, String instrument, Set<String> statuses, Identifier identifier) {

    static final String CATEGORY = "category";
    static final String CODE = "code";
    static final String STATUS = "status";
    static final String IDENTIFIER = "identifier";

    static final String FINAL = "final";
    static final String PRELIMINARY = "preliminary";

    static ObservationQuery parse(List<String> categories, String code, List<String> statusValues,
            String identifierValue) {
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
        Set<String> statuses = new HashSet<>(Set.of(FINAL, PRELIMINARY));
        for (String value : statusValues) {
            Set<String> any = new HashSet<>();
            for (String token : value.split(",", -1)) {
                Token status = Token.parse(STATUS, token);
                for (String written : List.of(FINAL, PRELIMINARY)) {
                    if (status.matches(CodeSystems.OBSERVATION_STATUS, written)) {
                        any.add(written);
                    }
                }
            }
            statuses.retainAll(any);
        }
        if (!statuses.contains(FINAL)) {
            // Attempts and scores are never anything but final.
            kinds.removeAll(EnumSet.of(Kind.ATTEMPT, Kind.MEASUREMENT));
        }
        if (statuses.isEmpty()) {
            kinds.remove(Kind.WEEK);
        }
        Identifier identifier = null;
        if (identifierValue != null) {
            identifier = Identifier.parse(identifierValue);
            // Only scores pushed by another system carry identifiers, and always with a system.
            kinds.retainAll(identifier.noSystem() ? EnumSet.noneOf(Kind.class) : EnumSet.of(Kind.MEASUREMENT));
        }
        return new ObservationQuery(kinds, instrument, Set.copyOf(statuses), identifier);
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

    /**
     * An {@code identifier} search: {@code system|value}, {@code value} (any system),
     * {@code system|} (any value of that system) or {@code |value} (no system), with FHIR's
     * escapes ({@code \|}, {@code \,}, {@code \$}, {@code \\}) for those characters in a value.
     * One identifier per search: an unescaped comma (FHIR's OR) is a 400.
     *
     * @param system the system to match, null for any ({@code value} alone), empty for none
     * @param value  the value to match, null for any ({@code system|})
     */
    record Identifier(String system, String value) {

        static Identifier parse(String text) {
            List<StringBuilder> parts = new ArrayList<>(List.of(new StringBuilder()));
            for (int index = 0; index < text.length(); index++) {
                char character = text.charAt(index);
                if (character == '\\') {
                    if (index + 1 == text.length()) {
                        throw invalid("ends in a lone \\ (escape a backslash as \\\\)");
                    }
                    parts.get(parts.size() - 1).append(text.charAt(++index));
                } else if (character == ',') {
                    throw invalid("takes one identifier per search (escape a comma in a value as \\,)");
                } else if (character == '|') {
                    parts.add(new StringBuilder());
                } else {
                    parts.get(parts.size() - 1).append(character);
                }
            }
            if (parts.size() > 2) {
                throw invalid("must be system|value, value or system| (escape a bar in a value as \\|)");
            }
            if (parts.size() == 1) {
                return new Identifier(null, parts.get(0).toString());
            }
            String system = parts.get(0).toString();
            String value = parts.get(1).toString();
            if (system.isEmpty() && value.isEmpty()) {
                throw invalid("must be system|value, value or system|");
            }
            return new Identifier(system, value.isEmpty() ? null : value);
        }

        /** {@code |value}: an identifier without a system. */
        boolean noSystem() {
            return system != null && system.isEmpty();
        }

        private static ApiProblem invalid(String message) {
            return ApiProblem.invalid(IDENTIFIER, message);
        }
    }
}
