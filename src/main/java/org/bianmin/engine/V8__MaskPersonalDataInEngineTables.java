package org.bianmin.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.bianmin.privacy.PersonalData;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Masks the ID numbers and phones that earlier releases left in the engine's variables, their
 * history, submitted form fields and the operation log of an existing database (the Tasklist
 * intake kept them as plain process variables). A new database has no engine tables yet when
 * Flyway runs: then there is nothing to mask. Named as Flyway expects of a Java migration.
 */
@Component
public class V8__MaskPersonalDataInEngineTables extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V8__MaskPersonalDataInEngineTables.class);

    private record Column(String table, String column) {
    }

    private static final List<Column> TEXT_COLUMNS = List.of(
            new Column("ACT_RU_VARIABLE", "TEXT_"), new Column("ACT_RU_VARIABLE", "TEXT2_"),
            new Column("ACT_HI_VARINST", "TEXT_"), new Column("ACT_HI_VARINST", "TEXT2_"),
            new Column("ACT_HI_DETAIL", "TEXT_"), new Column("ACT_HI_DETAIL", "TEXT2_"),
            new Column("ACT_HI_OP_LOG", "ORG_VALUE_"), new Column("ACT_HI_OP_LOG", "NEW_VALUE_"));

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (Column column : TEXT_COLUMNS) {
            if (EngineTables.exist(connection, column.table())) {
                int masked = mask(connection, column);
                if (masked > 0) {
                    log.info("Masked personal data in {} rows of {}.{}", masked, column.table(), column.column());
                }
            }
        }
    }

    private static int mask(Connection connection, Column column) throws SQLException {
        int masked = 0;
        String select = "select ID_, " + column.column() + " from " + column.table()
                + " where " + column.column() + " is not null";
        String update = "update " + column.table() + " set " + column.column() + " = ? where ID_ = ?";
        try (Statement query = connection.createStatement(); PreparedStatement change = connection.prepareStatement(update)) {
            query.setFetchSize(500);
            try (ResultSet rows = query.executeQuery(select)) {
                while (rows.next()) {
                    String text = rows.getString(2);
                    String safe = PersonalData.maskAll(text);
                    if (!safe.equals(text)) {
                        change.setString(1, safe);
                        change.setString(2, rows.getString(1));
                        change.addBatch();
                        masked++;
                    }
                }
            }
            if (masked > 0) {
                change.executeBatch();
            }
        }
        return masked;
    }
}
