package com.homeworkapi.support;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Follows a list's nextCursor to its end, as a client app pages through it. */
public final class Pages {

    private Pages() {
    }

    /** Every value of {@code field} across the pages, and how many pages it took. */
    public record Walked(List<Object> values, int pages) {
    }

    public static Walked walk(Supplier<RequestSpecification> caller, int limit, String field, String path,
            Object... pathParameters) {
        List<Object> values = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = caller.get().queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(path, pathParameters);
            page.then().statusCode(200);
            values.addAll(Json.path(page, field));
            cursor = Json.path(page, "nextCursor");
            pages++;
        } while (cursor != null);
        return new Walked(values, pages);
    }
}
