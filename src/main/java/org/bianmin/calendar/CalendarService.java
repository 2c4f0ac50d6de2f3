package org.bianmin.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bianmin.rules.InForce;
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
    private final InForce<WorkingCalendar> inForce = new InForce<>("calendar");

    public CalendarService(CalendarProperties properties, CalendarCoverage coverage) {
        this.officeHours = OfficeHours.parse(properties.officeHours());
        this.zone = ZoneId.of(properties.zone());
        this.coverage = coverage;
        inForce.put("bundled", inForceWith(loadBundledYears()));
    }

    /** The calendar in force; callers keep the instance for one computation so a swap cannot split it. */
    public WorkingCalendar calendar() {
        return inForce.value();
    }

    /** Other year tables in force under the same version label (tests of the calendar's own behaviour). */
    public void replaceYears(Collection<CalendarYear> years) {
        install(inForce.label(), calendarWith(years));
    }

    /** Puts a version of the calendar tables in force: computations on it note the years it lacks. */
    void install(String version, WorkingCalendar compiled) {
        List<CalendarYear> years = compiled.coveredYears().stream().map(compiled::year).toList();
        inForce.put(version, inForceWith(years).withWindows(compiled.windows().values()));
    }

    private WorkingCalendar inForceWith(Collection<CalendarYear> years) {
        WorkingCalendar calendar = new WorkingCalendar(years, officeHours, zone, coverage::uncoveredYearUsed);
        years.forEach(y -> coverage.yearNowCovered(y.year()));
        return calendar;
    }

    /** The version in force, e.g. {@code calendar@v3}. */
    public String version() {
        return inForce.label();
    }

    InForce<WorkingCalendar> inForce() {
        return inForce;
    }

    /** A working calendar with other year tables but this centre's office hours and zone (dry runs). */
    public WorkingCalendar calendarWith(Collection<CalendarYear> years) {
        return new WorkingCalendar(years, officeHours, zone, year -> { });
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
        return bundledFiles().entrySet().stream().filter(e -> YEAR_FILE.matcher(e.getKey()).find())
                .map(e -> parseFile(e.getKey(), e.getValue())).toList();
    }

    /** Parses {@code YYYY.csv}; errors name the file and line. */
    static CalendarYear parseFile(String fileName, String csv) {
        Matcher m = YEAR_FILE.matcher(fileName);
        if (!m.find()) {
            throw new IllegalStateException("calendar file must be named YYYY.csv: " + fileName);
        }
        try {
            return CalendarYearParser.parse(Integer.parseInt(m.group(1)), csv);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("rules/calendar/" + fileName + " " + e.getMessage(), e);
        }
    }

    /** The files of {@code rules/calendar/}, by name. */
    static java.util.Map<String, String> bundledFiles() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:rules/calendar/*.csv");
            java.util.Map<String, String> texts = new java.util.TreeMap<>();
            for (Resource file : files) {
                texts.put(file.getFilename(), new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
