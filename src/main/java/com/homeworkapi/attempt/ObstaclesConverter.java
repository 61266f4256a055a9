package com.homeworkapi.attempt;

import com.homeworkapi.common.EnumListConverter;
import jakarta.persistence.Converter;

@Converter
public class ObstaclesConverter extends EnumListConverter<Obstacle> {

    public ObstaclesConverter() {
        super(Obstacle.class);
    }
}
