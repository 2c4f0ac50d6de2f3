package org.bianmin.proxy;

import org.bianmin.web.Text;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bianmin.calendar.CalendarService;
import org.bianmin.cases.CaseProcesses;
import org.bianmin.cases.CaseRecord;
import org.bianmin.cases.CaseRepository;
import org.bianmin.cases.CaseState;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.bianmin.hallduties.HallDutyLimits;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.bianmin.staff.HallTime;
import org.bianmin.staff.StaffDirectory;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proxy service (代办): a clerk (代办员) carries a case in progress to the responsible department
 * within the rule-table limit ({@code proxy.delivery}, 24 hours); {@code proxy-delivery} gives the
 * proxy a delivery task whose timer records a {@code PROXY_DELIVERY_OVERDUE} event and escalates to
 * the supervisors. The case records who carried it and when it arrived; when the case ends, an
 * undelivered proxy's process ends with it.
 */
@Service
public class ProxyService {

    public static final String PROCESS = "proxy-delivery";
    static final String DELIVERY_TASK = "confirmDelivery";
    private static final Set<CaseEventType> CASE_ENDED = Set.of(CaseEventType.CASE_COMPLETED, CaseEventType.CASE_REJECTED,
            CaseEventType.CASE_RETURNED, CaseEventType.CASE_WITHDRAWN);

    public record ProxyRequest(@Text(max = 64) String proxy, @Text(max = 64) String deliverTo, @Text(max = 1000, multiline = true) String note) {
    }

    public record DeliveryRequest(@Text(max = 1000, multiline = true) String note) {
    }

    /** Who carried the case, to which department, when it arrived and whether late. */
    public record ProxyView(long id, String caseNumber, String proxy, String proxyName, String deliverTo, String deliverToName,
                            String note, String state, OffsetDateTime entrustedAt, String entrustedBy, OffsetDateTime deliveryDue,
                            OffsetDateTime deliveredAt, String deliveredBy, String deliveredNote, boolean late, boolean overdue,
                            String closedNote) {
    }

    private record Row(long id, String caseNumber, String proxy, String deliverTo, String note, String state, Instant entrustedAt,
                       String entrustedBy, Instant deliveryDue, Instant deliveredAt, String deliveredBy, String deliveredNote,
                       boolean overdue, String closedNote) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseRepository cases;
    private final StaffDirectory directory;
    private final CaseEventRepository events;
    private final HallDutyLimits limits;
    private final CaseProcesses processes;
    private final TaskService tasks;
    private final SystemAuthority system;
    private final CalendarService calendars;

    ProxyService(NamedParameterJdbcTemplate jdbc, CaseRepository cases, StaffDirectory directory, CaseEventRepository events,
                 HallDutyLimits limits, CaseProcesses processes, TaskService tasks, SystemAuthority system, CalendarService calendars) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.directory = directory;
        this.events = events;
        this.limits = limits;
        this.processes = processes;
        this.tasks = tasks;
        this.system = system;
        this.calendars = calendars;
    }

    @Transactional
    public ProxyView entrust(String caseNumber, ProxyRequest request, CurrentUser user) {
        if (request == null) {
            throw ApiException.missingBody();
        }
        String proxy = directory.requireUser("proxy", "代办员", request.proxy());
        if (!directory.isMember(proxy, Groups.CLERKS)) {
            throw ApiException.invalidField("proxy", "代办员必须是窗口工作人员: " + proxy, "the proxy must be a clerk");
        }
        String department = directory.requireDepartment("deliverTo", request.deliverTo());
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && note.length() > 1000) {
            throw ApiException.invalidField("note", "备注不能超过1000字", "at most 1000 characters");
        }
        CaseRecord c = cases.lock(caseNumber).orElseThrow(() -> unknownCase(caseNumber));
        if (c.state() != CaseState.IN_PROGRESS) {
            throw ApiException.conflict("CASE_NOT_IN_PROGRESS", "案件 " + caseNumber + " 当前状态为" + c.state().label()
                    + ", 只有办理中的案件可以代办 / only a case in progress can be given to a proxy (state " + c.state() + ")");
        }
        if (open(caseNumber).isPresent()) {
            throw ApiException.conflict("PROXY_OPEN", "案件 " + caseNumber + " 已有未送达的代办 / the case already has an open proxy");
        }
        Instant now = now();
        Instant due = limits.after(HallDutyLimits.PROXY_DELIVERY, now);
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into case_proxy (case_number, proxy, deliver_to, note, state, entrusted_at, entrusted_by, delivery_due, overdue)
                values (:caseNumber, :proxy, :deliverTo, :note, 'OPEN', :at, :by, :due, false)""",
                new MapSqlParameterSource("caseNumber", caseNumber).addValue("proxy", proxy).addValue("deliverTo", department)
                        .addValue("note", note).addValue("at", Timestamp.from(now)).addValue("by", user.id())
                        .addValue("due", Timestamp.from(due)), keys, new String[] {"id"});
        long id = keys.getKey().longValue();
        String summary = "**代办 案件" + caseNumber + "**  \n事项: " + c.itemName() + "  \n申请人: " + c.applicant().name()
                + "  \n代办员: " + directory.name(proxy) + "  \n送达部门: " + directory.groupName(department)
                + "  \n送达期限: " + HallTime.show(due, zone()) + "(" + limits.describe(HallDutyLimits.PROXY_DELIVERY) + "内)"
                + "  \n委托登记: " + directory.name(user.id()) + (note == null ? "" : "  \n备注: " + note);
        if (!processes.correlate(caseNumber, CaseProcesses.PROXY_ENTRUSTED, Map.of("proxyId", id, "proxy", proxy, "deliverTo", department,
                "deliveryDue", Date.from(due), "proxySummary", summary))) {
            throw ApiException.conflict("CASE_NOT_AT_WORK", "案件 " + caseNumber + " 当前不在办理环节, 不能委托代办 / the case is not at its work step");
        }
        return view(find(id));
    }

    /** {@code POST .../proxy/delivered}: the proxy or a supervisor confirms the delivery. */
    @Transactional
    public ProxyView delivered(String caseNumber, DeliveryRequest request, CurrentUser user) {
        cases.find(caseNumber).orElseThrow(() -> unknownCase(caseNumber));
        Row row = open(caseNumber).orElseThrow(() -> ApiException.conflict("NO_OPEN_PROXY",
                "案件 " + caseNumber + " 没有待送达的代办 / the case has no open proxy"));
        if (!user.id().equals(row.proxy()) && !user.isIn(Groups.SUPERVISORS)) {
            throw ApiException.forbidden("只有代办员本人或督查可以确认送达 / only the proxy or a supervisor may confirm the delivery");
        }
        String note = request == null || request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && note.length() > 1000) {
            throw ApiException.invalidField("note", "送达情况不能超过1000字", "at most 1000 characters");
        }
        Task task = tasks.createTaskQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(DELIVERY_TASK).singleResult();
        if (task == null) {
            throw new IllegalStateException("open proxy " + row.id() + " of " + caseNumber + " has no delivery task");
        }
        var variables = Variables.createVariables().putValue("deliveredBy", user.id()).putValue("deliveredNote", note);
        system.run(() -> tasks.complete(task.getId(), variables));
        return view(find(row.id()));
    }

    public ProxyView latest(String caseNumber) {
        cases.find(caseNumber).orElseThrow(() -> unknownCase(caseNumber));
        return jdbc.query("select * from case_proxy where case_number = :n order by entrusted_at desc, id desc",
                        new MapSqlParameterSource("n", caseNumber), (rs, i) -> row(rs)).stream().findFirst().map(this::view)
                .orElseThrow(() -> ApiException.notFound("NO_PROXY", "案件 " + caseNumber + " 没有代办记录 / the case was not given to a proxy"));
    }

    /** The delivery as the process records it (service task after the proxy's task). */
    public void recordDelivered(long id, String by, String note) {
        jdbc.update("""
                update case_proxy set state = 'DELIVERED', delivered_at = :at, delivered_by = :by, delivered_note = :note
                where id = :id and state = 'OPEN'""", new MapSqlParameterSource("id", id).addValue("at", Timestamp.from(now()))
                .addValue("by", by).addValue("note", note));
    }

    /** The delivery limit passed: an event for the proxy (the escalation task follows in the process). */
    public void deliveryOverdue(long id) {
        Row row = find(id);
        jdbc.update("update case_proxy set overdue = true where id = :id", new MapSqlParameterSource("id", id));
        events.record(CaseEventType.PROXY_DELIVERY_OVERDUE, row.caseNumber(), row.proxy(), directory.windowOf(row.proxy()).orElse(null),
                now(), "代办员" + directory.name(row.proxy()) + "未在" + limits.describe(HallDutyLimits.PROXY_DELIVERY) + "内将案件送达"
                        + directory.groupName(row.deliverTo()) + " / proxy delivery overdue");
    }

    /** A case that ends leaves no proxy timer running: its open proxy is closed with it. */
    @EventListener
    public void caseEnded(CaseEventRepository.CaseEvent event) {
        if (!CASE_ENDED.contains(event.type()) || event.caseNumber() == null) {
            return;
        }
        // the delivery step is part of the case's root process, which ends with the case
        jdbc.update("update case_proxy set state = 'CLOSED', closed_note = :note where case_number = :n and state = 'OPEN'",
                new MapSqlParameterSource("n", event.caseNumber()).addValue("note", "案件已结束, 未确认送达 / case ended (" + event.type() + ")"));
    }

    private Optional<Row> open(String caseNumber) {
        return jdbc.query("select * from case_proxy where case_number = :n and state = 'OPEN'",
                new MapSqlParameterSource("n", caseNumber), (rs, i) -> row(rs)).stream().findFirst();
    }

    private Row find(long id) {
        return jdbc.queryForObject("select * from case_proxy where id = :id", new MapSqlParameterSource("id", id), (rs, i) -> row(rs));
    }

    private ProxyView view(Row r) {
        boolean late = r.overdue() || (r.deliveredAt() != null ? r.deliveredAt().isAfter(r.deliveryDue())
                : "OPEN".equals(r.state()) && now().isAfter(r.deliveryDue()));
        return new ProxyView(r.id(), r.caseNumber(), r.proxy(), directory.name(r.proxy()), r.deliverTo(),
                directory.groupName(r.deliverTo()), r.note(), r.state(), local(r.entrustedAt()), r.entrustedBy(), local(r.deliveryDue()),
                local(r.deliveredAt()), r.deliveredBy(), r.deliveredNote(), late, r.overdue(), r.closedNote());
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("case_number"), rs.getString("proxy"), rs.getString("deliver_to"),
                rs.getString("note"), rs.getString("state"), instant(rs.getTimestamp("entrusted_at")), rs.getString("entrusted_by"),
                instant(rs.getTimestamp("delivery_due")), instant(rs.getTimestamp("delivered_at")), rs.getString("delivered_by"),
                rs.getString("delivered_note"), rs.getBoolean("overdue"), rs.getString("closed_note"));
    }

    static ApiException unknownCase(String caseNumber) {
        return ApiException.notFound("UNKNOWN_CASE", "案件不存在 / no such case: " + caseNumber);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private ZoneId zone() {
        return calendars.calendar().zone();
    }

    private OffsetDateTime local(Instant at) {
        return HallTime.local(at, zone());
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
