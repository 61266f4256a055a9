package com.homeworkapi.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Refuses to start as a database role that row-level security would not hold: a superuser, a
 * role with BYPASSRLS, or the owner of the service's tables (which may switch the policies off).
 * Migration V10 checks the role it grants to; this catches a DB_USER changed since.
 */
// Created at startup, so a wrong DB_USER stops the service rather than leaving tenancy to the code alone.
@Startup
@Singleton
class DatabaseRoleCheck {

    DatabaseRoleCheck(AgroalDataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<String> fault = fault(connection);
            if (fault.isPresent()) {
                throw new IllegalStateException("Set DB_USER to the service's own role (see the README, Database"
                        + " roles and tenancy): the role it names " + fault.get());
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("The service's database role could not be checked", failed);
        }
    }

    /** Why the connection's role escapes row-level security in the current schema, if it does. */
    static Optional<String> fault(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet role = statement.executeQuery("""
                select r.rolsuper, r.rolbypassrls,
                       exists (select from pg_class c where c.relowner = r.oid
                               and c.relnamespace = cast(current_schema() as regnamespace))
                from pg_roles r where r.rolname = current_user
                """)) {
            role.next();
            if (role.getBoolean(1)) {
                return Optional.of("is a superuser");
            }
            if (role.getBoolean(2)) {
                return Optional.of("may bypass row-level security");
            }
            if (role.getBoolean(3)) {
                return Optional.of("owns tables of the schema");
            }
            return Optional.empty();
        }
    }
}
