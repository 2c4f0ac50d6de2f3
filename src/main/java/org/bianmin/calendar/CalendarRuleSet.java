package org.bianmin.calendar;

import org.springframework.beans.factory.ObjectProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bianmin.identity.Groups;
import org.bianmin.rules.InForce;
import org.bianmin.rules.RuleCompilationException;
import org.bianmin.rules.RuleFile;
import org.bianmin.rules.RuleProblem;
import org.bianmin.rules.RuleSetDefinition;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * The working-day calendar as an editable rule set: one table per year, {@code YYYY.csv}, and the
 * windows that keep other hours than the centre, {@code office-hours.csv} (窗口办公时间).
 */
@Component
class CalendarRuleSet implements RuleSetDefinition<WorkingCalendar> {

    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}\\.csv");

    private final CalendarService calendars;
    private final ObjectProvider<CalendarChangeListener> listeners;
    private final IdentityService identity;

    CalendarRuleSet(CalendarService calendars, ObjectProvider<CalendarChangeListener> listeners, IdentityService identity) {
        this.calendars = calendars;
        this.listeners = listeners;
        this.identity = identity;
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
                + "所有时限按工作日计算; 没有日历表的年份按法定节假日计算并提示管理员。"
                + "「窗口办公时间」列出与全中心不同的窗口(如周末不打烊), 其案件的时限按该窗口的办公日和办公时间计算。";
    }

    @Override
    public boolean fixedFiles() {
        return false;
    }

    @Override
    public boolean acceptsFileName(String name) {
        return YEAR.matcher(name).matches() || name.equals(WindowHoursParser.FILE);
    }

    @Override
    public Map<String, String> columnHelp() {
        return Map.of("date", "日期(如 2027-01-01)", "kind", "放假或调休上班", "name", "节日名称",
                "window", "窗口", "days", "办公日(可选多个)", "hours", "办公时间(如 08:30-12:00,13:30-17:30)",
                "holidays", "法定节假日照常办公", "basis", "依据(如中心关于周末不打烊的通知)");
    }

    @Override
    public java.util.Set<String> multiValueColumns() {
        return java.util.Set.of("days");
    }

    /** A calendar of an earlier release gains the (empty) table of windows that keep other hours. */
    @Override
    public List<RuleFile> upgrade(List<RuleFile> files) {
        if (files.stream().anyMatch(f -> f.name().equals(WindowHoursParser.FILE))) {
            return files;
        }
        List<RuleFile> upgraded = new ArrayList<>(files);
        upgraded.add(officeHoursFile());
        return upgraded;
    }

    @Override
    public String upgradeNote() {
        return "版本升级: 增加「窗口办公时间」表(暂无窗口与全中心不同), 各年日历不变";
    }

    private static RuleFile officeHoursFile() {
        return new RuleFile(WindowHoursParser.FILE,
                CalendarService.bundledFiles().get(WindowHoursParser.FILE).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String fileTitle(String fileName) {
        if (fileName.equals(WindowHoursParser.FILE)) {
            return "窗口办公时间";
        }
        return fileName.matches("\\d{4}\\.csv") ? fileName.substring(0, 4) + "年日历" : title();
    }

    @Override
    public Map<String, Map<String, String>> columnOptions() {
        Map<String, String> kinds = new java.util.LinkedHashMap<>();
        kinds.put(CalendarYear.Kind.HOLIDAY.name(), "放假");
        kinds.put(CalendarYear.Kind.WORKDAY.name(), "调休上班");
        Map<String, String> yesNo = new java.util.LinkedHashMap<>();
        yesNo.put("true", "是");
        yesNo.put("false", "否");
        return Map.of("kind", kinds, "window", Groups.names(identity, Groups.WINDOW_PREFIX), "days", WindowHoursParser.DAY_LABELS,
                "holidays", yesNo);
    }

    @Override
    public List<RuleFile> bundledFiles() {
        return CalendarService.bundledFiles().entrySet().stream()
                .map(e -> new RuleFile(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8))).toList();
    }

    @Override
    public WorkingCalendar compile(String version, List<RuleFile> files) {
        List<CalendarYear> years = new ArrayList<>();
        List<WindowHours> windowHours = List.of();
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFile file : files) {
            if (file.name().equals(WindowHoursParser.FILE)) {
                try {
                    windowHours = WindowHoursParser.parse(new String(file.content(), StandardCharsets.UTF_8),
                            Groups.names(identity, Groups.WINDOW_PREFIX));
                } catch (WindowHoursParser.WindowHoursFormatException e) {
                    problems.addAll(e.problems());
                }
                continue;
            }
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
        return calendars.calendarWith(years).withWindows(windowHours);
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
