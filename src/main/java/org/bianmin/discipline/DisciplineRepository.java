package org.bianmin.discipline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code discipline_event}. */
@Repository
public class DisciplineRepository {

    private final NamedParameterJdbcTemplate jdbc;

    public DisciplineRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public DisciplineEvent insert(String staff, String window, DisciplineType type, Instant occurredAt, String note,
                                  String recordedBy, Instant recordedAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into discipline_event (staff, window_group, event_type, occurred_at, note, recorded_by, recorded_at)
                values (:staff, :window, :type, :at, :note, :by, :recordedAt)""",
                new MapSqlParameterSource("staff", staff).addValue("window", window).addValue("type", type.name())
                        .addValue("at", Timestamp.from(occurredAt)).addValue("note", note).addValue("by", recordedBy)
                        .addValue("recordedAt", Timestamp.from(recordedAt)), keys, new String[] {"id"});
        return new DisciplineEvent(keys.getKey().longValue(), staff, window, type, occurredAt, note, recordedBy, recordedAt);
    }

    public List<DisciplineEvent> between(Instant from, Instant to) {
        return jdbc.query("select * from discipline_event where occurred_at >= :from and occurred_at < :to order by occurred_at, id",
                new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)), MAPPER);
    }

    private static final RowMapper<DisciplineEvent> MAPPER = (rs, i) -> new DisciplineEvent(rs.getLong("id"),
            rs.getString("staff"), rs.getString("window_group"), DisciplineType.valueOf(rs.getString("event_type")),
            rs.getTimestamp("occurred_at").toInstant(), rs.getString("note"), rs.getString("recorded_by"),
            rs.getTimestamp("recorded_at").toInstant());
}
