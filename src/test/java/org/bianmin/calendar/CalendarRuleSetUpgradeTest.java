package org.bianmin.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bianmin.rules.RuleFile;
import org.junit.jupiter.api.Test;

/** A calendar of the earlier release (year tables only) gains the shipped, empty table of windows that keep other hours. */
class CalendarRuleSetUpgradeTest {

    private final CalendarRuleSet calendar = new CalendarRuleSet(null, null, null);

    @Test
    void yearTablesAloneGainTheOfficeHoursTableAndNothingElseChanges() {
        RuleFile year = new RuleFile("2026.csv", "date,kind,name\n2026-01-01,HOLIDAY,元旦\n".getBytes(StandardCharsets.UTF_8));

        List<RuleFile> upgraded = calendar.upgrade(List.of(year));

        assertThat(upgraded).extracting(RuleFile::name).containsExactly("2026.csv", "office-hours.csv");
        assertThat(upgraded.get(0)).isSameAs(year);
        assertThat(new String(upgraded.get(1).content(), StandardCharsets.UTF_8)).contains("window,days,hours,holidays,basis");
        assertThat(WindowHoursParser.parse(new String(upgraded.get(1).content(), StandardCharsets.UTF_8), java.util.Map.of()))
                .as("no window keeps other hours").isEmpty();
        assertThat(calendar.upgrade(upgraded)).as("nothing more to add").isSameAs(upgraded);
    }
}
