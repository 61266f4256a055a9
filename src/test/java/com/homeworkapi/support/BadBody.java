package com.homeworkapi.support;

import static com.homeworkapi.support.Problems.assertInvalidField;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A body that is wrong in one place, the operation it is sent to and the field the 400 must
 * name, with the helpers that build such bodies from an operation's valid one.
 */
public record BadBody(ApiOperation operation, String what, Map<String, Object> body, String field) {

    @Override
    public String toString() {
        return operation + ": " + what;
    }

    /** Sends the bad body as the contract forbids it and checks the 400 and that nothing changed. */
    public static void assertRejectedAndNothingChanged(BadBody bad) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        Response response = bad.operation().sendWithBody(seeded.clinic.sendingBadInputTo(bad.operation()), seeded,
                bad.body());

        assertInvalidField(response, bad.field());
        assertEquals(before, seeded.state());
    }

    public static Map<String, Object> timesPerWeek(Object times) {
        return Map.of("type", "times_per_week", "timesPerWeek", times, "startDate", "2026-01-05");
    }

    /** A copy of the body with one property set. */
    public static Map<String, Object> with(Map<String, Object> body, String property, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(property, value);
        return copy;
    }

    /** A copy of the body without one property. */
    public static Map<String, Object> without(Map<String, Object> body, String property) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(property);
        return copy;
    }

    /** Valid clinic settings with one property of one of their parts ("compliance", "weeks", ...) set. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> settingsWith(String part, String property, Object value) {
        Map<String, Object> settings = ApiOperation.clinicSettings();
        return with(settings, part, with((Map<String, Object>) settings.get(part), property, value));
    }

    /** Valid clinic settings whose one instrument has one property set. */
    public static Map<String, Object> settingsWithInstrument(String property, Object value) {
        return with(ApiOperation.clinicSettings(), "instruments", List.of(with(pcl5(), property, value)));
    }

    /** The clinic's own instrument in {@link ApiOperation#clinicSettings()}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> pcl5() {
        return ((List<Map<String, Object>>) ApiOperation.clinicSettings().get("instruments")).get(0);
    }

    /** A valid review that also rates one assignment. */
    public static Map<String, Object> rating(Object assignmentId, Object quality) {
        return with(ApiOperation.CREATE_REVIEW.validBody(), "assignments",
                List.of(Map.of("assignmentId", assignmentId, "quality", quality)));
    }

    public static Map<String, Object> measurement(String instrument, Object score) {
        return with(with(ApiOperation.RECORD_MEASUREMENT.validBody(), "instrument", instrument), "score", score);
    }
}
