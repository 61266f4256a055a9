package com.homeworkapi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each cell as written: always quoted, with an apostrophe wherever a formula could start. */
class CsvWriterTest {

    /** A value and its cell. Tab and line breaks are separators too; tab and CR start formulas. */
    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("On track", "\"On track\""),
                Arguments.of("", "\"\""),
                Arguments.of("=1+1", "\"'=1+1\""),
                Arguments.of("+49 30 1234", "\"'+49 30 1234\""),
                Arguments.of("-2+3", "\"'-2+3\""),
                Arguments.of("@SUM(A1)", "\"'@SUM(A1)\""),
                Arguments.of("x;=1+1", "\"x;'=1+1\""),
                Arguments.of("x,=1+1", "\"x,'=1+1\""),
                Arguments.of("a, -b", "\"a,' -b\""),
                Arguments.of("a;\"=1\"", "\"a;'\"\"=1\"\"\""),
                Arguments.of(" =1", "\"' =1\""),
                Arguments.of("\"quoted\"", "\"\"\"quoted\"\"\""),
                Arguments.of("\t=1", "\"'\t'=1\""),
                Arguments.of("x\n=1", "\"x\n'=1\""),
                Arguments.of("x\r\n@a", "\"x\r\n'@a\""),
                Arguments.of("x;\r=1", "\"x;'\r'=1\""),
                Arguments.of("line\nbreak", "\"line\nbreak\""),
                Arguments.of("O'Neill-Park", "\"O'Neill-Park\""),
                Arguments.of("2026-03-16", "\"2026-03-16\""));
    }

    @ParameterizedTest
    @MethodSource("cells")
    void shouldQuoteEveryCellAndNeutraliseEveryPlaceAFormulaCouldStart(String value, String written) {
        assertEquals(written, CsvWriter.cell(value));
    }

    @Test
    void shouldWriteNullAsAnEmptyCellAndOtherValuesByTheirText() throws IOException {
        StringWriter out = new StringWriter();

        new CsvWriter(out).row(null, 0.75, 3, LocalDate.of(2026, 3, 16));

        assertEquals("\"\",\"0.75\",\"3\",\"2026-03-16\"\r\n", out.toString());
    }
}
