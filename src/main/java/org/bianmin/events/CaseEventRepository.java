package org.bianmin.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code case_event}: what happened to a case, when, and who was responsible. */
@Repository
public class CaseEventRepository {

    public record CaseEvent(long id, CaseEventType type, String caseNumber, String staff, String window,
                            Instant occurredAt, String details) {

        /** The details of a {@code CASE_OVERDUE} event: whether an extension was approved or a delay notice issued. */
        public static String overdueDetails(boolean extensionApproved, boolean delayNotice, boolean registeredLate) {
            return "extension=" + (extensionApproved ? "APPROVED" : "NONE") + ";delayNotice=" + delayNotice
                    + (registeredLate ? ";registeredLate=true" : "");
        }

        /** 登记时已超期: the case's limit, counted from receipt (a postal application), had run out when it was registered. */
        public boolean registeredLate() {
            return type == CaseEventType.CASE_OVERDUE && details != null && details.contains("registeredLate=true");
        }

        /** An overdue case with an approved extension or a delay notice is excused. */
        public boolean excusedOverdue() {
            return type == CaseEventType.CASE_OVERDUE && details != null
                    && (details.contains("extension=APPROVED") || details.contains("delayNotice=true"));
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher publisher;

    public CaseEventRepository(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    /**
     * Stores the event and announces it to listeners in the same transaction (the accountability
     * rules), so an event and what it triggers are kept or lost together.
     */
    public CaseEvent record(CaseEventType type, String caseNumber, String staff, String window, Instant at, String details) {
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into case_event (event_type, case_number, staff, window_group, occurred_at, details)
                values (:type, :caseNumber, :staff, :window, :at, :details)""",
                new MapSqlParameterSource().addValue("type", type.name()).addValue("caseNumber", caseNumber)
                        .addValue("staff", staff).addValue("window", window).addValue("at", Timestamp.from(at))
                        .addValue("details", details), keys, new String[] {"id"});
        CaseEvent event = new CaseEvent(keys.getKey().longValue(), type, caseNumber, staff, window, at, details);
        publisher.publishEvent(event);
        return event;
    }

    /** The person an event is held against: the named staff (first of several), else the case's registering clerk. */
    public String responsibleStaff(CaseEvent event) {
        if (event.staff() != null && !event.staff().isBlank()) {
            return event.staff().split(",")[0].strip();
        }
        if (event.caseNumber() == null) {
            return null;
        }
        List<String> clerks = jdbc.queryForList("select registered_by from case_record where case_number = :n",
                new MapSqlParameterSource("n", event.caseNumber()), String.class);
        return clerks.isEmpty() ? null : clerks.get(0);
    }

    public List<CaseEvent> between(Instant from, Instant to) {
        return jdbc.query("select * from case_event where occurred_at >= :from and occurred_at < :to order by occurred_at, id",
                new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)), MAPPER);
    }

    public java.util.Optional<CaseEvent> find(long id) {
        return jdbc.query("select * from case_event where id = :id", new MapSqlParameterSource("id", id), MAPPER).stream().findFirst();
    }

    public List<CaseEvent> forCase(String caseNumber) {
        return jdbc.query("select * from case_event where case_number = :n order by occurred_at, id",
                new MapSqlParameterSource("n", caseNumber), MAPPER);
    }

    private static final RowMapper<CaseEvent> MAPPER = (rs, i) -> new CaseEvent(rs.getLong("id"),
            CaseEventType.valueOf(rs.getString("event_type")), rs.getString("case_number"),
            rs.getString("staff"), rs.getString("window_group"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getString("details"));
}
