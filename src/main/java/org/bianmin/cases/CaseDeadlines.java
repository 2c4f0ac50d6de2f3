package org.bianmin.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.bianmin.calendar.CalendarService;
import org.bianmin.calendar.OpenDeadlines;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The deadlines of the cases still open (in progress or waiting for a supplement), for the calendar's horizon. */
@Component
class CaseDeadlines implements OpenDeadlines {

    private static final String OPEN = "state in ('IN_PROGRESS', 'WAITING_SUPPLEMENT') and deadline is not null";

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;

    CaseDeadlines(NamedParameterJdbcTemplate jdbc, CalendarService calendars) {
        this.jdbc = jdbc;
        this.zone = calendars.calendar().zone();
    }

    @Override
    public Optional<Instant> latest() {
        Timestamp latest = jdbc.queryForObject("select max(deadline) from case_record where " + OPEN, Map.of(), Timestamp.class);
        return Optional.ofNullable(latest).map(Timestamp::toInstant);
    }

    @Override
    public long inYear(int year) {
        Instant from = java.time.LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant to = java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        Long count = jdbc.queryForObject("select count(*) from case_record where " + OPEN + " and deadline >= :from and deadline < :to",
                Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)), Long.class);
        return count == null ? 0 : count;
    }
}
