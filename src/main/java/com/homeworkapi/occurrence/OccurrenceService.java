package com.homeworkapi.occurrence;

import com.homeworkapi.client.Client;
import com.homeworkapi.client.ClientService;
import com.homeworkapi.common.Instants;
import com.homeworkapi.score.ScoreInputs;
import com.homeworkapi.scoring.AssignmentRecord;
import com.homeworkapi.scoring.AttemptRecord;
import com.homeworkapi.scoring.IsoWeek;
import com.homeworkapi.scoring.Occurrences;
import com.homeworkapi.scoring.WeeklyCredit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** A client's expected occurrences and whether each was done, worked out by scoring in the client's current zone. */
@ApplicationScoped
@Transactional
public class OccurrenceService {

    @Inject
    ClientService clients;

    @Inject
    ScoreInputs inputs;

    @Inject
    Clock clock;

    public OccurrenceResponse listOccurrences(UUID clientId, String from, String to) {
        Client client = clients.findVisible(clientId);
        ZoneId zone = ZoneId.of(client.timeZone);
        Instant now = Instants.now(clock);
        DayRange range = DayRange.parse(from, to, WeeklyCredit.localDate(now, zone));
        List<AssignmentRecord> history = inputs.assignmentsOf(client.clinicId, client.id);
        // Whole ISO weeks: weekly targets and once occurrences take the credit of their whole week.
        Instant windowStart = IsoWeek.containing(range.from()).monday().atStartOfDay(zone).toInstant();
        Instant windowEnd = IsoWeek.containing(range.to()).sunday().plusDays(1).atStartOfDay(zone).toInstant();
        List<AttemptRecord> inWindow = inputs.attemptsBetween(client.clinicId, client.id, windowStart, windowEnd);
        Occurrences.Calendar calendar = Occurrences.between(history, inWindow, zone, range.from(), range.to());
        return OccurrenceResponse.from(client.id, zone, now, range, calendar);
    }
}
