package com.homeworkapi.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a clinic's rows straight from PostgreSQL, to show what a request stored or left alone; as
 * the service's role, in a transaction scoped to the clinic.
 */
public final class ClinicRows {

    /**
     * Derived from the other tables and rewritten by the background refresh at any moment, and the
     * registries of clinic ids (V10's, and V17's of clinics with webhooks), which hold no data of a clinic's.
     */
    private static final Set<String> DERIVED_TABLES = Set.of("client_score", "client_week_score", "clinic",
            "webhook_clinic");

    /** Written by every request, refused ones included, so they are no sign that a refusal changed anything. */
    private static final Set<String> AUDIT_TABLES = Set.of("audit_event", "audit_seal");

    private static volatile String snapshotQuery;

    private ClinicRows() {
    }

    /** Each table that holds clinic data, with the clinic's rows as text, in a stable order. */
    public static Map<String, List<String>> of(UUID clinicId) {
        try (Connection connection = ClinicDatabase.connection(clinicId);
                PreparedStatement statement = connection.prepareStatement(snapshotQuery(connection))) {
            statement.setObject(1, clinicId);
            Map<String, List<String>> rows = new LinkedHashMap<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.computeIfAbsent(result.getString(1), table -> new ArrayList<>()).add(result.getString(2));
                }
            }
            connection.rollback();
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One statement over every table with a clinic_id column, found in the catalog so a new table is never missed. */
    private static String snapshotQuery(Connection connection) throws SQLException {
        if (snapshotQuery == null) {
            List<String> selects = new ArrayList<>();
            try (PreparedStatement tables = connection.prepareStatement(
                    "select table_name from information_schema.columns"
                            + " where table_schema = current_schema() and column_name = 'clinic_id' order by table_name");
                    ResultSet result = tables.executeQuery()) {
                while (result.next()) {
                    String table = result.getString(1);
                    if (!DERIVED_TABLES.contains(table) && !AUDIT_TABLES.contains(table)) {
                        selects.add("select '" + table + "' as table_name, t::text as row from " + table
                                + " t where clinic_id = ?1");
                    }
                }
            }
            snapshotQuery = "with wanted as (select ?::uuid as id) "
                    + String.join(" union all ", selects).replace("?1", "(select id from wanted)")
                    + " order by 1, 2";
        }
        return snapshotQuery;
    }
}
