package org.bianmin.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The centre's working-day calendar in force. Years come from the tables in
 * {@code rules/calendar/}; {@link #replaceYears} swaps in new tables without a restart.
 */
@Service
public class CalendarService {

    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.csv$");

    private final OfficeHours officeHours;
    private final ZoneId zone;
    private final CalendarCoverage coverage;
    private final AtomicReference<WorkingCalendar> current = new AtomicReference<>();

    public CalendarService(CalendarProperties properties, CalendarCoverage coverage) {
        this.officeHours = OfficeHours.parse(properties.officeHours());
        this.zone = ZoneId.of(properties.zone());
        this.coverage = coverage;
        replaceYears(loadBundledYears());
    }

    /** The calendar in force; callers keep the instance for one computation so a swap cannot split it. */
    public WorkingCalendar calendar() {
        return current.get();
    }

    public void replaceYears(Collection<CalendarYear> years) {
        current.set(new WorkingCalendar(years, officeHours, zone, coverage::uncoveredYearUsed));
        years.forEach(y -> coverage.yearNowCovered(y.year()));
    }

    public List<String> warningsBetween(Instant from, Instant to) {
        WorkingCalendar calendar = calendar();
        List<String> warnings = new ArrayList<>();
        int first = from.atZone(zone).getYear();
        int last = to.atZone(zone).getYear();
        for (int year = Math.min(first, last); year <= Math.max(first, last); year++) {
            if (!calendar.covers(year)) {
                warnings.add(CalendarCoverage.warningFor(year));
            }
        }
        return warnings;
    }

    static List<CalendarYear> loadBundledYears() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:rules/calendar/*.csv");
            List<CalendarYear> years = new ArrayList<>();
            for (Resource file : files) {
                Matcher m = YEAR_FILE.matcher(file.getFilename() == null ? "" : file.getFilename());
                if (!m.find()) {
                    throw new IllegalStateException("calendar file must be named YYYY.csv: " + file.getFilename());
                }
                String csv = new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                try {
                    years.add(CalendarYearParser.parse(Integer.parseInt(m.group(1)), csv));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("rules/calendar/" + file.getFilename() + " " + e.getMessage(), e);
                }
            }
            return years;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
