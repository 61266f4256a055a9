package com.homeworkapi.common;

import java.time.ZoneId;

/** IANA time zone names, checked against the zone rules of this JVM. */
public final class TimeZones {

    private TimeZones() {
    }

    public static void requireIana(String field, String zone) {
        // Offsets such as "+02:00" are valid ZoneIds but no time zone: DST would be lost.
        if (zone == null || !ZoneId.getAvailableZoneIds().contains(zone)) {
            throw ApiProblem.invalid(field, "must be an IANA time zone name such as Europe/Berlin");
        }
    }
}
