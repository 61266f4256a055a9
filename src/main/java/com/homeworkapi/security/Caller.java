package com.homeworkapi.security;

import com.homeworkapi.common.ApiProblem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the clinic (tenant) every query is scoped to and, for a client's own
 * token, the one client it may see. Read from the verified token of the request.
 */
@RequestScoped
public class Caller {

    static final String CLINIC_CLAIM = "clinic_id";
    static final String CLIENT_CLAIM = "client_id";
    static final String SCOPE_CLAIM = "scope";

    @Inject
    JsonWebToken token;

    // Read from the token once per request: a batch upload asks for each of its attempts.
    private UUID clinicId;
    private Optional<UUID> ownClientId;
    private Optional<SmartScopes> scopes;

    /**
     * The caller's clinic. A token without a usable {@code clinic_id}, or a client token without
     * a usable {@code client_id}, is no credential here: every service asks for the clinic
     * first, so such a token is refused before any data is looked up.
     */
    public UUID clinicId() {
        if (clinicId == null) {
            UUID claimed = uuidClaim(CLINIC_CLAIM)
                    .orElseThrow(() -> ApiProblem.unauthorized("The token carries no valid clinic_id claim."));
            ownClientId();
            clinicId = claimed;
        }
        return clinicId;
    }

    /**
     * The token's clinic when it names a usable one, without refusing the request: the database
     * scopes transactions by it (ClinicScope), while {@link #clinicId()} decides on the request.
     */
    public Optional<UUID> tokenClinicId() {
        return clinicId != null ? Optional.of(clinicId) : uuidClaim(CLINIC_CLAIM);
    }

    /** The only client a client token may see; empty for clinic staff and integrations. */
    public Optional<UUID> ownClientId() {
        if (ownClientId == null) {
            ownClientId = !isClient() ? Optional.empty() : Optional.of(uuidClaim(CLIENT_CLAIM)
                    .orElseThrow(() -> ApiProblem.unauthorized("A client token must carry a valid client_id claim.")));
        }
        return ownClientId;
    }

    /** Whether the caller may see this client's data; others get 404 as if it did not exist. */
    public boolean canSee(UUID clientId) {
        return ownClientId().map(clientId::equals).orElse(true);
    }

    public String subject() {
        return token.getSubject();
    }

    /** Whether the token carries this role (one of {@link Roles}). */
    public boolean hasRole(String role) {
        return token.getGroups().contains(role);
    }

    /**
     * Everything in the token, besides its clinic and subject, that decides what the caller may
     * do and see: its roles (sorted) and, for a client's token, its client; for example
     * {@code admin,clinician} or {@code client;client_id=3f6c1a52-...}. Two tokens that agree on
     * clinic, subject and this are allowed exactly the same, so one may be given what the other
     * was answered. Whatever else comes to narrow a token (SMART scopes) belongs in here too.
     */
    public String authority() {
        String roles = token.getGroups().stream().filter(Roles.ALL::contains).sorted()
                .collect(Collectors.joining(","));
        String authority = ownClientId().map(client -> roles + ";client_id=" + client).orElse(roles);
        return scopes().map(granted -> authority + ";scope=" + granted.canonical()).orElse(authority);
    }

    /** Refuses the request (403) when the token carries scopes and none grants this. */
    public void requireScope(ScopeTable.Need need) {
        scopes().ifPresent(granted -> {
            if (!need.open() && !granted.grant(need, ownClientId().isPresent())) {
                throw ApiProblem.insufficientScope();
            }
        });
    }

    /** The token's SMART scopes, which narrow its roles; empty for a token without a {@code scope} claim. */
    public Optional<SmartScopes> scopes() {
        if (scopes == null) {
            scopes = SmartScopes.of(token.getClaim(SCOPE_CLAIM));
        }
        return scopes;
    }

    private boolean isClient() {
        return token.getGroups().contains(Roles.CLIENT);
    }

    private Optional<UUID> uuidClaim(String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toString().replace("\"", "")));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
