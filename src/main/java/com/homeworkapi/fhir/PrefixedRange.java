package com.homeworkapi.fhir;

/**
 * A half-open range [from, before) narrowed value by value with FHIR's date prefixes, as
 * {@code date} and {@code _lastUpdated} take them: a value is the period [start, end) it names,
 * and {@code eq} keeps that period, {@code ge} what starts with it, {@code gt} what follows it,
 * {@code le} what ends with it, {@code lt} what precedes it. Repeated values are ANDed.
 *
 * @param from   first value included, or null
 * @param before first value no longer included, or null
 */
record PrefixedRange<T extends Comparable<? super T>>(T from, T before) {

    static <T extends Comparable<? super T>> PrefixedRange<T> unbounded() {
        return new PrefixedRange<>(null, null);
    }

    /** This range and the period [start, end) under the prefix; no prefix is {@code eq}. */
    PrefixedRange<T> and(String prefix, T start, T end) {
        String comparison = prefix == null ? "eq" : prefix;
        T lower = switch (comparison) {
            case "eq", "ge" -> start;
            case "gt" -> end;
            default -> null;
        };
        T upper = switch (comparison) {
            case "eq", "le" -> end;
            case "lt" -> start;
            default -> null;
        };
        return new PrefixedRange<>(later(from, lower), earlier(before, upper));
    }

    /** Whether nothing can match. */
    boolean empty() {
        return from != null && before != null && from.compareTo(before) >= 0;
    }

    private static <T extends Comparable<? super T>> T later(T one, T other) {
        return one == null ? other : other == null || one.compareTo(other) >= 0 ? one : other;
    }

    private static <T extends Comparable<? super T>> T earlier(T one, T other) {
        return one == null ? other : other == null || one.compareTo(other) <= 0 ? one : other;
    }
}
