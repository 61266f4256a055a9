package com.homeworkapi.common;

import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Stores a short list of enum constants as "A,B,C": readable in SQL and compared as plain text. */
public abstract class EnumListConverter<E extends Enum<E>> implements AttributeConverter<List<E>, String> {

    private final Class<E> type;

    protected EnumListConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(List<E> values) {
        return values == null ? null : values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public List<E> convertToEntityAttribute(String column) {
        if (column == null) {
            return null;
        }
        return column.isEmpty() ? List.of()
                : Arrays.stream(column.split(",")).map(name -> Enum.valueOf(type, name)).toList();
    }
}
