package com.homeworkapi.limits;

import jakarta.enterprise.context.RequestScoped;

/**
 * What kind of request is running, so that the connections it takes get that kind's statement
 * timeout. Set by {@link RequestKindFilter} before anything touches the database; a request
 * scope without an HTTP request (a scheduled job) stays {@link Kind#BACKGROUND}.
 */
@RequestScoped
public class RequestKind {

    public enum Kind {
        READ, WRITE, HEAVY_READ, BACKGROUND
    }

    private Kind kind = Kind.BACKGROUND;

    public Kind kind() {
        return kind;
    }

    void set(Kind kind) {
        this.kind = kind;
    }
}
