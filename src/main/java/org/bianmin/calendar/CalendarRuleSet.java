package org.bianmin.calendar;

import org.springframework.beans.factory.ObjectProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bianmin.rules.InForce;
import org.bianmin.rules.RuleCompilationException;
import org.bianmin.rules.RuleFile;
import org.bianmin.rules.RuleProblem;
import org.bianmin.rules.RuleSetDefinition;
import org.springframework.stereotype.Component;

/** The working-day calendar as an editable rule set: one table per year, {@code YYYY.csv}. */
@Component
class CalendarRuleSet implements RuleSetDefinition<WorkingCalendar> {

    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}\\.csv");

    private final CalendarService calendars;
    private final ObjectProvider<CalendarChangeListener> listeners;

    CalendarRuleSet(CalendarService calendars, ObjectProvider<CalendarChangeListener> listeners) {
        this.calendars = calendars;
        this.listeners = listeners;
    }

    @Override
    public String name() {
        return "calendar";
    }

    @Override
    public String title() {
        return "工作日历";
    }

    @Override
    public String description() {
        return "每年一张表: 国务院公布的法定节假日(放假)和调休上班日; 其余周一至周五为工作日。"
                + "所有时限按工作日计算; 没有日历表的年份按周一至周五计算并提示管理员。";
    }

    @Override
    public boolean fixedFiles() {
        return false;
    }

    @Override
    public boolean acceptsFileName(String name) {
        return YEAR.matcher(name).matches();
    }

    @Override
    public Map<String, String> columnHelp() {
        return Map.of("date", "日期(如 2027-01-01)", "kind", "放假或调休上班", "name", "节日名称");
    }

    @Override
    public String fileTitle(String fileName) {
        return fileName.matches("\\d{4}\\.csv") ? fileName.substring(0, 4) + "年日历" : title();
    }

    @Override
    public Map<String, Map<String, String>> columnOptions() {
        Map<String, String> kinds = new java.util.LinkedHashMap<>();
        kinds.put(CalendarYear.Kind.HOLIDAY.name(), "放假");
        kinds.put(CalendarYear.Kind.WORKDAY.name(), "调休上班");
        return Map.of("kind", kinds);
    }

    @Override
    public List<RuleFile> bundledFiles() {
        return CalendarService.bundledFiles().entrySet().stream()
                .map(e -> new RuleFile(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8))).toList();
    }

    @Override
    public WorkingCalendar compile(String version, List<RuleFile> files) {
        List<CalendarYear> years = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFile file : files) {
            int year = Integer.parseInt(file.name().substring(0, 4));
            try {
                years.add(CalendarYearParser.parse(year, new String(file.content(), StandardCharsets.UTF_8)));
            } catch (CalendarYearParser.CalendarFormatException e) {
                problems.add(new RuleProblem(file.name(), e.line(), e.column(), e.getMessage()));
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(file.name(), null, null, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(name(), problems);
        }
        return calendars.calendarWith(years);
    }

    @Override
    public InForce<WorkingCalendar> inForce() {
        return calendars.inForce();
    }

    @Override
    public void install(String version, WorkingCalendar compiled) {
        calendars.install(version, compiled);
    }

    /** The calendar states facts: a new version re-plans the open cases whose dates it changes (once, here). */
    @Override
    public void publishing(String version, WorkingCalendar compiled) {
        WorkingCalendar before = calendars.calendar();
        listeners.orderedStream().forEach(listener -> listener.calendarChanging(before, compiled, version));
    }
}
