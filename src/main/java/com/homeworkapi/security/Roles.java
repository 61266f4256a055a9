package com.homeworkapi.security;

import java.util.Set;

/** The roles a token may carry in its {@code groups} claim. */
public final class Roles {

    public static final String CLINICIAN = "clinician";
    public static final String INTEGRATION = "integration";
    public static final String ADMIN = "admin";
    public static final String CLIENT = "client";

    /** The clinic's people and systems: each sees the whole clinic. */
    public static final Set<String> STAFF = Set.of(CLINICIAN, INTEGRATION, ADMIN);

    /** Every role the service knows; other entries of {@code groups} grant nothing here. */
    public static final Set<String> ALL = Set.of(CLINICIAN, INTEGRATION, ADMIN, CLIENT);

    /**
     * A client's token sees one client, a staff token the whole clinic; one token cannot be
     * both, and which scope such a token should get is not the service's to guess.
     */
    static boolean mixesClientAndStaff(Set<String> groups) {
        return groups.contains(CLIENT) && groups.stream().anyMatch(STAFF::contains);
    }

    private Roles() {
    }
}
