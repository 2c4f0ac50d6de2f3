package org.bianmin.hallduties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.bianmin.calendar.CalendarService;
import org.bianmin.calendar.WorkingCalendar;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The hall-duty limits in force (rule table {@code rules/hall-duties/limits.csv}): how long a
 * complaint reply and the rectification of a bad rating may take.
 * BPMN timers call it by name, e.g. {@code ${hallDutyLimits.after('complaint.reply', registeredAt)}}.
 */
@Component("hallDutyLimits")
public class HallDutyLimits {

    public static final String COMPLAINT_REPLY = "complaint.reply";
    public static final String EVALUATION_RECTIFICATION = "evaluation.rectification";

    static final String FILE = "limits.csv";

    private final CalendarService calendars;
    private final AtomicReference<Installed> current = new AtomicReference<>();

    private record Installed(String version, Map<String, LimitTable.Limit> limits) {
    }

    public HallDutyLimits(CalendarService calendars) {
        this.calendars = calendars;
        install("bundled", LimitTable.parse(bundled()));
    }

    /** The moment a limit counted from {@code from} runs out (working days end at the close of office hours). */
    public Date after(String key, Date from) {
        return Date.from(after(key, from.toInstant()));
    }

    public Instant after(String key, Instant from) {
        LimitTable.Limit limit = limit(key);
        WorkingCalendar calendar = calendars.calendar();
        return switch (limit.unit()) {
            case WORKING_DAYS -> calendar.afterWorkingDays(from, limit.value());
            case WORKING_HOURS -> calendar.afterWorkingMinutes(from, limit.value() * 60L);
            case HOURS -> from.plus(Duration.ofHours(limit.value()));
            case MINUTES -> from.plus(Duration.ofMinutes(limit.value()));
        };
    }

    /** "5个工作日", for texts shown to people. */
    public String describe(String key) {
        LimitTable.Limit limit = limit(key);
        return limit.value() + limit.unit().label();
    }

    public LimitTable.Limit limit(String key) {
        LimitTable.Limit limit = current.get().limits().get(key);
        if (limit == null) {
            throw new IllegalStateException("hall-duty limit " + key + " is not in the rule table");
        }
        return limit;
    }

    public String version() {
        return current.get().version();
    }

    void install(String version, Map<String, LimitTable.Limit> limits) {
        current.set(new Installed(version, Map.copyOf(limits)));
    }

    static String bundled() {
        try (var in = new ClassPathResource("rules/hall-duties/" + FILE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules/hall-duties/" + FILE, e);
        }
    }
}
