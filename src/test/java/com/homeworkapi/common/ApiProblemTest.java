package com.homeworkapi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ApiProblemTest {

    @Test
    void shouldStateTheBodyLimitInTheLargestUnitThatDividesIt() {
        assertEquals("The request body is larger than the limit of 1 MiB.",
                ApiProblem.payloadTooLarge(1024 * 1024).toProblem().detail());
        assertEquals("The request body is larger than the limit of 64 KiB.",
                ApiProblem.payloadTooLarge(64 * 1024).toProblem().detail());
        assertEquals("The request body is larger than the limit of 1500 bytes.",
                ApiProblem.payloadTooLarge(1500).toProblem().detail());
    }
}
