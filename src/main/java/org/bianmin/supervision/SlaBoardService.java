package org.bianmin.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bianmin.calendar.CalendarService;
import org.bianmin.calendar.WorkingCalendar;
import org.bianmin.cases.CaseProcesses;
import org.bianmin.catalogue.CaseType;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Builds the time-limit board from {@code case_record} with one aggregate query (indexed on state),
 * then looks up assignees and process instances only for the listed at-risk cases.
 */
@Service
public class SlaBoardService {

    static final int MAX_LISTED = 200;
    /** The root process of every case (cases.CaseProcesses.ROOT; supervision reads cases' data, not their services). */
    private static final String CASE_ROOT = "case-intake";
    private final NamedParameterJdbcTemplate jdbc;
    private final TaskService tasks;
    private final HistoryService history;
    private final IdentityService identity;
    private final CalendarService calendars;
    private final SupervisionOrders orders;
    private final org.bianmin.staff.StaffDirectory staff;

    public SlaBoardService(NamedParameterJdbcTemplate jdbc, TaskService tasks, HistoryService history, IdentityService identity,
                           CalendarService calendars, SupervisionOrders orders, org.bianmin.staff.StaffDirectory staff) {
        this.orders = orders;
        this.staff = staff;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.history = history;
        this.identity = identity;
        this.calendars = calendars;
    }

    public SlaBoard board() {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        WorkingCalendar calendar = calendars.calendar();
        ZoneId zone = calendar.zone();
        Map<String, String> names = identity.createGroupQuery().list().stream()
                .collect(Collectors.toMap(Group::getId, g -> g.getName() == null ? g.getId() : g.getName(), (a, b) -> a));
        var params = new MapSqlParameterSource("now", Timestamp.from(now));
        Map<String, int[]> byWindow = new TreeMap<>();
        Map<String, int[]> byType = new LinkedHashMap<>();
        Arrays.stream(CaseType.values()).forEach(t -> byType.put(t.name(), new int[4]));
        int[] totals = new int[4];
        jdbc.query("""
                select window_group, case_type,
                  sum(case when state = 'WAITING_SUPPLEMENT' then 1 else 0 end) paused,
                  sum(case when state = 'IN_PROGRESS' and deadline < :now then 1 else 0 end) overdue,
                  sum(case when state = 'IN_PROGRESS' and deadline >= :now and warn_at <= :now then 1 else 0 end) warning,
                  sum(case when state = 'IN_PROGRESS' and deadline >= :now and warn_at > :now then 1 else 0 end) on_time
                from case_record where state in ('IN_PROGRESS', 'WAITING_SUPPLEMENT')
                group by window_group, case_type""", params, rs -> {
            int[] counts = {rs.getInt("on_time"), rs.getInt("warning"), rs.getInt("overdue"), rs.getInt("paused")};
            add(byWindow.computeIfAbsent(rs.getString("window_group"), k -> new int[4]), counts);
            add(byType.computeIfAbsent(rs.getString("case_type"), k -> new int[4]), counts);
            add(totals, counts);
        });
        List<SlaBoard.AtRisk> atRisk = atRisk(params, now, calendar, names);
        Map<String, Integer> total = new LinkedHashMap<>();
        total.put("ON_TIME", totals[0]);
        total.put("WARNING", totals[1]);
        total.put("OVERDUE", totals[2]);
        total.put("PAUSED", totals[3]);
        return new SlaBoard(now.atZone(zone).toOffsetDateTime(), total,
                byWindow.entrySet().stream().map(e -> count(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue())).toList(),
                byType.entrySet().stream().map(e -> count(e.getKey(), CaseType.valueOf(e.getKey()).label(), e.getValue())).toList(),
                atRisk);
    }

    private List<SlaBoard.AtRisk> atRisk(MapSqlParameterSource params, Instant now, WorkingCalendar calendar,
                                         Map<String, String> names) {
        List<Row> rows = jdbc.query("""
                select case_number, item_name, window_group, case_type, deadline from case_record
                where state = 'IN_PROGRESS' and warn_at <= :now
                order by deadline, case_number fetch first %d rows only""".formatted(MAX_LISTED), params,
                (rs, i) -> new Row(rs.getString("case_number"), rs.getString("item_name"), rs.getString("window_group"),
                        rs.getString("case_type"), rs.getTimestamp("deadline").toInstant()));
        if (rows.isEmpty()) {
            return List.of();
        }
        String[] numbers = rows.stream().map(Row::caseNumber).toArray(String[]::new);
        Map<String, String> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(numbers)
                .processDefinitionKeyIn(CaseProcesses.CASE_TYPE_PROCESSES.toArray(String[]::new)).unfinished().list().stream()
                .collect(Collectors.toMap(HistoricProcessInstance::getBusinessKey, HistoricProcessInstance::getId, (a, b) -> a));
        Map<String, String> caseOfInstance = instances.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        Map<String, List<String>> assignees = new HashMap<>();
        if (!caseOfInstance.isEmpty()) {
            for (Task task : tasks.createTaskQuery().processInstanceIdIn(caseOfInstance.keySet().toArray(String[]::new)).list()) {
                if (task.getAssignee() != null) {
                    assignees.computeIfAbsent(caseOfInstance.get(task.getProcessInstanceId()), k -> new ArrayList<>())
                            .add(task.getAssignee());
                }
            }
        }
        // Cockpit opens the case's one root instance: its diagram shows the work step and the waiting timers
        Map<String, String> roots = history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(numbers)
                .processDefinitionKey(CASE_ROOT).rootProcessInstances().unfinished().list().stream()
                .collect(Collectors.toMap(HistoricProcessInstance::getBusinessKey, HistoricProcessInstance::getId, (a, b) -> a));
        Map<String, SupervisionOrder> latestOrders = orders.latest(java.util.Arrays.asList(numbers));
        Map<String, String> people = new HashMap<>();
        List<SlaBoard.AtRisk> result = new ArrayList<>();
        for (Row row : rows) {
            String number = row.caseNumber();
            Instant deadline = row.deadline();
            boolean overdue = deadline.isBefore(now);
            result.add(new SlaBoard.AtRisk(number, row.itemName(), row.window(), names.getOrDefault(row.window(), row.window()),
                    row.caseType(), overdue ? "OVERDUE" : "WARNING", assignees.getOrDefault(number, List.of()),
                    deadline.atZone(calendar.zone()).toOffsetDateTime(),
                    overdue ? calendar.workingMinutesBetween(deadline, now) : 0, roots.getOrDefault(number, instances.get(number)),
                    assignees.getOrDefault(number, List.of()).stream().map(id -> people.computeIfAbsent(id, staff::name)).toList(),
                    supervision(latestOrders.get(number)), supervisionLabel(latestOrders.get(number)),
                    latestOrders.containsKey(number) ? latestOrders.get(number).id() : null));
        }
        return result;
    }

    /** 未督办 / 待回复 / 已回复 of a case's newest 督办单. */
    static String supervision(SupervisionOrder order) {
        return order == null ? "NONE" : order.state().name();
    }

    static String supervisionLabel(SupervisionOrder order) {
        if (order == null) {
            return "未督办";
        }
        return switch (order.state()) {
            case OPEN -> "待回复";
            case ESCALATED -> "待回复(逾期, 已报中心领导)";
            case REPLIED -> order.repliedLate() ? "已回复(逾期回复)" : "已回复";
            case CLOSED -> "未回复, 案件已结束";
        };
    }

    private record Row(String caseNumber, String itemName, String window, String caseType, Instant deadline) {
    }

    private static SlaBoard.Count count(String key, String name, int[] c) {
        return new SlaBoard.Count(key, name, c[0], c[1], c[2], c[3]);
    }

    private static void add(int[] into, int[] counts) {
        for (int i = 0; i < into.length; i++) {
            into[i] += counts[i];
        }
    }
}
