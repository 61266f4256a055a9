package com.homeworkapi.support;

import static com.homeworkapi.support.Json.at;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The JSON paths tests assert with read what REST Assured's Groovy paths read. */
class JsonTest {

    private static final String PAGE = """
            {"items": [{"id": "a", "score": 12, "tags": ["x", "y"], "ratio": 0.8},
                       {"id": "b", "score": 3000000000, "tags": ["y"], "ratio": 1.0}],
             "nextCursor": null, "hasMore": false}""";

    @Test
    void readsMembersSpreadsIndexesAndFunctions() {
        assertThat(PAGE, at("items.id", contains("a", "b")));
        assertThat(PAGE, at("items[1].id", equalTo("b")));
        assertThat(PAGE, at("items[-1].id", equalTo("b")));
        assertThat(PAGE, at("items.size()", equalTo(2)));
        assertThat(PAGE, at("items.tags.flatten().unique()", contains("x", "y")));
        assertThat(PAGE, at("nextCursor", nullValue()));
        assertThat(PAGE, at("missing.member", nullValue()));
        assertThat(PAGE, at("hasMore", equalTo(false)));
    }

    @Test
    void givesNumbersTheTypesRestAssuredGivesThem() {
        assertThat(PAGE, at("items[0].score", equalTo(12)));
        assertThat(PAGE, at("items[1].score", equalTo(3_000_000_000L)));
        assertThat(PAGE, at("items.ratio", contains(0.8f, 1.0f)));
        assertThat(PAGE, at("items[0].ratio", not(equalTo(0.8))));
    }

    @Test
    void failsWhenTheValueDiffersAndRefusesPathsItCannotRead() {
        AssertionError mismatch =
                assertThrows(AssertionError.class, () -> assertThat(PAGE, at("items.id", contains("b", "a"))));
        assertTrue(mismatch.getMessage().contains("items.id"), mismatch.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> assertThat(PAGE, at("items.find { it.id == 'a' }", nullValue())));
    }
}
