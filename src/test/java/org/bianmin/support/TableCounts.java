package org.bianmin.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The row counts of Bianmin's own tables (not the engine's, whose job executor may be working
 * meanwhile): a refused request must leave every one of them as it was.
 */
public final class TableCounts {

    private final JdbcTemplate jdbc;
    private final List<String> tables;

    public TableCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tables = jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'
                  and lower(table_name) not like 'act\\_%' and lower(table_name) <> 'bianmin_schema_history'
                order by table_name""", String.class);
        if (tables.size() < 20) {
            throw new IllegalStateException("expected Bianmin's tables, found " + tables);
        }
    }

    public Map<String, Long> now() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }
}
