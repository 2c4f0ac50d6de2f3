package org.bianmin.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** When administrators are told that next year's holiday schedule is missing, with the clock moved. */
class CalendarWarningsTest {

    private final CalendarService calendars = new CalendarService(new CalendarProperties(null, null), new CalendarCoverage());

    /** Open cases as the test sets them: the deadline of each. */
    private List<Instant> openDeadlines = List.of();

    private final OpenDeadlines open = new OpenDeadlines() {
        @Override
        public Optional<Instant> latest() {
            return openDeadlines.stream().max(Instant::compareTo);
        }

        @Override
        public long inYear(int year) {
            return openDeadlines.stream().filter(d -> d.atZone(calendars.calendar().zone()).getYear() == year).count();
        }
    };

    private final CalendarWarnings warnings = new CalendarWarnings(calendars, beanProvider());

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void fromTheFirstOfNovemberNextYearsMissingTableIsAnnounced() {
        clock("2026-10-31T23:59:00+08:00");
        assertThat(warnings.current()).isEmpty();
        clock("2026-11-01T00:00:00+08:00");
        List<CalendarWarnings.Warning> announced = warnings.current();
        assertThat(announced).extracting(CalendarWarnings.Warning::year).containsExactly(2027);
        assertThat(announced.get(0).message()).contains("2027年工作日历", "暂按法定节假日计算", " / ");
    }

    @Test
    void openCasesWithADeadlineInAProvisionalYearAreAnnouncedAtAnyTimeWithTheirNumber() {
        openDeadlines = List.of(instant("2027-01-20T17:30:00+08:00"), instant("2027-02-10T17:30:00+08:00"),
                instant("2026-12-20T17:30:00+08:00"));
        clock("2026-10-15T10:00:00+08:00");
        List<CalendarWarnings.Warning> announced = warnings.current();
        assertThat(announced).extracting(CalendarWarnings.Warning::year).containsExactly(2027);
        assertThat(announced.get(0).openCases()).isEqualTo(2);
        assertThat(announced.get(0).message()).contains("在办案件 2 件");
    }

    @Test
    void aPublishedTableForNextYearEndsTheAnnouncement() {
        clock("2026-11-15T10:00:00+08:00");
        calendars.replaceYears(List.of(CalendarYearParser.parse(2026, ""),
                CalendarYearParser.parse(2027, "date,kind,name\n2027-01-01,HOLIDAY,元旦\n")));
        assertThat(warnings.current()).isEmpty();
    }

    private org.springframework.beans.factory.ObjectProvider<OpenDeadlines> beanProvider() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("openDeadlines", open);
        return beans.getBeanProvider(OpenDeadlines.class);
    }

    private static void clock(String at) {
        ClockUtil.setCurrentTime(Date.from(instant(at)));
    }

    private static Instant instant(String at) {
        return OffsetDateTime.parse(at).toInstant();
    }
}
