package org.bianmin.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which of the two databases Bianmin runs on (PostgreSQL in production, H2 for the demo) a connection reaches. */
public final class DatabaseProduct {

    private DatabaseProduct() {
    }

    /** Whether the database {@code jdbc} reaches is PostgreSQL (one connection borrowed to ask). */
    public static boolean isPostgres(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) DatabaseProduct::isPostgres));
    }

    public static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
}
