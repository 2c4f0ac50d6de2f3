package org.bianmin.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The plausible years of a date a person or a portal sends (configuration
 * {@code bianmin.input.years}, default 2000–2100): a case is not received in year 0, an absence
 * does not last until year 999999999, a month to assess is a real month.
 */
@Component
public class InputWindow {

    private final int earliest;
    private final int latest;

    public InputWindow(@Value("${bianmin.input.earliest-year:2000}") int earliest,
                       @Value("${bianmin.input.latest-year:2100}") int latest) {
        this.earliest = earliest;
        this.latest = latest;
    }

    public boolean contains(int year) {
        return year >= earliest && year <= latest;
    }

    public String describe() {
        return earliest + "–" + latest;
    }

    /** A month ({@code yyyy-MM}) within the window, or a 400 naming the field. */
    public YearMonth month(String field, String text) {
        return parse(field, text, YearMonth::parse, YearMonth::getYear, "月份格式应为 yyyy-MM", "must be yyyy-MM");
    }

    /** A day ({@code yyyy-MM-dd}) within the window, or a 400 naming the field. */
    public LocalDate day(String field, String text) {
        return parse(field, text, LocalDate::parse, LocalDate::getYear, "日期格式应为 yyyy-MM-dd", "must be yyyy-MM-dd");
    }

    /** An ISO-8601 time with offset within the window, or a 400 naming the field. */
    public OffsetDateTime time(String field, String text) {
        return parse(field, text, OffsetDateTime::parse, OffsetDateTime::getYear,
                "时间格式应为带时区的 ISO-8601, 如 2026-12-01T09:30:00+08:00", "must be ISO-8601 with an offset, e.g. 2026-12-01T09:30:00+08:00");
    }

    private <T> T parse(String field, String text, Function<String, T> parser, ToIntFunction<T> year, String chinese,
                        String english) {
        T value;
        try {
            value = parser.apply(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, chinese, english);
        }
        return requireYear(field, year.applyAsInt(value), value);
    }

    private <T> T requireYear(String field, int year, T value) {
        if (!contains(year)) {
            throw ApiException.invalidField(field, "年份须在" + describe() + "之间", "the year must be within " + describe());
        }
        return value;
    }
}
