package com.homeworkapi.common;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Migrations that build an index concurrently (so writes go on while a large table is indexed)
 * wait for every open transaction to end. Flyway's default lock between instances is held by a
 * transaction of its own, open for the whole migration, so such a migration would wait for it
 * forever; a session-level lock serialises instances as well without an open transaction. Flyway
 * takes that lock by polling, a second apart, and gives up after 50 tries by default; here it
 * never gives up, so an instance that starts while another builds an index on a large table
 * waits for it, as it waited for the transactional lock.
 */
@Singleton
public class MigrationLocks implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        configuration.lockRetryCount(-1);
    }
}
