package org.bianmin.staff;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.bianmin.web.ApiException;

/** Reading and showing the moments of hall duties: ISO-8601 with offset in, "2026-10-08 09:00" out. */
public final class HallTime {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private HallTime() {
    }

    /** A required ISO-8601 moment with offset, or 400 naming the field. */
    public static Instant parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, "时间不能为空", "is required (ISO-8601 with offset)");
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "时间格式应为 ISO-8601 且带时区, 如 2026-10-08T09:00:00+08:00",
                    "must be ISO-8601 with offset, e.g. 2026-10-08T09:00:00+08:00");
        }
    }

    public static String show(Instant at, ZoneId zone) {
        return SHOWN.format(at.atZone(zone));
    }

    public static OffsetDateTime local(Instant at, ZoneId zone) {
        return at == null ? null : at.atZone(zone).toOffsetDateTime();
    }
}
