package org.bianmin.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code bianmin.calendar.*}: the centre's time zone and office hours. */
@ConfigurationProperties("bianmin.calendar")
public record CalendarProperties(String zone, String officeHours) {

    public CalendarProperties {
        zone = zone == null ? "Asia/Shanghai" : zone;
        officeHours = officeHours == null ? "08:30-12:00,13:30-17:30" : officeHours;
    }
}
