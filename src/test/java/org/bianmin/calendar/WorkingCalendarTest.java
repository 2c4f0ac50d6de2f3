package org.bianmin.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bianmin.calendar.CalendarYearParser.CalendarFormatException;
import org.bianmin.calendar.WorkingCalendar.Interval;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The working-day calendar on the bundled tables (rules/calendar/2025.csv, 2026.csv), office hours
 * 08:30-12:00 and 13:30-17:30 in Asia/Shanghai. Every expected instant was worked out by hand from
 * the State Council's 2026 holiday notice; the weekday of each date is noted next to it.
 */
class WorkingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final OfficeHours HOURS = OfficeHours.parse("08:30-12:00,13:30-17:30");

    private final Set<Integer> uncoveredYears = new TreeSet<>();
    private WorkingCalendar calendar;

    @BeforeEach
    void setUp() {
        calendar = new WorkingCalendar(CalendarService.loadBundledYears(), HOURS, SHANGHAI, uncoveredYears::add);
    }

    /** An instant written as Beijing time, e.g. {@code at("2026-02-13T10:00")}. */
    private static Instant at(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    @Test
    void bundledTablesCover2025And2026() {
        assertThat(calendar.coveredYears()).containsExactly(2025, 2026);
        assertThat(HOURS.minutesPerDay()).isEqualTo(450);
        assertThat(uncoveredYears).isEmpty();
    }

    /** 窗口办公时间: a window that keeps other days and hours counts its cases on them; the others keep the centre's. */
    @Nested
    class WindowsThatKeepOtherHours {

        private final WindowHours weekend = new WindowHours("window-general", java.util.EnumSet.allOf(java.time.DayOfWeek.class),
                false, OfficeHours.parse("09:00-12:00,13:00-17:00"), "周末不打烊");
        private final WindowHours everyDay = new WindowHours("window-market", java.util.EnumSet.allOf(java.time.DayOfWeek.class),
                true, OfficeHours.parse("09:00-17:00"), "全年无休");

        @Test
        void aWeekendWindowWorksSaturdayAndSundayButNotOnStatutoryHolidays() {
            WorkingCalendar general = calendar.withWindows(java.util.List.of(weekend, everyDay)).forWindow("window-general");
            // Fri 2026-12-04 -> Sat 5 is the first working day, at the window's close
            assertThat(general.afterWorkingDays(at("2026-12-04T10:00"), 1)).isEqualTo(at("2026-12-05T17:00"));
            // 国庆: Sep 30 -> Oct 1-7 are holidays for it too; Thu Oct 8 is the first working day
            assertThat(general.afterWorkingDays(at("2026-09-30T10:00"), 1)).isEqualTo(at("2026-10-08T17:00"));
            // its day has 420 minutes: Sat 09:00 + 7 working hours is Sat 17:00
            assertThat(general.afterWorkingMinutes(at("2026-12-05T09:00"), 420)).isEqualTo(at("2026-12-05T17:00"));
        }

        @Test
        void aWindowOpenOnHolidaysCountsThemAndOtherWindowsKeepTheCentresDays() {
            WorkingCalendar withWindows = calendar.withWindows(java.util.List.of(weekend, everyDay));
            assertThat(withWindows.forWindow("window-market").afterWorkingDays(at("2026-09-30T10:00"), 1)).isEqualTo(at("2026-10-01T17:00"));
            assertThat(withWindows.forWindow("window-civil")).as("no row: the centre's calendar").isSameAs(withWindows);
            assertThat(withWindows.forWindow(null)).isSameAs(withWindows);
            assertThat(withWindows.afterWorkingDays(at("2026-12-04T10:00"), 1)).isEqualTo(at("2026-12-07T17:30"));
        }
    }

    @Nested
    class SpringFestival2026 {

        @Test
        void makeUpSaturdayAndHolidaysAreRecognised() {
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 13))).isTrue();   // Fri
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();   // Sat, 调休上班
            for (int d = 15; d <= 23; d++) {
                assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, d))).as("Feb %d", d).isFalse();
            }
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse();  // Mon, still 春节
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();   // Tue
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();   // Sat, 调休上班
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 1))).isFalse();   // Sun
        }

        @Test
        void oneWorkingDayBeforeTheHolidayIsTheMakeUpSaturday() {
            // accepted Fri Feb 13 -> 1st working day after: Sat Feb 14 (调休上班)
            assertThat(calendar.afterWorkingDays(at("2026-02-13T10:00"), 1)).isEqualTo(at("2026-02-14T17:30"));
        }

        @Test
        void twoWorkingDaysJumpOverTheNineDayHoliday() {
            // Feb 14 (1), Feb 15-23 holidays, Tue Feb 24 (2)
            assertThat(calendar.afterWorkingDays(at("2026-02-13T10:00"), 2)).isEqualTo(at("2026-02-24T17:30"));
        }

        @Test
        void acceptedOnTheMakeUpSaturdayCountsTheSecondMakeUpSaturday() {
            // accepted Sat Feb 14: Feb 24 (1), 25 (2), 26 (3), Fri 27 (4), Sat 28 调休 (5), Mon Mar 2 (6)
            assertThat(calendar.afterWorkingDays(at("2026-02-14T09:00"), 5)).isEqualTo(at("2026-02-28T17:30"));
            assertThat(calendar.afterWorkingDays(at("2026-02-14T09:00"), 6)).isEqualTo(at("2026-03-02T17:30"));
        }

        @Test
        void twentyWorkingDaysAcrossTheFestival() {
            // from Fri Feb 13: Feb 14, 24, 25, 26, 27, 28 (6); Mar 2-6 (11); Mar 9-13 (16); Mar 16, 17, 18, 19 (20)
            assertThat(calendar.afterWorkingDays(at("2026-02-13T15:00"), 20)).isEqualTo(at("2026-03-19T17:30"));
        }

        @Test
        void workingMinutesContinueOnTheMakeUpSaturdayThenAfterTheHoliday() {
            // Fri Feb 13 17:00-17:30 = 30, then Sat Feb 14 08:30 + 30
            assertThat(calendar.afterWorkingMinutes(at("2026-02-13T17:00"), 60)).isEqualTo(at("2026-02-14T09:00"));
            // Sat Feb 14 17:00-17:30 = 30, then Tue Feb 24 08:30 + 30
            assertThat(calendar.afterWorkingMinutes(at("2026-02-14T17:00"), 60)).isEqualTo(at("2026-02-24T09:00"));
        }

        @Test
        void workingMinutesBetweenCountOnlyTheThreeWorkingDays() {
            // Feb 13, Feb 14 and Feb 24 are the only working days from Feb 13 to Feb 24: 3 x 450
            assertThat(calendar.workingMinutesBetween(at("2026-02-13T08:30"), at("2026-02-24T17:30"))).isEqualTo(1350);
        }
    }

    @Nested
    class LabourDay2026 {

        @Test
        void fiveDaysOffThenTheMakeUpSaturday() {
            for (int d = 1; d <= 5; d++) {
                assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, d))).as("May %d", d).isFalse();
            }
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 9))).isTrue();    // Sat, 调休上班
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 10))).isFalse();  // Sun
        }

        @Test
        void deadlinesAfterLabourDay() {
            Instant acceptedThursday = at("2026-04-30T16:00");
            // May 1-5 off: Wed May 6 (1), Thu 7 (2), Fri 8 (3), Sat 9 调休 (4), Mon 11 (5)
            assertThat(calendar.afterWorkingDays(acceptedThursday, 1)).isEqualTo(at("2026-05-06T17:30"));
            assertThat(calendar.afterWorkingDays(acceptedThursday, 4)).isEqualTo(at("2026-05-09T17:30"));
            assertThat(calendar.afterWorkingDays(acceptedThursday, 5)).isEqualTo(at("2026-05-11T17:30"));
        }
    }

    @Nested
    class NationalDay2026 {

        @Test
        void sundayMakeUpDayBeforeTheHolidays() {
            // accepted Fri Sep 18: Sat 19 off, Sun Sep 20 调休上班
            assertThat(calendar.afterWorkingDays(at("2026-09-18T10:00"), 1)).isEqualTo(at("2026-09-20T17:30"));
            // accepted Thu Sep 24: Sep 25-27 中秋节, Mon Sep 28
            assertThat(calendar.afterWorkingDays(at("2026-09-24T10:00"), 1)).isEqualTo(at("2026-09-28T17:30"));
        }

        @Test
        void sevenDaysOffThenTheMakeUpSaturday() {
            Instant acceptedWednesday = at("2026-09-30T10:00");
            // Oct 1-7 off: Thu Oct 8 (1), Fri 9 (2), Sat 10 调休 (3), Mon 12 (4)
            assertThat(calendar.afterWorkingDays(acceptedWednesday, 1)).isEqualTo(at("2026-10-08T17:30"));
            assertThat(calendar.afterWorkingDays(acceptedWednesday, 3)).isEqualTo(at("2026-10-10T17:30"));
            assertThat(calendar.afterWorkingDays(acceptedWednesday, 4)).isEqualTo(at("2026-10-12T17:30"));
        }

        @Test
        void workingMinutesRunFromSeptember30ToOctober8() {
            // Wed Sep 30 17:00-17:30 = 30, then Thu Oct 8 08:30 + 90 = 10:00
            assertThat(calendar.afterWorkingMinutes(at("2026-09-30T17:00"), 120)).isEqualTo(at("2026-10-08T10:00"));
        }
    }

    @Nested
    class OfficeHoursArithmetic {

        @Test
        void theMiddayBreakIsNotCounted() {
            // Mon Mar 2: 11:50-12:00 = 10, then 13:30 + 20
            assertThat(calendar.afterWorkingMinutes(at("2026-03-02T11:50"), 30)).isEqualTo(at("2026-03-02T13:50"));
            // starting inside the break counts from 13:30
            assertThat(calendar.afterWorkingMinutes(at("2026-03-02T12:30"), 30)).isEqualTo(at("2026-03-02T14:00"));
            assertThat(calendar.isOfficeTime(at("2026-03-02T12:30"))).isFalse();
            assertThat(calendar.isOfficeTime(at("2026-03-02T13:30"))).isTrue();
        }

        @Test
        void halfAWorkingDayIs225Minutes() {
            // Mon Mar 2 08:30: 210 minutes to 12:00, 15 after 13:30
            assertThat(calendar.afterWorkingMinutes(at("2026-03-02T08:30"), 225)).isEqualTo(at("2026-03-02T13:45"));
            // Mon Mar 2 14:00: 210 minutes to 17:30, 15 on Tue Mar 3
            assertThat(calendar.afterWorkingMinutes(at("2026-03-02T14:00"), 225)).isEqualTo(at("2026-03-03T08:45"));
            // Fri Feb 13 15:00: 150 minutes to 17:30, 75 on the make-up Saturday Feb 14
            assertThat(calendar.afterWorkingMinutes(at("2026-02-13T15:00"), 225)).isEqualTo(at("2026-02-14T09:45"));
        }

        @Test
        void aFullDayEndsAtTheCloseNotTheNextMorning() {
            assertThat(calendar.afterWorkingMinutes(at("2026-03-02T08:30"), 450)).isEqualTo(at("2026-03-02T17:30"));
            assertThat(calendar.afterWorkingMinutes(at("2026-03-02T08:30"), 451)).isEqualTo(at("2026-03-03T08:31"));
        }

        @Test
        void workingTimeBeanGivesHalfDaysToTimers() {
            WorkingTime workingTime = new WorkingTime(
                    new CalendarService(new CalendarProperties("Asia/Shanghai", "08:30-12:00,13:30-17:30"), new CalendarCoverage()));
            Date acceptedAt = Date.from(at("2026-03-02T08:30"));
            assertThat(workingTime.afterHalfDays(acceptedAt, 1).toInstant()).isEqualTo(at("2026-03-02T13:45"));
            assertThat(workingTime.afterHalfDays(acceptedAt, 2).toInstant()).isEqualTo(at("2026-03-02T17:30"));
            assertThat(workingTime.afterMinutes(acceptedAt, 30).toInstant()).isEqualTo(at("2026-03-02T09:00"));
            assertThat(workingTime.afterDays(Date.from(at("2026-02-13T10:00")), 2).toInstant()).isEqualTo(at("2026-02-24T17:30"));
        }
    }

    @Nested
    class Acceptance {

        @Test
        void afterHoursAcceptanceCountsAsThatDay() {
            // Tue Mar 3 18:00 is after closing but still the day of acceptance: 1st working day after is Wed Mar 4
            assertThat(calendar.afterWorkingDays(at("2026-03-03T18:00"), 1)).isEqualTo(at("2026-03-04T17:30"));
            assertThat(calendar.afterWorkingDays(at("2026-03-03T18:00"), 3)).isEqualTo(at("2026-03-06T17:30"));
            // office minutes start the next morning
            assertThat(calendar.afterWorkingMinutes(at("2026-03-03T18:00"), 30)).isEqualTo(at("2026-03-04T09:00"));
        }

        @Test
        void acceptanceOnAHolidayCountsFromTheFirstWorkingDayAfterIt() {
            // Sat Feb 21 is 春节: Tue Feb 24 is the 1st working day after it
            assertThat(calendar.afterWorkingDays(at("2026-02-21T10:00"), 1)).isEqualTo(at("2026-02-24T17:30"));
            assertThat(calendar.afterWorkingDays(at("2026-02-21T10:00"), 2)).isEqualTo(at("2026-02-25T17:30"));
            assertThat(calendar.afterWorkingMinutes(at("2026-02-21T10:00"), 30)).isEqualTo(at("2026-02-24T09:00"));
        }

        @Test
        void acceptanceOnAWeekend() {
            // Sun Mar 8 -> Mon Mar 9 (1), Tue Mar 10 (2)
            assertThat(calendar.afterWorkingDays(at("2026-03-08T11:00"), 1)).isEqualTo(at("2026-03-09T17:30"));
            assertThat(calendar.afterWorkingDays(at("2026-03-08T11:00"), 2)).isEqualTo(at("2026-03-10T17:30"));
        }

        @Test
        void zeroWorkingDaysIsTheCloseOfTheAcceptanceDay() {
            assertThat(calendar.afterWorkingDays(at("2026-03-02T10:00"), 0)).isEqualTo(at("2026-03-02T17:30"));
            // on a holiday or weekend: the close of the next working day
            assertThat(calendar.afterWorkingDays(at("2026-02-21T10:00"), 0)).isEqualTo(at("2026-02-24T17:30"));
            assertThat(calendar.afterWorkingDays(at("2026-03-08T10:00"), 0)).isEqualTo(at("2026-03-09T17:30"));
            // Sun Sep 20 is a make-up working day
            assertThat(calendar.afterWorkingDays(at("2026-09-20T10:00"), 0)).isEqualTo(at("2026-09-20T17:30"));
        }

        @Test
        void zeroWorkingDaysAfterClosingIsNeverBeforeTheAcceptance() {
            // accepted Tue Mar 3 18:00, after the close: same-day handling can only end on Wed Mar 4
            Instant deadline = calendar.afterWorkingDays(at("2026-03-03T18:00"), 0);
            assertThat(deadline).isEqualTo(at("2026-03-04T17:30"));
            // Fri Feb 13 18:00 -> the make-up Saturday Feb 14
            assertThat(calendar.afterWorkingDays(at("2026-02-13T18:00"), 0)).isEqualTo(at("2026-02-14T17:30"));
            // exactly at the close still counts as that day
            assertThat(calendar.afterWorkingDays(at("2026-03-03T17:30"), 0)).isEqualTo(at("2026-03-03T17:30"));
        }

        @Test
        void zeroMinutesIsTheStart() {
            assertThat(calendar.afterWorkingMinutes(at("2026-03-02T10:07"), 0)).isEqualTo(at("2026-03-02T10:07"));
        }

        @Test
        void negativeCountsAreRefused() {
            assertThatThrownBy(() -> calendar.afterWorkingDays(at("2026-03-02T10:00"), -1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> calendar.afterWorkingMinutes(at("2026-03-02T10:00"), -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class MinutesBetween {

        @Test
        void withoutPauses() {
            assertThat(calendar.workingMinutesBetween(at("2026-03-02T08:30"), at("2026-03-02T17:30"))).isEqualTo(450);
            // Mon 11:00-12:00 (60) + 13:30-17:30 (240) + Tue 08:30-09:00 (30)
            assertThat(calendar.workingMinutesBetween(at("2026-03-02T11:00"), at("2026-03-03T09:00"))).isEqualTo(330);
            // nights, the midday break and the weekend do not count: Fri 17:00 -> Mon 09:00 = 30 + 30
            assertThat(calendar.workingMinutesBetween(at("2026-03-06T17:00"), at("2026-03-09T09:00"))).isEqualTo(60);
            // reversed or empty interval
            assertThat(calendar.workingMinutesBetween(at("2026-03-03T09:00"), at("2026-03-02T11:00"))).isZero();
            assertThat(calendar.workingMinutesBetween(at("2026-03-02T11:00"), at("2026-03-02T11:00"))).isZero();
        }

        @Test
        void pausesAreLeftOut() {
            Instant from = at("2026-03-02T08:30");   // Mon
            Instant to = at("2026-03-06T17:30");     // Fri: 5 x 450
            assertThat(calendar.workingMinutesBetween(from, to, List.of())).isEqualTo(2250);
            // waiting for the applicant Tue 10:00 -> Tue 15:00: 120 + 90
            assertThat(calendar.workingMinutesBetween(from, to,
                    List.of(new Interval(at("2026-03-03T10:00"), at("2026-03-03T15:00"))))).isEqualTo(2250 - 210);
        }

        @Test
        void overlappingPausesAreMergedNotSubtractedTwice() {
            Instant from = at("2026-03-02T08:30");
            Instant to = at("2026-03-06T17:30");
            // Tue 08:30 -> Wed 12:00 and Wed 10:00 -> Thu 08:30 overlap: together Tue + Wed = 900
            // (subtracted separately they would remove 660 + 360 = 1020)
            List<Interval> pauses = List.of(
                    new Interval(at("2026-03-04T10:00"), at("2026-03-05T08:30")),
                    new Interval(at("2026-03-03T08:30"), at("2026-03-04T12:00")));
            assertThat(calendar.workingMinutesBetween(from, to, pauses)).isEqualTo(2250 - 900);
        }

        @Test
        void pausesAreClippedAndAnOpenPauseRunsToTheEnd() {
            Instant from = at("2026-03-02T08:30");
            Instant to = at("2026-03-06T17:30");
            // starts before the interval, ends Mon 12:00: only 210 lie inside
            assertThat(calendar.workingMinutesBetween(from, to,
                    List.of(new Interval(at("2026-02-27T09:00"), at("2026-03-02T12:00"))))).isEqualTo(2250 - 210);
            // still paused since Thu 08:30: only Mon-Wed count
            assertThat(calendar.workingMinutesBetween(from, to,
                    List.of(new Interval(at("2026-03-05T08:30"), null)))).isEqualTo(1350);
            // a pause over the weekend removes nothing
            assertThat(calendar.workingMinutesBetween(at("2026-03-06T08:30"), at("2026-03-09T17:30"),
                    List.of(new Interval(at("2026-03-06T17:30"), at("2026-03-09T08:30"))))).isEqualTo(900);
        }
    }

    @Nested
    class YearsWithoutATable {

        @Test
        void fromTheEnd2025TableIntoThe2026Table() {
            // Wed Dec 31 2025: Jan 1-3 2026 元旦, Sun Jan 4 调休上班
            assertThat(calendar.afterWorkingDays(at("2025-12-31T10:00"), 1)).isEqualTo(at("2026-01-04T17:30"));
            assertThat(uncoveredYears).isEmpty();
        }

        @Test
        void year2027IsCountedOnItsStatutoryHolidaysAndReported() {
            // Thu Dec 31 2026 -> Fri Jan 1 2027 is 元旦 (statutory, provisional) -> Mon Jan 4, Tue Jan 5
            assertThat(calendar.afterWorkingDays(at("2026-12-31T10:00"), 1)).isEqualTo(at("2027-01-04T17:30"));
            assertThat(calendar.afterWorkingDays(at("2026-12-31T10:00"), 2)).isEqualTo(at("2027-01-05T17:30"));
            assertThat(uncoveredYears).containsExactly(2027);
            assertThat(calendar.year(2027).source()).isEqualTo(CalendarYear.Source.PROVISIONAL);
            assertThat(calendar.year(2026).source()).isEqualTo(CalendarYear.Source.OFFICIAL);
        }

        @Test
        void theSpringFestivalOf2027IsOffEvenWithoutTheOfficialSchedule() {
            // 除夕 Fri Feb 5 to 初三 Mon Feb 8 2027 (正月初一 is Feb 6 in the official almanac)
            for (String day : List.of("2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08")) {
                assertThat(calendar.isWorkingDay(java.time.LocalDate.parse(day))).as(day).isFalse();
            }
            assertThat(calendar.isWorkingDay(java.time.LocalDate.parse("2027-02-04"))).isTrue();
            assertThat(calendar.isWorkingDay(java.time.LocalDate.parse("2027-02-09"))).isTrue();
            assertThat(calendar.afterWorkingDays(at("2027-02-04T10:00"), 1)).isEqualTo(at("2027-02-09T17:30"));
            assertThat(calendar.afterWorkingDays(at("2027-02-04T10:00"), 2)).isEqualTo(at("2027-02-10T17:30"));
            // no 调休 is guessed: the Saturdays and Sundays around it stay days off
            assertThat(calendar.year(2027).days().values()).noneMatch(d -> d.kind() == CalendarYear.Kind.WORKDAY);
        }

        @Test
        void aProvisionalYearHasExactlyTheStatutoryHolidaysOfTheLaw() {
            var days = calendar.year(2027).days();
            assertThat(days.keySet().stream().map(java.time.LocalDate::toString).sorted().toList()).containsExactly(
                    "2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-04-05", "2027-05-01",
                    "2027-05-02", "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-02", "2027-10-03");
            assertThat(days.get(java.time.LocalDate.parse("2027-02-05")).name()).isEqualTo("春节");
            // 2028: 中秋 falls on Oct 3, within 国庆 — one day off with both names
            assertThat(calendar.year(2028).days().get(java.time.LocalDate.parse("2028-10-03")).name()).isEqualTo("中秋节、国庆节");
        }

        @Test
        void derivedFestivalsOf2025To2030AgreeWithASecondSource() throws Exception {
            List<String> lines = new String(WorkingCalendarTest.class.getResourceAsStream("/calendar/festivals-second-source.csv")
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
            List<String> years = List.of(lines.get(0).split(",")).subList(1, 7);
            Map<String, String> names = Map.of("春节", "春节", "清明", "清明节", "端午", "端午节", "中秋", "中秋节");
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                for (int i = 0; i < years.size(); i++) {
                    java.time.LocalDate expected = java.time.LocalDate.parse(cells[i + 1]);
                    CalendarYear derived = StatutoryHolidays.of(Integer.parseInt(years.get(i)));
                    assertThat(derived.days()).as(cells[0] + " " + years.get(i)).containsKey(expected);
                    assertThat(derived.days().get(expected).name()).contains(names.get(cells[0]));
                }
            }
        }

        @Test
        void theOfficialTablesOf2025And2026ContainEveryStatutoryHoliday() {
            for (CalendarYear official : CalendarService.loadBundledYears()) {
                for (var statutory : StatutoryHolidays.of(official.year()).days().values()) {
                    assertThat(official.days().get(statutory.date())).as(statutory.date() + " " + statutory.name())
                            .isNotNull().extracting(CalendarYear.DayEntry::kind).isEqualTo(CalendarYear.Kind.HOLIDAY);
                }
            }
        }

        @Test
        void minutesAndDaysInside2027NeverCrash() {
            // Fri Jan 1 2027 (元旦) 17:00 + 60 -> Mon Jan 4 09:30
            assertThat(calendar.afterWorkingMinutes(at("2027-01-01T17:00"), 60)).isEqualTo(at("2027-01-04T09:30"));
            // Mon Mar 1 2027 + 5 working days -> Mon Mar 8 2027
            assertThat(calendar.afterWorkingDays(at("2027-03-01T10:00"), 5)).isEqualTo(at("2027-03-08T17:30"));
            assertThat(calendar.workingMinutesBetween(at("2027-03-01T08:30"), at("2027-03-07T23:00"))).isEqualTo(5 * 450);
            assertThat(calendar.covers(2027)).isFalse();
            assertThat(uncoveredYears).containsExactly(2027);
        }

        @Test
        void theServiceWarnsAboutTheMissingYear() {
            CalendarCoverage coverage = new CalendarCoverage();
            CalendarService service = new CalendarService(new CalendarProperties(null, null), coverage);
            Instant deadline = service.calendar().afterWorkingDays(at("2026-12-31T10:00"), 2);
            assertThat(deadline).isEqualTo(at("2027-01-05T17:30"));
            assertThat(coverage.uncoveredYearsUsed()).containsExactly(2027);
            List<String> warnings = service.warningsBetween(at("2026-12-31T10:00"), deadline);
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains("2027", "暂按法定节假日计算");
            assertThat(service.warningsBetween(at("2026-03-02T10:00"), at("2026-03-09T10:00"))).isEmpty();

            // a table for 2027 arrives: the warning goes away and Jan 1 2027 is a holiday
            service.replaceYears(List.of(CalendarYearParser.parse(2026, ""),
                    CalendarYearParser.parse(2027, "date,kind,name\n2027-01-01,HOLIDAY,元旦\n")));
            assertThat(coverage.uncoveredYearsUsed()).isEmpty();
            assertThat(service.calendar().afterWorkingDays(at("2026-12-31T10:00"), 1)).isEqualTo(at("2027-01-04T17:30"));
        }
    }

    @Nested
    class Parser {

        @Test
        void readsCommentsBlankLinesBomAndCase() {
            CalendarYear year = CalendarYearParser.parse(2026, "\uFEFF# comment\n\nDate,Kind,Name\r\n2026-05-09,workday,劳动节调休上班\r\n"
                    + "2026-05-01 , HOLIDAY , 劳动节\n");
            assertThat(year.days()).hasSize(2);
            assertThat(year.days().get(LocalDate.of(2026, 5, 9)).kind()).isEqualTo(CalendarYear.Kind.WORKDAY);
            assertThat(year.days().get(LocalDate.of(2026, 5, 1)).name()).isEqualTo("劳动节");
        }

        @Test
        void badDateNamesTheLine() {
            assertThatThrownBy(() -> CalendarYearParser.parse(2026, "date,kind,name\n2026-01-01,HOLIDAY,元旦\n2026-02-30,HOLIDAY,x\n"))
                    .isInstanceOf(CalendarFormatException.class)
                    .hasMessageStartingWith("line 3 column ").hasMessageContaining("2026-02-30")
                    .satisfies(e -> assertThat(((CalendarFormatException) e).line()).isEqualTo(3));
        }

        @Test
        void badKindNamesTheLine() {
            assertThatThrownBy(() -> CalendarYearParser.parse(2026, "# c\ndate,kind,name\n2026-10-01,VACATION,国庆节\n"))
                    .isInstanceOf(CalendarFormatException.class)
                    .hasMessageStartingWith("line 3 column ").hasMessageContaining("VACATION").hasMessageContaining("HOLIDAY or WORKDAY");
        }

        @Test
        void duplicateDateNamesTheSecondLine() {
            assertThatThrownBy(() -> CalendarYearParser.parse(2026,
                    "date,kind,name\n2026-10-01,HOLIDAY,国庆节\n2026-10-02,HOLIDAY,国庆节\n2026-10-01,WORKDAY,x\n"))
                    .isInstanceOf(CalendarFormatException.class)
                    .hasMessageStartingWith("line 4 column ").hasMessageContaining("2026-10-01").hasMessageContaining("twice");
        }

        @Test
        void dateOfAnotherYearNamesTheLine() {
            assertThatThrownBy(() -> CalendarYearParser.parse(2026, "date,kind,name\n2025-12-31,HOLIDAY,x\n"))
                    .isInstanceOf(CalendarFormatException.class)
                    .hasMessageStartingWith("line 2 column ").hasMessageContaining("2025-12-31").hasMessageContaining("2026");
        }

        @Test
        void missingHeaderAndMissingKindNameTheLine() {
            assertThatThrownBy(() -> CalendarYearParser.parse(2026, "2026-10-01,HOLIDAY,国庆节\n"))
                    .isInstanceOf(CalendarFormatException.class).hasMessageStartingWith("line 1:");
            assertThatThrownBy(() -> CalendarYearParser.parse(2026, "date,kind,name\n2026-10-01\n"))
                    .isInstanceOf(CalendarFormatException.class).hasMessageStartingWith("line 2:");
        }
    }
}
