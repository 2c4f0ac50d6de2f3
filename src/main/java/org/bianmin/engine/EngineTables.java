package org.bianmin.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Whether the engine has made its tables yet: a new database has none when Flyway runs, so the
 * Java migrations that repair engine rows of an existing database have nothing to do there.
 */
final class EngineTables {

    private EngineTables() {
    }

    /** All of {@code tables} exist (in the case the database stores names in). */
    static boolean exist(Connection connection, String... tables) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        for (String table : tables) {
            if (!exists(metadata, table)) {
                return false;
            }
        }
        return true;
    }

    private static boolean exists(DatabaseMetaData metadata, String table) throws SQLException {
        for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
            try (ResultSet found = metadata.getTables(null, null, name, new String[] {"TABLE"})) {
                if (found.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
