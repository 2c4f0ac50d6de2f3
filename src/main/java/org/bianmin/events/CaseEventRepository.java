package org.bianmin.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code case_event}: what happened to a case, when, and who was responsible. */
@Repository
public class CaseEventRepository {

    public record CaseEvent(long id, CaseEventType type, String caseNumber, String staff, String window,
                            Instant occurredAt, String details) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public CaseEventRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(CaseEventType type, String caseNumber, String staff, String window, Instant at, String details) {
        jdbc.update("""
                insert into case_event (event_type, case_number, staff, window_group, occurred_at, details)
                values (:type, :caseNumber, :staff, :window, :at, :details)""",
                new MapSqlParameterSource().addValue("type", type.name()).addValue("caseNumber", caseNumber)
                        .addValue("staff", staff).addValue("window", window).addValue("at", Timestamp.from(at))
                        .addValue("details", details));
    }

    public List<CaseEvent> forCase(String caseNumber) {
        return jdbc.query("select * from case_event where case_number = :n order by occurred_at, id",
                new MapSqlParameterSource("n", caseNumber), (rs, i) -> new CaseEvent(rs.getLong("id"),
                        CaseEventType.valueOf(rs.getString("event_type")), rs.getString("case_number"),
                        rs.getString("staff"), rs.getString("window_group"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("details")));
    }
}
