package com.homeworkapi.security;

import java.util.Set;

/** The roles a token may carry in its {@code groups} claim. */
public final class Roles {

    public static final String CLINICIAN = "clinician";
    public static final String INTEGRATION = "integration";
    public static final String ADMIN = "admin";
    public static final String CLIENT = "client";

    /** Every role the service knows; other entries of {@code groups} grant nothing here. */
    public static final Set<String> ALL = Set.of(CLINICIAN, INTEGRATION, ADMIN, CLIENT);

    private Roles() {
    }
}
