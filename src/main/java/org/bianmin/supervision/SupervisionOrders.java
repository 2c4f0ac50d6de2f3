package org.bianmin.supervision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bianmin.calendar.CalendarService;
import org.bianmin.calendar.WorkingCalendar;
import org.bianmin.cases.CaseProcesses;
import org.bianmin.cases.CaseRecord;
import org.bianmin.cases.CaseRepository;
import org.bianmin.cases.CaseState;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventRepository.CaseEvent;
import org.bianmin.events.CaseEventType;
import org.bianmin.hallduties.HallDutyLimits;
import org.bianmin.staff.RosterService;
import org.bianmin.staff.StaffDirectory;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办单: a supervisor or director orders a responsible person to act on an at-risk or overdue case
 * and to reply by a limit (hall-duty rule {@code supervision.reply}); the order runs in the case's
 * root instance (message 下达督办单 → called process {@code supervision-order}): the reply task, and
 * after the limit the directors' 二次督办. Every step is a case event, so it is in the case's timeline.
 */
@Service
public class SupervisionOrders implements org.bianmin.cases.CaseSupervision {

    /** The root's message that starts an order's reply (see processes/case-intake.bpmn). */
    public static final String ORDER_MESSAGE = "下达督办单";
    static final String REPLY_TASK = "replyToOrder";
    static final int MAX_INSTRUCTION = 1000;
    static final int MAX_REPLY = 2000;
    static final int MAX_REPLY_DAYS = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final Set<CaseEventType> CASE_ENDS = Set.of(CaseEventType.CASE_COMPLETED, CaseEventType.CASE_REJECTED,
            CaseEventType.CASE_RETURNED, CaseEventType.CASE_WITHDRAWN, CaseEventType.CASE_TERMINATED);
    /** What a person reads of an order: names, labels and times in the centre's zone. */
    public record OrderView(long id, String caseNumber, String window, String windowName, String instruction, String issuedBy,
                            String issuedByName, OffsetDateTime issuedAt, String to, String toName, OffsetDateTime replyDue,
                            SupervisionOrder.State state, String stateLabel, String replyText, OffsetDateTime repliedAt,
                            boolean repliedLate, OffsetDateTime escalatedAt, String secondNote, String secondByName) {
    }

    private final SupervisionOrderRepository orders;
    private final CaseRepository cases;
    private final CaseProcesses processes;
    private final CaseEventRepository events;
    private final StaffDirectory staff;
    private final RosterService roster;
    private final TaskService tasks;
    private final SystemAuthority system;
    private final CalendarService calendars;
    private final HallDutyLimits limits;

    SupervisionOrders(SupervisionOrderRepository orders, CaseRepository cases, CaseProcesses processes, CaseEventRepository events,
                      StaffDirectory staff, RosterService roster, TaskService tasks, SystemAuthority system,
                      CalendarService calendars, HallDutyLimits limits) {
        this.orders = orders;
        this.cases = cases;
        this.processes = processes;
        this.events = events;
        this.staff = staff;
        this.roster = roster;
        this.tasks = tasks;
        this.system = system;
        this.calendars = calendars;
        this.limits = limits;
    }

    /** Issues an order on a running case at warning or overdue; {@code to} and the days fall back to the defaults. */
    @Transactional
    public OrderView issue(String caseNumber, String instruction, String to, Integer replyWithinWorkingDays, String issuedBy) {
        return issue(caseNumber, instruction, to, replyWithinWorkingDays, issuedBy, false);
    }

    /**
     * {@code escalated}: issued from the 督办 task the overdue timer opened, so the case is known to be
     * overdue (its SLA timer said so) and is not checked against the clock again.
     */
    @Transactional
    public OrderView issue(String caseNumber, String instruction, String to, Integer replyWithinWorkingDays, String issuedBy,
                           boolean escalated) {
        CaseRecord c = cases.lock(caseNumber).orElseThrow(() -> ApiException.notFound("UNKNOWN_CASE", "案件不存在 / no such case: " + caseNumber));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (c.state() != CaseState.IN_PROGRESS || c.deadline() == null) {
            throw ApiException.conflict("CASE_NOT_RUNNING", "案件" + c.state().label() + ", 不在办理中, 不能下达督办单 / the case is not being worked on");
        }
        if (!escalated && c.warnAt() != null && now.isBefore(c.warnAt())) {
            throw ApiException.conflict("NOT_AT_RISK", "案件尚未进入预警期(预警时间 " + TIME.format(c.warnAt().atZone(zone()))
                    + "), 督办单用于即将超期或已超期的案件 / the case is not at risk yet");
        }
        String text = instruction == null ? "" : instruction.strip();
        if (text.isEmpty() || text.length() > MAX_INSTRUCTION) {
            throw ApiException.invalidField("instruction", "请填写督办要求(不超过" + MAX_INSTRUCTION + "字)", "an instruction of at most "
                    + MAX_INSTRUCTION + " characters is required");
        }
        if (replyWithinWorkingDays != null && (replyWithinWorkingDays < 1 || replyWithinWorkingDays > MAX_REPLY_DAYS)) {
            throw ApiException.invalidField("replyWithinWorkingDays", "回复时限须为1至" + MAX_REPLY_DAYS + "个工作日",
                    "must be 1 to " + MAX_REPLY_DAYS + " working days");
        }
        String responsible = to == null || to.isBlank() ? defaultResponsible(c).orElseThrow(() -> ApiException.invalidField("to",
                "本案当前无人办理, 窗口也未设A岗, 请指定责任人", "nobody holds the case and the window has no A post: name the responsible person"))
                : staff.requireUser("to", "责任人", to.strip());
        // a case registered under an earlier version of the root moves to the version that takes orders
        if (!processes.waitsFor(caseNumber, ORDER_MESSAGE)
                && !(processes.bringToLatest(caseNumber) && processes.waitsFor(caseNumber, ORDER_MESSAGE))) {
            throw ApiException.conflict("CASE_NOT_RUNNING", "案件当前不在办理环节, 不能下达督办单 / the case's work step is not running");
        }
        WorkingCalendar calendar = calendars.calendar().forWindow(c.window());
        Instant replyDue = replyWithinWorkingDays == null ? limits.after(HallDutyLimits.SUPERVISION_REPLY, now, calendar)
                : calendar.afterWorkingDays(now, replyWithinWorkingDays);
        long id = orders.insert(caseNumber, c.window(), text, issuedBy, now, responsible, replyDue);
        events.record(CaseEventType.SUPERVISION_ORDERED, caseNumber, issuedBy, c.window(), now,
                text + "; 责任人: " + staff.name(responsible) + "; 回复时限: " + TIME.format(replyDue.atZone(zone())) + "前");
        SupervisionOrder order = orders.find(id).orElseThrow();
        if (!processes.correlate(caseNumber, ORDER_MESSAGE, Variables.createVariables().putValue("orderId", id)
                .putValue("orderTo", responsible).putValue("orderReplyDue", Date.from(replyDue))
                .putValue("orderSummary", summary(order, c)))) {
            throw new IllegalStateException("the root of " + caseNumber + " stopped waiting for " + ORDER_MESSAGE);
        }
        return view(order);
    }

    /** The responsible person's answer, given here or in Tasklist: both complete the order's reply task. */
    @Transactional
    public OrderView reply(long id, String text, String user, boolean admin) {
        SupervisionOrder order = find(id);
        if (!admin && !order.responsible().equals(user)) {
            throw ApiException.forbidden("只有督办单的责任人(" + staff.name(order.responsible()) + ")可以回复 / only the responsible person replies");
        }
        if (!order.state().awaitsReply()) {
            throw ApiException.conflict("ORDER_CLOSED", "督办单" + order.state().label() + ", 不能再回复 / the order takes no reply now");
        }
        String reply = text == null ? "" : text.strip();
        if (reply.isEmpty() || reply.length() > MAX_REPLY) {
            throw ApiException.invalidField("text", "请填写回复的办理情况(不超过" + MAX_REPLY + "字)", "a reply of at most " + MAX_REPLY
                    + " characters is required");
        }
        Task task = system.call(() -> tasks.createTaskQuery().taskDefinitionKey(REPLY_TASK).processVariableValueEquals("orderId", id)
                .singleResult());
        if (task == null) {
            throw ApiException.conflict("ORDER_CLOSED", "督办单已随案件结束 / the order ended with its case");
        }
        system.run(() -> tasks.complete(task.getId(), Variables.createVariables().putValue("replyText", reply)));
        return view(find(id));
    }

    /** 登记回复 (the reply task is done): the order is answered, late or in time. */
    @Transactional
    public void recordReply(long id, String text, String by) {
        SupervisionOrder order = orders.lock(id).orElseThrow();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        orders.replied(id, text, now);
        events.record(CaseEventType.SUPERVISION_REPLIED, order.caseNumber(), by == null ? order.responsible() : by, order.window(), now,
                (now.isAfter(order.replyDue()) ? "(逾期回复) " : "") + text);
    }

    /** The reply limit passed: the directors are told (二次督办). */
    @Transactional
    public void escalate(long id) {
        SupervisionOrder order = orders.lock(id).orElseThrow();
        if (order.state() != SupervisionOrder.State.OPEN) {
            return;
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        orders.escalated(id, now);
        events.record(CaseEventType.SUPERVISION_ESCALATED, order.caseNumber(), null, order.window(), now,
                staff.name(order.responsible()) + "未在" + TIME.format(order.replyDue().atZone(zone())) + "前回复督办单, 已报中心领导二次督办");
    }

    /** A director's instruction on an order answered late or not at all. */
    @Transactional
    public void recordSecond(long id, String note, String by) {
        SupervisionOrder order = orders.lock(id).orElseThrow();
        String text = note == null || note.isBlank() ? "已二次督办" : note.strip();
        orders.secondNote(id, text, by);
        events.record(CaseEventType.SUPERVISION_SECOND, order.caseNumber(), by, order.window(), ClockUtil.getCurrentTime().toInstant(), text);
    }

    /** A case that ends takes its unanswered orders with it (its root, with their reply tasks, has ended). */
    @EventListener
    public void onCaseEvent(CaseEvent event) {
        if (CASE_ENDS.contains(event.type()) && event.caseNumber() != null) {
            orders.closeOpen(event.caseNumber());
        }
    }

    /**
     * Who answers an order by default: whoever holds the case's work now, else the A post of its
     * window (the board's and the 督办 task's suggestion).
     */
    public Optional<String> defaultResponsible(CaseRecord c) {
        Optional<String> holder = processes.openTasks(c.caseNumber()).stream().filter(CaseProcesses::isWork).map(Task::getAssignee)
                .filter(a -> a != null).findFirst();
        if (holder.isPresent()) {
            return holder;
        }
        return roster.posts().stream().filter(p -> c.window().equals(p.window()) && p.a() != null).map(p -> p.a()).findFirst();
    }

    /** The reply limit in working days the rule table gives (the 督办 form's default). */
    public int defaultReplyDays() {
        return limits.limit(HallDutyLimits.SUPERVISION_REPLY).value();
    }

    public SupervisionOrder find(long id) {
        return orders.find(id).orElseThrow(() -> ApiException.notFound("UNKNOWN_ORDER", "督办单不存在 / no such supervision order: " + id));
    }

    @Override
    public List<OrderView> orders(String caseNumber) {
        return orders.forCase(caseNumber).stream().map(this::view).toList();
    }

    /** The newest order of each listed case. */
    Map<String, SupervisionOrder> latest(List<String> caseNumbers) {
        return orders.latest(caseNumbers);
    }

    /** The register (督办登记簿): by state, window and month of issue. */
    public List<OrderView> register(SupervisionOrder.State state, String window, YearMonth month) {
        ZoneId zone = zone();
        Instant from = month == null ? null : month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month == null ? null : month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return orders.search(state == null ? null : state.name(), window, from, to).stream().map(this::view).toList();
    }

    OrderView view(SupervisionOrder o) {
        return new OrderView(o.id(), o.caseNumber(), o.window(), staff.windowName(o.window()), o.instruction(), o.issuedBy(),
                staff.name(o.issuedBy()), offset(o.issuedAt()), o.responsible(), staff.name(o.responsible()), offset(o.replyDue()),
                o.state(), o.state().label(), o.replyText(), offset(o.repliedAt()), o.repliedLate(), offset(o.escalatedAt()),
                o.secondNote(), o.secondBy() == null ? null : staff.name(o.secondBy()));
    }

    /** What the reply task and the directors' 二次督办 show. */
    private String summary(SupervisionOrder o, CaseRecord c) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        return "**督办单**: 第" + o.id() + "号  \n**案件编号**: " + c.caseNumber() + " ([办件详情](/cases/" + c.caseNumber() + "))  \n"
                + "**申请事项**: " + c.itemName() + "  \n**办结时限**: " + TIME.format(c.deadline().atZone(zone()))
                + (now.isAfter(c.deadline()) ? " (已超期)" : " (即将超期)") + "  \n**督办人**: " + staff.name(o.issuedBy())
                + "  \n**责任人**: " + staff.name(o.responsible()) + "  \n**回复时限**: " + TIME.format(o.replyDue().atZone(zone()))
                + "前, 逾期未回复的报中心领导二次督办  \n\n**督办要求**: " + o.instruction();
    }

    private OffsetDateTime offset(Instant at) {
        return at == null ? null : at.atZone(zone()).toOffsetDateTime();
    }

    private ZoneId zone() {
        return calendars.calendar().zone();
    }
}
