package com.homeworkapi.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The audit trail as PostgreSQL holds it, read and changed behind the service's back: as the
 * schema's owner (the superuser in tests), which is how a tamperer would come at it.
 */
public final class AuditRows {

    private AuditRows() {
    }

    /** The events of one request, each a map of column to text, in the order they were written. */
    public static List<Map<String, String>> ofRequest(String requestId) {
        return query("select * from audit_event where request_id = ? order by seq", requestId);
    }

    /** The one event a request left; fails the test when it left none or several. */
    public static Map<String, String> onlyEventOf(String requestId) {
        List<Map<String, String>> events = ofRequest(requestId);
        if (events.size() != 1) {
            throw new AssertionError("expected one event per request, got " + events.size() + ": " + events);
        }
        return events.get(0);
    }

    public static List<Map<String, String>> query(String sql, Object... parameters) {
        try (Connection connection = ownerConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            List<Map<String, String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData columns = result.getMetaData();
                while (result.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int column = 1; column <= columns.getColumnCount(); column++) {
                        row.put(columns.getColumnName(column), result.getString(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs statements in one transaction as the owner; an SQLException is handed back, not thrown. */
    public static SQLException execute(String... statements) {
        try (Connection connection = ownerConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                for (String sql : statements) {
                    statement.execute(sql);
                }
                connection.commit();
                return null;
            } catch (SQLException refused) {
                connection.rollback();
                return refused;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A connection as the schema's owner (the role migrations run as), not the service's: only
     * the owner may switch the append-only trigger off, as a tamperer with its password could.
     */
    private static Connection ownerConnection() throws SQLException {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String owner = config.getOptionalValue("quarkus.flyway.username", String.class)
                .orElse(config.getValue("quarkus.datasource.username", String.class));
        Properties properties = new Properties();
        properties.setProperty("user", owner);
        properties.setProperty("currentSchema", config.getValue("homework.db.schema", String.class));
        return DriverManager.getConnection(url, properties);
    }
}
