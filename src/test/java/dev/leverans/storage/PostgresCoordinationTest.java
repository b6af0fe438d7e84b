package dev.leverans.storage;

import dev.leverans.config.DatabaseSettings;
import dev.leverans.support.EmbeddedPg;

/** Each "instance" of a test is its own pool on one PostgreSQL database, as two servers have. */
class PostgresCoordinationTest extends CoordinationContract {
    private DatabaseSettings database;

    @Override
    protected Database instance() {
        if (database == null) database = EmbeddedPg.newDatabase();
        return PostgresDatabase.open(database);
    }
}
