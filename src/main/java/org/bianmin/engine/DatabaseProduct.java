package org.bianmin.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Which of the two databases Bianmin runs on (PostgreSQL in production, H2 for the demo) a connection reaches. */
public final class DatabaseProduct {

    private DatabaseProduct() {
    }

    public static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
}
