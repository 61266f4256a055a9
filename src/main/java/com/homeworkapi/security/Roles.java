package com.homeworkapi.security;

/** The roles a token may carry in its {@code groups} claim. */
public final class Roles {

    public static final String CLINICIAN = "clinician";
    public static final String INTEGRATION = "integration";
    public static final String ADMIN = "admin";
    public static final String CLIENT = "client";

    private Roles() {
    }
}
