package org.bianmin.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes for the case search on PostgreSQL (GET /api/cases; {@link CaseRepository#search}): trigram
 * indexes (extension {@code pg_trgm}, trusted: the database's owner may create it) serve "contains"
 * on the case number and the applicant's name and "ends with" on the ID number and the phone for
 * three characters and more; pattern indexes serve the prefix match of one or two characters (a
 * surname, a given name). Without them every search reads the whole table, which holds every case
 * ever registered. H2, the demo's database, gets the pattern indexes only.
 */
@Component
public class V18__CaseSearchIndexes extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V18__CaseSearchIndexes.class);

    static final List<String> PATTERN = List.of(
            "create index case_record_number_prefix on case_record (upper(case_number) varchar_pattern_ops)",
            "create index case_record_name_prefix on case_record (upper(applicant_name) varchar_pattern_ops)");
    static final List<String> TRIGRAM = List.of(
            "create extension if not exists pg_trgm",
            "create index case_record_number_trgm on case_record using gin (upper(case_number) gin_trgm_ops)",
            "create index case_record_name_trgm on case_record using gin (upper(applicant_name) gin_trgm_ops)",
            "create index case_record_id_number_trgm on case_record using gin (applicant_id_number gin_trgm_ops)",
            "create index case_record_phone_trgm on case_record using gin (applicant_phone gin_trgm_ops)");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgres = org.bianmin.engine.DatabaseProduct.isPostgres(connection);
        try (Statement statement = connection.createStatement()) {
            if (postgres) {
                for (String sql : PATTERN) {
                    statement.execute(sql);
                }
                for (String sql : TRIGRAM) {
                    statement.execute(sql);
                }
                try (var ctype = statement.executeQuery("select datctype from pg_database where datname = current_database()")) {
                    if (ctype.next() && !ctype.getString(1).toUpperCase(java.util.Locale.ROOT).replace("-", "").contains("UTF8")) {
                        log.warn("The database's LC_CTYPE is {}: pg_trgm takes Chinese characters for letters only under a UTF-8 "
                                + "character type (e.g. zh_CN.UTF-8 or C.UTF-8), so a search by name reads the whole case table "
                                + "(docs/operations.md, \"Case search at scale\")", ctype.getString(1));
                    }
                }
            } else {
                statement.execute("create index case_record_number_prefix on case_record (case_number)");
                statement.execute("create index case_record_name_prefix on case_record (applicant_name)");
            }
        }
        log.info("Case search indexes created");
    }
}
