package com.homeworkapi.audit;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.Dates;
import com.homeworkapi.common.Page;
import com.homeworkapi.common.PageCursor;
import com.homeworkapi.common.PageRequest;
import com.homeworkapi.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The clinic's audit trail, for its admins: the events, and whether the chain still holds. */
@ApplicationScoped
public class AuditEventService {

    static final int MAX_TEXT_FILTER = 255;

    @Inject
    Caller caller;

    @Inject
    AuditEventRepository events;

    @Inject
    AuditSealer sealer;

    @Inject
    AuditVerifier verifier;

    @Inject
    Clock clock;

    public Page<AuditEventResponse> list(String clientId, String actor, String operation, String from, String to,
            PageRequest page) throws SQLException {
        Instant fromInstant = Dates.parseInstant("from", from);
        Instant toInstant = Dates.parseInstant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw ApiProblem.invalid("to", "must be after from");
        }
        AuditEventFilter filter = new AuditEventFilter(parseUuid("clientId", clientId), text("actor", actor),
                text("operation", operation), fromInstant, toInstant);
        Long beforeSeq = page.after() == null ? null : (Long) page.after().position(Long::valueOf);
        List<AuditEventRepository.Listed> rows = events.list(caller.clinicId(), filter, beforeSeq, page.limit() + 1);
        return Page.of(rows, page, AuditEventRepository.Listed::seq, listed -> listed.event().id(),
                AuditEventRepository.Listed::event);
    }

    /** Seals what has committed since the last seal, then checks the whole chain. */
    public VerificationResponse verify() throws SQLException {
        UUID clinicId = caller.clinicId();
        sealer.seal(clinicId);
        return verifier.verify(clinicId, clock.instant());
    }

    private static String text(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_TEXT_FILTER) {
            throw ApiProblem.invalid(field, "must be at most " + MAX_TEXT_FILTER + " characters");
        }
        return value;
    }

    private static UUID parseUuid(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            throw ApiProblem.invalid(field, "must be a UUID");
        }
    }
}
