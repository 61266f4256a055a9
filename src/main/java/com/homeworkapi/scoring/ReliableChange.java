package com.homeworkapi.scoring;

/** Jacobson-Truax reliable change index, for instruments that publish an SD and a reliability. */
public final class ReliableChange {

    /** |RC| above this is reliable at p < .05. */
    public static final double JACOBSON_TRUAX_CRITICAL = 1.96;

    private ReliableChange() {
    }

    /** RC = (x2 - x1) / Sdiff, with Sdiff = sqrt(2) * SE and SE = SD * sqrt(1 - reliability). */
    public static double jacobsonTruax(double x1, double x2, double standardDeviation, double reliability) {
        if (!(standardDeviation > 0) || !(reliability >= 0 && reliability < 1)) {
            throw new IllegalArgumentException("need SD > 0 and 0 <= reliability < 1");
        }
        double standardError = standardDeviation * Math.sqrt(1 - reliability);
        return (x2 - x1) / (Math.sqrt(2) * standardError);
    }

    public static boolean isReliable(double reliableChangeIndex) {
        return Math.abs(reliableChangeIndex) > JACOBSON_TRUAX_CRITICAL;
    }
}
