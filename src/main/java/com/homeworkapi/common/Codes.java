package com.homeworkapi.common;

import java.util.Arrays;

/**
 * Reads enum codes from query parameters. JAX-RS would answer 404 for a value it cannot
 * convert; a caller who mistyped a filter deserves a 400 that names it.
 */
public final class Codes {

    private Codes() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String field, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.toString().equals(code))
                .findFirst()
                .orElseThrow(() -> ApiProblem.invalid(field,
                        "must be one of " + Arrays.toString(type.getEnumConstants())));
    }
}
