package org.bianmin.calendar;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statutory public holidays of a year, as 《全国年节及纪念日放假办法》 (revised 2024) fixes them:
 * 元旦 1 day; 春节 4 days, 除夕 to 初三; 清明 1; 劳动节 2 (May 1–2); 端午 1; 中秋 1; 国庆 3 (Oct 1–3).
 * A year whose State Council schedule is not yet published is counted on these alone — no make-up
 * working day (调休) is guessed — and flagged PROVISIONAL wherever a deadline computed on it appears.
 * Lunar dates and 清明 come from a table-based Chinese calendar that agrees with the official almanac.
 */
final class StatutoryHolidays {

    static final String BASIS = "《全国年节及纪念日放假办法》(2024年修订)";

    private StatutoryHolidays() {
    }

    static CalendarYear of(int year) {
        Map<LocalDate, CalendarYear.DayEntry> days = new LinkedHashMap<>();
        add(days, LocalDate.of(year, 1, 1), "元旦");
        LocalDate springFestival = date(Lunar.fromYmd(year, 1, 1).getSolar());
        for (LocalDate day = springFestival.minusDays(1); day.isBefore(springFestival.plusDays(3)); day = day.plusDays(1)) {
            if (day.getYear() == year) {
                add(days, day, "春节");
            }
        }
        // 除夕 of next year's 春节 may fall on Dec 31 of this year
        LocalDate nextEve = date(Lunar.fromYmd(year + 1, 1, 1).getSolar()).minusDays(1);
        if (nextEve.getYear() == year) {
            add(days, nextEve, "春节");
        }
        add(days, qingming(year), "清明节");
        add(days, LocalDate.of(year, 5, 1), "劳动节");
        add(days, LocalDate.of(year, 5, 2), "劳动节");
        add(days, date(Lunar.fromYmd(year, 5, 5).getSolar()), "端午节");
        add(days, date(Lunar.fromYmd(year, 8, 15).getSolar()), "中秋节");
        for (int day = 1; day <= 3; day++) {
            add(days, LocalDate.of(year, 10, day), "国庆节");
        }
        return new CalendarYear(year, days, CalendarYear.Source.PROVISIONAL);
    }

    /** 清明 is a solar term: its day in April. */
    static LocalDate qingming(int year) {
        Solar term = Lunar.fromYmd(year, 3, 1).getJieQiTable().get("清明");
        LocalDate date = date(term);
        if (date.getYear() != year || date.getMonthValue() != 4) {
            throw new IllegalStateException("清明 of " + year + " computed as " + date);
        }
        return date;
    }

    private static void add(Map<LocalDate, CalendarYear.DayEntry> days, LocalDate date, String name) {
        days.merge(date, new CalendarYear.DayEntry(date, CalendarYear.Kind.HOLIDAY, name),
                (first, second) -> new CalendarYear.DayEntry(date, CalendarYear.Kind.HOLIDAY, first.name() + "、" + name));
    }

    private static LocalDate date(Solar solar) {
        return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
    }
}
