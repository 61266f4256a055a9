package com.homeworkapi.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.homeworkapi.support.ClinicDatabase;
import com.homeworkapi.support.SeededClient;
import com.homeworkapi.support.TestClinic;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database keeps clinics apart by itself: through the service's own role, pool and
 * transaction setup, a query that names no clinic still sees only the clinic of its transaction,
 * and a transaction that names none sees nothing.
 */
@QuarkusTest
class RowLevelSecurityTest {

    /** SQLSTATE of a refused privilege and of a row-level security violation alike. */
    private static final String REFUSED = "42501";

    private static SeededClient clinicA;
    private static SeededClient clinicB;

    @Inject
    ClinicScope clinicScope;

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    /** Two clinics with one of everything, made once: the tests only read them, or roll back. */
    @BeforeEach
    void seedTwoClinicsOnce() {
        if (clinicA == null) {
            clinicA = SeededClient.in(new TestClinic());
            clinicB = SeededClient.in(new TestClinic());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldShowAQueryThatForgetsItsClinicOnlyTheRowsOfTheTransactionsClinic() {
        List<Object> clinicsSeen = clinicScope.call(clinicA.clinic.id, () -> QuarkusTransaction.requiringNew()
                .call(() -> {
                    List<Object> seen = new ArrayList<>();
                    // No clinic_id filter anywhere: through Hibernate...
                    for (String table : List.of("client", "goal", "assignment", "attempt", "measurement", "review",
                            "review_item", "change_log", "client_time_zone", "idempotency_key", "client_score")) {
                        seen.addAll(entityManager.createNativeQuery("select distinct clinic_id from " + table)
                                .getResultList());
                    }
                    // ...and through plain JDBC on the transaction's connection, as reports read.
                    try (Connection connection = dataSource.getConnection();
                            Statement statement = connection.createStatement();
                            ResultSet rows = statement.executeQuery("select distinct clinic_id from client")) {
                        while (rows.next()) {
                            seen.add(rows.getObject(1, UUID.class));
                        }
                    }
                    return seen;
                }));

        assertFalse(clinicsSeen.isEmpty());
        assertEquals(Set.of(clinicA.clinic.id), Set.copyOf(clinicsSeen));
    }

    @Test
    void shouldShowAConnectionThatNamesNoClinicNoRows() throws SQLException {
        // Outside any transaction of the service: no setting at all.
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(0, count(connection, "select count(*) from client where clinic_id = ?", clinicA.clinic.id));
            assertEquals(0, count(connection, "select count(*) from attempt", null));
        }
        // A transaction of the service that no caller or background work named a clinic for.
        long seen = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from client").getSingleResult()).longValue());
        assertEquals(0, seen);
    }

    @Test
    void shouldForgetTheClinicWhenItsTransactionEnds() throws SQLException {
        try (Connection connection = ClinicDatabase.connection(clinicA.clinic.id)) {
            assertEquals(1, count(connection, "select count(*) from client", null));
            connection.commit();
            // The same connection, next transaction: the setting reads '' now, and matches nothing.
            assertEquals(0, count(connection, "select count(*) from client", null));
            connection.rollback();
        }
    }

    @Test
    void shouldRefuseToWriteOrChangeAnotherClinicsRows() throws SQLException {
        try (Connection connection = ClinicDatabase.connection(clinicA.clinic.id)) {
            assertEquals(0, update(connection, "update client set status = 'ARCHIVED' where id = ?", clinicB.clientId));
            assertEquals(0, update(connection, "delete from client_week_score where clinic_id = ?", clinicB.clinic.id));
            assertRefused(() -> update(connection, """
                    insert into client (id, clinic_id, time_zone, status, version, created_at, updated_at)
                    values (gen_random_uuid(), ?, 'UTC', 'ACTIVE', 0, now(), now())
                    """, clinicB.clinic.id));
            connection.rollback();
        }
        try (Connection connection = ClinicDatabase.connection(clinicA.clinic.id)) {
            // Moving one's own row into another clinic is writing there too.
            assertRefused(() -> update(connection, "update client set clinic_id = ? where id = ?", clinicB.clinic.id,
                    clinicA.clientId));
            connection.rollback();
        }
        try (Connection connection = dataSource.getConnection()) {
            assertRefused(() -> update(connection, """
                    insert into measurement (id, clinic_id, client_id, instrument, score, measured_on, recorded_at)
                    values (gen_random_uuid(), ?, ?, 'phq9', 3, current_date, now())
                    """, clinicA.clinic.id, clinicA.clientId));
        }
        assertEquals(clinicA.clientId.toString(), clinicA.clinic.clinician().get("/v1/clients/{id}", clinicA.clientId)
                .then().statusCode(200).extract().path("id"));
    }

    @Test
    void shouldNotLetTheServicesRoleChangeRecordsItNeverChangesNorLiftTheRules() throws SQLException {
        try (Connection connection = ClinicDatabase.connection(clinicA.clinic.id)) {
            // Attempts, measurements and reviews are never edited or deleted by the service.
            for (String statement : List.of("update attempt set note = null", "delete from attempt",
                    "update measurement set score = 0", "delete from measurement", "delete from review",
                    "delete from client", "delete from change_log", "truncate client_week_score")) {
                try (Statement refusedStatement = connection.createStatement()) {
                    SQLException refused = assertThrows(SQLException.class,
                            () -> refusedStatement.execute(statement), statement);
                    assertEquals(REFUSED, refused.getSQLState(), statement);
                    connection.rollback();
                    ClinicDatabase.name(connection, clinicA.clinic.id);
                }
            }
            connection.rollback();
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String lift : List.of("alter table client disable row level security",
                    "alter table attempt no force row level security", "drop policy clinic_isolation on client",
                    "set row_security = off; select count(*) from client")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(lift), lift);
                assertEquals(REFUSED, refused.getSQLState(), lift);
                statement.execute("reset row_security");
            }
            try (ResultSet role = statement.executeQuery("""
                    select r.rolsuper, r.rolbypassrls,
                           (select count(*) from pg_class c where c.relowner = r.oid
                                and c.relnamespace = cast(current_schema() as regnamespace))
                    from pg_roles r where r.rolname = current_user
                    """)) {
                role.next();
                assertFalse(role.getBoolean(1), "superuser");
                assertFalse(role.getBoolean(2), "bypasses row-level security");
                assertEquals(0, role.getLong(3), "tables owned");
            }
        }
    }

    @Test
    void shouldTellARoleThatEscapesRowLevelSecurityFromTheServicesOwn() throws SQLException {
        try (Connection service = dataSource.getConnection()) {
            assertEquals(Optional.empty(), DatabaseRoleCheck.fault(service));
        }
        Config config = ConfigProvider.getConfig();
        Properties owner = new Properties();
        owner.setProperty("user", config.getValue("quarkus.flyway.username", String.class));
        owner.setProperty("password", config.getValue("quarkus.flyway.password", String.class));
        owner.setProperty("currentSchema", config.getValue("homework.db.schema", String.class));
        try (Connection migrations = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class), owner)) {
            assertEquals(Optional.of("is a superuser"), DatabaseRoleCheck.fault(migrations));
        }
    }

    @FunctionalInterface
    private interface Write {
        int run() throws SQLException;
    }

    private static void assertRefused(Write write) {
        SQLException refused = assertThrows(SQLException.class, write::run);
        assertEquals(REFUSED, refused.getSQLState(), refused.getMessage());
    }

    private static long count(Connection connection, String sql, UUID parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setObject(1, parameter);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
