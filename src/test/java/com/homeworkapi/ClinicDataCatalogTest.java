package com.homeworkapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the catalog must say of every table that holds clinic data (has a clinic_id column), so
 * that a table added later cannot slip past: the database keeps its clinics apart, and the schema
 * can be distributed by clinic (Citus co-locates a clinic's rows and enforces only keys and
 * references that include the distribution column).
 */
@QuarkusTest
class ClinicDataCatalogTest {

    /** The tables with a clinic_id column, in the service's schema. */
    private static final String CLINIC_TABLES = """
            select c.oid from pg_class c
            where c.relnamespace = cast(current_schema() as regnamespace) and c.relkind in ('r', 'p')
              and exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'clinic_id'
                          and not a.attisdropped)
            """;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldFindTheTablesThatHoldClinicData() throws SQLException {
        List<String> tables = rows("select cast(oid as regclass) from (" + CLINIC_TABLES + ") t order by 1");
        assertTrue(tables.containsAll(List.of("client", "attempt", "idempotency_key", "change_log", "clinic")), tables
                .toString());
    }

    @Test
    void shouldIncludeClinicIdInEveryPrimaryKeyUniqueConstraintAndUniqueIndex() throws SQLException {
        List<String> withoutClinic = rows("""
                select cast(i.indexrelid as regclass) || ' on ' || cast(i.indrelid as regclass)
                from pg_index i
                where i.indisunique and i.indrelid in (%s)
                  and not exists (select from pg_attribute a where a.attrelid = i.indrelid and a.attname = 'clinic_id'
                                  and a.attnum = any (i.indkey))
                order by 1
                """.formatted(CLINIC_TABLES));
        assertEquals(List.of(), withoutClinic);
    }

    @Test
    void shouldIncludeClinicIdOnBothSidesOfEveryForeignKey() throws SQLException {
        List<String> withoutClinic = rows("""
                select k.conname || ' on ' || cast(k.conrelid as regclass)
                from pg_constraint k
                where k.contype = 'f' and (k.conrelid in (%1$s) or k.confrelid in (%1$s))
                  and not exists (select from unnest(k.conkey, k.confkey) as pair(referencing, referenced)
                                  join pg_attribute r on r.attrelid = k.conrelid and r.attnum = pair.referencing
                                  join pg_attribute d on d.attrelid = k.confrelid and d.attnum = pair.referenced
                                  where r.attname = 'clinic_id' and d.attname = 'clinic_id')
                order by 1
                """.formatted(CLINIC_TABLES));
        assertEquals(List.of(), withoutClinic);
    }

    @Test
    void shouldHoldEveryTableWithClinicDataToRowLevelSecurityEvenForItsOwner() throws SQLException {
        List<String> unguarded = rows("""
                select cast(c.oid as regclass) from pg_class c
                where c.oid in (%s)
                  and (not c.relrowsecurity or not c.relforcerowsecurity
                       or not exists (select from pg_policy p where p.polrelid = c.oid))
                order by 1
                """.formatted(CLINIC_TABLES));
        assertEquals(List.of(), unguarded);
    }

    /** Every policy but the registries' lists of clinic ids compares clinic_id with the transaction's clinic. */
    @Test
    void shouldScopeEveryPolicyToTheTransactionsClinic() throws SQLException {
        List<String> unscoped = rows("""
                select p.polname || ' on ' || cast(p.polrelid as regclass) from pg_policy p
                where p.polrelid in (%s)
                  and not (coalesce(pg_get_expr(p.polqual, p.polrelid), '') like '%%clinic_id = %%current_setting(''app.clinic_id''%%'
                           or coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') like '%%clinic_id = %%current_setting(''app.clinic_id''%%')
                order by 1
                """.formatted(CLINIC_TABLES));
        assertEquals(List.of("clinic_listed on clinic", "webhook_clinic_listed on webhook_clinic"), unscoped);
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
