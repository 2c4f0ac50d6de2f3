package org.bianmin.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * Working-time arithmetic (行政许可法 art. 82: limits count working days): Monday-Friday minus
 * statutory holidays plus make-up working days, during office hours. Immutable; a new calendar
 * is built when an administrator changes a year's table. A window that keeps other days or hours
 * (窗口办公时间) counts on its own calendar, {@link #forWindow}.
 *
 * <p>A date in a year without an official table is counted on that year's statutory holidays
 * ({@link StatutoryHolidays}: PROVISIONAL, no make-up working days guessed) and reported to the
 * {@code provisionalYear} listener, so the gap is never silent.
 */
public final class WorkingCalendar {

    /** Far enough for any legal limit; stops a runaway search on a calendar with no working day. */
    private static final int MAX_DAYS_SEARCHED = 3660;

    private static final java.util.Set<DayOfWeek> MONDAY_TO_FRIDAY = java.util.EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final Map<Integer, CalendarYear> years;
    private final OfficeHours officeHours;
    private final ZoneId zone;
    private final IntConsumer provisionalYear;
    private final Map<Integer, CalendarYear> provisional;
    /** The days of the week that are working days, statutory holidays aside (the centre: Monday to Friday). */
    private final java.util.Set<DayOfWeek> days;
    private final boolean openOnHolidays;
    /** The windows that keep other hours (窗口办公时间), by window group id. */
    private final Map<String, WindowHours> windows;
    private final Map<String, WorkingCalendar> byWindow = new java.util.concurrent.ConcurrentHashMap<>();

    public WorkingCalendar(Collection<CalendarYear> years, OfficeHours officeHours, ZoneId zone, IntConsumer provisionalYear) {
        this(years.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(CalendarYear::year, y -> y)), officeHours, zone,
                provisionalYear == null ? year -> { } : provisionalYear, new java.util.concurrent.ConcurrentHashMap<>(),
                MONDAY_TO_FRIDAY, false, Map.of());
    }

    private WorkingCalendar(Map<Integer, CalendarYear> years, OfficeHours officeHours, ZoneId zone, IntConsumer provisionalYear,
                            Map<Integer, CalendarYear> provisional, java.util.Set<DayOfWeek> days, boolean openOnHolidays,
                            Map<String, WindowHours> windows) {
        this.years = years;
        this.officeHours = Objects.requireNonNull(officeHours);
        this.zone = Objects.requireNonNull(zone);
        this.provisionalYear = provisionalYear;
        this.provisional = provisional;
        this.days = java.util.Set.copyOf(days);
        this.openOnHolidays = openOnHolidays;
        this.windows = Map.copyOf(windows);
    }

    /** The same calendar with windows that keep other hours. */
    public WorkingCalendar withWindows(Collection<WindowHours> windowHours) {
        Map<String, WindowHours> map = new java.util.LinkedHashMap<>();
        windowHours.forEach(w -> map.put(w.window(), w));
        return new WorkingCalendar(years, officeHours, zone, provisionalYear, provisional, days, openOnHolidays, map);
    }

    /**
     * The calendar a case of the window counts on: the window's own days and hours where it keeps
     * other ones (周末不打烊), else the centre's. Statutory holidays and make-up days are the same for all.
     */
    public WorkingCalendar forWindow(String window) {
        WindowHours hours = window == null ? null : windows.get(window);
        if (hours == null) {
            return this;
        }
        return byWindow.computeIfAbsent(window, w -> new WorkingCalendar(years, hours.hours(), zone, provisionalYear, provisional,
                hours.days(), hours.openOnHolidays(), Map.of()));
    }

    /** The windows that keep other hours, by window group id. */
    public Map<String, WindowHours> windows() {
        return windows;
    }

    public ZoneId zone() {
        return zone;
    }

    public OfficeHours officeHours() {
        return officeHours;
    }

    public SortedSet<Integer> coveredYears() {
        return new TreeSet<>(years.keySet());
    }

    public boolean covers(int year) {
        return years.containsKey(year);
    }

    /** The table of a year: the official one, or the statutory holidays alone (PROVISIONAL). */
    public CalendarYear year(int year) {
        CalendarYear table = years.get(year);
        if (table != null) {
            return table;
        }
        provisionalYear.accept(year);
        return provisional.computeIfAbsent(year, StatutoryHolidays::of);
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarYear table = year(date.getYear());
        CalendarYear.DayEntry entry = table.days().get(date);
        if (entry != null) {
            return entry.kind() == CalendarYear.Kind.WORKDAY || openOnHolidays;
        }
        return days.contains(date.getDayOfWeek());
    }

    /** Whether the instant falls inside office hours of a working day. */
    public boolean isOfficeTime(Instant instant) {
        ZonedDateTime at = instant.atZone(zone);
        if (!isWorkingDay(at.toLocalDate())) {
            return false;
        }
        var time = at.toLocalTime();
        return officeHours.periods().stream().anyMatch(p -> !time.isBefore(p.start()) && time.isBefore(p.end()));
    }

    /**
     * "Within N working days": the close of office hours on the N-th working day after the day
     * of acceptance. N = 0 means the close of the acceptance day, or of the next working day
     * when the acceptance day is not one or the acceptance came after its close (a deadline never
     * precedes the acceptance).
     */
    public Instant afterWorkingDays(Instant acceptedAt, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        LocalDate day = acceptedAt.atZone(zone).toLocalDate();
        if (workingDays == 0) {
            day = nextWorkingDayFrom(day);
            if (close(day).isBefore(acceptedAt)) {
                day = nextWorkingDayFrom(day.plusDays(1));
            }
        }
        int counted = 0;
        int searched = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
            if (++searched > MAX_DAYS_SEARCHED) {
                throw new IllegalStateException("no working day found within " + MAX_DAYS_SEARCHED + " days after " + acceptedAt);
            }
        }
        return close(day);
    }

    /** The instant when {@code minutes} of office time have passed after {@code from}. */
    public Instant afterWorkingMinutes(Instant from, long minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative: " + minutes);
        }
        if (minutes == 0) {
            return from;
        }
        ZonedDateTime start = from.atZone(zone);
        LocalDate day = start.toLocalDate();
        long remaining = minutes;
        for (int searched = 0; searched <= MAX_DAYS_SEARCHED; searched++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (OfficeHours.Period period : officeHours.periods()) {
                LocalDateTime periodStart = day.atTime(period.start());
                LocalDateTime periodEnd = day.atTime(period.end());
                LocalDateTime begin = max(periodStart, start.toLocalDateTime());
                if (!begin.isBefore(periodEnd)) {
                    continue;
                }
                long available = Duration.between(begin, periodEnd).toMinutes();
                if (remaining <= available) {
                    return begin.plusMinutes(remaining).atZone(zone).toInstant();
                }
                remaining -= available;
            }
        }
        throw new IllegalStateException("no working time found within " + MAX_DAYS_SEARCHED + " days after " + from);
    }

    /** Office minutes between two instants (0 when {@code to} is not after {@code from}). */
    public long workingMinutesBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        LocalDateTime a = from.atZone(zone).toLocalDateTime();
        LocalDateTime b = to.atZone(zone).toLocalDateTime();
        long total = 0;
        for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (OfficeHours.Period period : officeHours.periods()) {
                LocalDateTime begin = max(day.atTime(period.start()), a);
                LocalDateTime end = min(day.atTime(period.end()), b);
                if (end.isAfter(begin)) {
                    total += Duration.between(begin, end).toMinutes();
                }
            }
        }
        return total;
    }

    /** Office minutes between two instants, leaving out the paused intervals (waiting for the applicant). */
    public long workingMinutesBetween(Instant from, Instant to, Collection<Interval> paused) {
        long total = workingMinutesBetween(from, to);
        for (Interval pause : mergedWithin(paused, from, to)) {
            total -= workingMinutesBetween(pause.start(), pause.end());
        }
        return Math.max(0, total);
    }

    /** The close of office hours on a day. */
    public Instant close(LocalDate day) {
        return day.atTime(officeHours.closing()).atZone(zone).toInstant();
    }

    public LocalDate nextWorkingDayFrom(LocalDate day) {
        LocalDate candidate = day;
        for (int searched = 0; !isWorkingDay(candidate); searched++) {
            if (searched > MAX_DAYS_SEARCHED) {
                throw new IllegalStateException("no working day found within " + MAX_DAYS_SEARCHED + " days after " + day);
            }
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /** A paused span of time; {@code end} null means still paused (treated as the upper bound). */
    public record Interval(Instant start, Instant end) {
    }

    private static java.util.List<Interval> mergedWithin(Collection<Interval> intervals, Instant from, Instant to) {
        java.util.List<Interval> clipped = intervals.stream()
                .map(i -> new Interval(i.start().isBefore(from) ? from : i.start(),
                        i.end() == null || i.end().isAfter(to) ? to : i.end()))
                .filter(i -> i.end().isAfter(i.start()))
                .sorted(java.util.Comparator.comparing(Interval::start))
                .toList();
        java.util.List<Interval> merged = new java.util.ArrayList<>();
        for (Interval next : clipped) {
            if (!merged.isEmpty() && !next.start().isAfter(merged.get(merged.size() - 1).end())) {
                Interval last = merged.remove(merged.size() - 1);
                merged.add(new Interval(last.start(), next.end().isAfter(last.end()) ? next.end() : last.end()));
            } else {
                merged.add(next);
            }
        }
        return merged;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
