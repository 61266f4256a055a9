package com.homeworkapi.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.homeworkapi.support.ClinicDatabase;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A save writes only the weekly rows that changed (issue 13): what is kept afterwards must still be
 * exactly the weeks of the latest score, with weeks no longer scored gone, for every client saved.
 */
@QuarkusTest
class ScoreStoreWeeksTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 10, 5);

    @Inject
    ScoreStore store;

    private final TestClinic clinic = new TestClinic();

    @Test
    void shouldKeepExactlyTheLatestWeeksAndRewriteOnlyThoseThatChanged() throws SQLException {
        UUID first = clinic.createClient();
        UUID second = clinic.createClient();
        ScoreStore.WeekRow met = week(0, false, 3.0, 1.0, "met");
        ScoreStore.WeekRow low = week(1, false, 1.0, 1.0 / 3, "low");
        ScoreStore.WeekRow begun = week(2, true, 0.0, null, "in_progress");
        ScoreStore.WeekRow otherClients = week(1, false, 2.0, 2.0 / 3, "partial");
        save(1, List.of(scored(first, 1, List.of(met, low, begun)), scored(second, 1, List.of(otherClients))));
        assertEquals(List.of(met, low, begun), keptWeeks(first));
        assertEquals(List.of(otherClients), keptWeeks(second));
        String unchangedRowBefore = rowVersion(first, begun.weekStart());
        String changedRowBefore = rowVersion(first, low.weekStart());

        // The first week is no longer scored, the second changed, the third did not, a fourth is new.
        ScoreStore.WeekRow lowRevised = week(1, false, 2.0, 2.0 / 3, "partial");
        ScoreStore.WeekRow next = week(3, true, 1.0, null, "in_progress");
        save(2, List.of(scored(first, 2, List.of(lowRevised, begun, next)), scored(second, 2, List.of())));

        assertEquals(List.of(lowRevised, begun, next), keptWeeks(first));
        assertEquals(List.of(), keptWeeks(second), "a client saved with no weeks keeps none");
        assertEquals(unchangedRowBefore, rowVersion(first, begun.weekStart()), "an unchanged week was not rewritten");
        assertNotEquals(changedRowBefore, rowVersion(first, low.weekStart()), "a changed week was rewritten");
    }

    @Test
    void shouldLeaveTheWeeksOfANewerScoreAsTheyAre() throws SQLException {
        UUID client = clinic.createClient();
        ScoreStore.WeekRow newer = week(0, false, 3.0, 1.0, "met");
        save(5, List.of(scored(client, 5, List.of(newer))));

        // A slower refresh that read the client's data before its latest change saves late.
        save(4, List.of(scored(client, 4, List.of(week(0, false, 0.0, 0.0, "missed"), week(1, true, 0.0, null,
                "in_progress")))));

        assertEquals(List.of(newer), keptWeeks(client));
    }

    private static ScoreStore.WeekRow week(int index, boolean inProgress, double credit, Double compliance,
            String band) {
        return new ScoreStore.WeekRow(MONDAY.plusWeeks(index), inProgress, 3, credit, 0.0, compliance, band,
                "low".equals(band));
    }

    private static ScoreStore.Scored scored(UUID clientId, long version, List<ScoreStore.WeekRow> weeks) {
        return new ScoreStore.Scored(clientId, version, Instant.now(), MONDAY.plusWeeks(3), "on_track", "in-progress",
                true, 0, null, null, null, null, "{}", weeks);
    }

    private void save(long dataVersion, List<ScoreStore.Scored> scores) throws SQLException {
        // The kept versions as writes leave them, so the save's version check sees what a refresh sees.
        try (Connection connection = ClinicDatabase.connection(clinic.id);
                PreparedStatement mark = connection.prepareStatement("""
                        insert into client_score (clinic_id, client_id, data_version, scored_version)
                        values (?, ?, ?, 0)
                        on conflict (clinic_id, client_id) do update set data_version = greatest(
                            client_score.data_version, excluded.data_version)
                        """)) {
            for (ScoreStore.Scored score : scores) {
                mark.setObject(1, clinic.id);
                mark.setObject(2, score.clientId());
                mark.setLong(3, dataVersion);
                mark.executeUpdate();
            }
            connection.commit();
        }
        ClinicDatabase.run(clinic.id, () -> store.save(clinic.id, scores));
    }

    private List<ScoreStore.WeekRow> keptWeeks(UUID clientId) throws SQLException {
        try (Connection connection = ClinicDatabase.connection(clinic.id);
                PreparedStatement read = connection.prepareStatement("""
                        select week_start, in_progress, expected, counted_credit, extra_practice, compliance, band, setback
                        from client_week_score where clinic_id = ? and client_id = ? order by week_start
                        """)) {
            read.setObject(1, clinic.id);
            read.setObject(2, clientId);
            List<ScoreStore.WeekRow> weeks = new ArrayList<>();
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    double compliance = rows.getDouble(6);
                    Double nullableCompliance = rows.wasNull() ? null : compliance;
                    weeks.add(new ScoreStore.WeekRow(rows.getObject(1, LocalDate.class), rows.getBoolean(2),
                            rows.getInt(3), rows.getDouble(4), rows.getDouble(5), nullableCompliance,
                            rows.getString(7), rows.getBoolean(8)));
                }
            }
            connection.rollback();
            return weeks;
        }
    }

    /** Where the row's current version lies: a rewrite moves it, leaving a row alone does not. */
    private String rowVersion(UUID clientId, LocalDate weekStart) throws SQLException {
        try (Connection connection = ClinicDatabase.connection(clinic.id);
                PreparedStatement read = connection.prepareStatement("""
                        select ctid::text || '/' || xmin::text from client_week_score
                        where clinic_id = ? and client_id = ? and week_start = ?
                        """)) {
            read.setObject(1, clinic.id);
            read.setObject(2, clientId);
            read.setObject(3, weekStart);
            try (ResultSet rows = read.executeQuery()) {
                rows.next();
                String version = rows.getString(1);
                connection.rollback();
                return version;
            }
        }
    }
}
