package dev.leverans.storage;

import dev.leverans.config.DatabaseSettings;
import dev.leverans.support.EmbeddedPg;

class PostgresShipmentStoreTest extends ShipmentStoreContract {
    private DatabaseSettings database; // one per test: JUnit makes an instance per test method

    @Override
    protected Database openDatabase() {
        if (database == null) database = EmbeddedPg.newDatabase();
        return PostgresDatabase.open(database);
    }
}
