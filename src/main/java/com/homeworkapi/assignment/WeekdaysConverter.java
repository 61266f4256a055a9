package com.homeworkapi.assignment;

import com.homeworkapi.common.EnumListConverter;
import jakarta.persistence.Converter;

@Converter
public class WeekdaysConverter extends EnumListConverter<Weekday> {

    public WeekdaysConverter() {
        super(Weekday.class);
    }
}
