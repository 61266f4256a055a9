package com.homeworkapi.assignment;

import java.time.DayOfWeek;

/** Days of the week as the API writes them. */
public enum Weekday {
    MON, TUE, WED, THU, FRI, SAT, SUN;

    public DayOfWeek toDayOfWeek() {
        return DayOfWeek.of(ordinal() + 1);
    }
}
