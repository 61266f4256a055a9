package com.homeworkapi.support;

import java.util.HashMap;
import java.util.Map;

/** Instruments a clinic defines for itself in the tests, as its settings take them. */
public final class TestInstruments {

    private TestInstruments() {
    }

    /**
     * The PCL-5 (PTSD Checklist, 0 to 80, lower is better, threshold 33) with the response rule
     * given as its one extra field, such as {@code reliableChangePoints} or {@code responsePercent}.
     */
    public static Map<String, Object> pcl5(String responseRule, int value) {
        Map<String, Object> instrument = new HashMap<>();
        instrument.put("code", "pcl5");
        instrument.put("name", "PTSD Checklist for DSM-5");
        instrument.put("min", 0);
        instrument.put("max", 80);
        instrument.put("threshold", 33);
        instrument.put("lowerIsBetter", true);
        instrument.put(responseRule, value);
        return instrument;
    }
}
