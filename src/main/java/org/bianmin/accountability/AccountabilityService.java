package org.bianmin.accountability;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.bianmin.calendar.CalendarService;
import org.bianmin.discipline.DisciplineEvent;
import org.bianmin.staff.StaffDirectory;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventRepository.CaseEvent;
import org.bianmin.rules.RuleEngine;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.bianmin.cases.CaseRecord;
import org.bianmin.cases.CaseRepository;
import org.bianmin.hallduties.HallDutyLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns events into accountability records with the trigger rule table: every case event and
 * discipline event is evaluated; when the table proposes a measure, a record is stored and a
 * review task opens for the supervisors, who confirm or dismiss it with a reason.
 */
@Service
public class AccountabilityService {

    public static final String REVIEW_PROCESS = "accountability-review";
    static final int MAX_REASON = 1000;
    static final int MAX_STATEMENT = 2000;
    static final String STATEMENT_TASK = "submitStatement";
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final RuleEngine rules;
    private final AccountabilityRuleSet ruleSet;
    private final AccountabilityRepository records;
    private final CaseEventRepository caseEvents;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final SystemAuthority system;
    private final ZoneId zone;
    private final AccountabilityTally tally;
    private final StaffDirectory staffDirectory;
    private final HallDutyLimits limits;
    private final ApplicationEventPublisher publisher;
    private final CaseRepository cases;
    private final CalendarService calendars;

    /** A record was confirmed or dismissed: what the month's draft sheet counts has changed. */
    public record Decided(long recordId, String staff, YearMonth month) {
    }

    public AccountabilityService(RuleEngine rules, AccountabilityRuleSet ruleSet, AccountabilityRepository records,
                                 CaseEventRepository caseEvents,
                                 RuntimeService runtime, TaskService tasks, SystemAuthority system, CalendarService calendars,
                                 AccountabilityTally tally, StaffDirectory staffDirectory, HallDutyLimits limits,
                                 ApplicationEventPublisher publisher, CaseRepository cases) {
        this.limits = limits;
        this.publisher = publisher;
        this.cases = cases;
        this.calendars = calendars;
        this.tally = tally;
        this.staffDirectory = staffDirectory;
        this.rules = rules;
        this.ruleSet = ruleSet;
        this.records = records;
        this.caseEvents = caseEvents;
        this.runtime = runtime;
        this.tasks = tasks;
        this.system = system;
        this.zone = calendars.calendar().zone();
    }

    /**
     * Runs as the transaction that recorded the event is about to commit: the lock on the person's
     * month (below) is then held for the evaluation and the record only, not for the rest of the
     * work that recorded the event (an overdue's 督办 task, its history, the engine's flush), so that
     * one person's overdues due at once do not queue behind each other's whole jobs.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    @Transactional
    public void onCaseEvent(CaseEvent event) {
        if (!ruleSet.mayTrigger(event.type().name())) {
            return;
        }
        String staff = caseEvents.responsibleStaff(event);
        String window = staff == null ? event.window() : staffDirectory.windowOf(staff).orElse(event.window());
        propose("CASE", event.id(), event.type().name(), event.caseNumber(), staff, window, event.occurredAt(),
                event.excusedOverdue(), event.registeredLate());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    @Transactional
    public void onDisciplineEvent(DisciplineEvent event) {
        if (!ruleSet.mayTrigger(event.type().name())) {
            return;
        }
        propose("DISCIPLINE", event.id(), event.type().name(), null, event.staff(), event.window(), event.occurredAt(), false, false);
    }

    private void propose(String source, long eventId, String type, String caseNumber, String staff, String window,
                         Instant at, boolean excused, boolean registeredLate) {
        YearMonth month = YearMonth.from(at.atZone(zone));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        // 陈述申辩: the person it names is heard before a supervisor decides
        Instant statementDue = staff == null ? null : limits.after(HallDutyLimits.ACCOUNTABILITY_STATEMENT, now);
        // what does not depend on the count is read before the lock, which is held until the commit
        SummaryContext context = context(staff, window, caseNumber, at);
        // parallel timer jobs (one node's pool, or several nodes) number the same person's month one after another
        int occurrence = (staff == null ? 0 : lockTally(staff, type, month)) + 1;
        MeasureProposal proposal = new MeasureProposal();
        RuleEngine.Evaluation evaluation = evaluate(proposal, new TriggerFact(type, occurrence, excused, registeredLate));
        if (proposal.measure() == null) {
            return;
        }
        AccountabilityRecord proposed = new AccountabilityRecord(0, source, eventId, type, caseNumber, staff, window, at,
                occurrence, proposal.measure(), BigDecimal.valueOf(proposal.fine()), evaluation.version(),
                evaluation.firedRules().isEmpty() ? null : evaluation.firedRules().get(0),
                AccountabilityRecord.State.PROPOSED, null, null, now, null, null, null, statementDue);
        long id = records.insert(proposed);
        if (staff != null) {
            tally.add(staff, type, month, 1);
        }
        String summary = summary(proposed.withId(id), context);
        system.run(() -> runtime.startProcessInstanceByKey(REVIEW_PROCESS, "ACC-" + id, Variables.createVariables()
                .putValue("recordId", id).putValue("caseNumber", caseNumber).putValue("staff", staff)
                .putValue("statementDue", statementDue == null ? null : java.util.Date.from(statementDue))
                .putValue("caseSummary", summary)));
    }

    private RuleEngine.Evaluation evaluate(MeasureProposal proposal, TriggerFact fact) {
        return rules.evaluate(AccountabilityRuleSet.NAME, Map.of("proposal", proposal), fact);
    }

    /** The responsible person's 陈述申辩, given here or in Tasklist: both complete the record's statement task. */
    @Transactional
    public AccountabilityRecord statement(long id, String text, String user) {
        AccountabilityRecord record = find(id);
        if (!user.equals(record.staff())) {
            throw ApiException.forbidden("只有被提出问责的本人可以陈述申辩 / only the person the record names makes a statement");
        }
        if (record.state() != AccountabilityRecord.State.PROPOSED) {
            throw ApiException.conflict("ALREADY_DECIDED", "该记录已审核(" + record.state() + "), 不能再陈述申辩 / already decided");
        }
        if (record.statement() != null) {
            throw ApiException.conflict("STATEMENT_GIVEN", "已提交过陈述申辩 / a statement was already made");
        }
        if (record.statementDue() == null || ClockUtil.getCurrentTime().toInstant().isAfter(record.statementDue())) {
            throw ApiException.conflict("STATEMENT_CLOSED", "陈述申辩期限已过 / the time for a statement has passed");
        }
        String statement = text == null ? "" : text.strip();
        if (statement.isEmpty() || statement.length() > MAX_STATEMENT) {
            throw ApiException.invalidField("text", "请填写陈述申辩(不超过" + MAX_STATEMENT + "字)", "a statement of at most "
                    + MAX_STATEMENT + " characters is required");
        }
        Task task = system.call(() -> tasks.createTaskQuery().processInstanceBusinessKey("ACC-" + id)
                .taskDefinitionKey(STATEMENT_TASK).singleResult());
        if (task == null) {
            recordStatement(id, statement);
        } else {
            system.run(() -> tasks.complete(task.getId(), Variables.createVariables().putValue("statementText", statement)));
        }
        return find(id);
    }

    /** 登记陈述申辩: the statement is kept with the record and the supervisor's review form shows it. */
    @Transactional
    public void recordStatement(long id, String text) {
        records.statement(id, text.strip(), ClockUtil.getCurrentTime().toInstant());
        refreshReviewSummary(records.find(id).orElseThrow());
    }

    private void refreshReviewSummary(AccountabilityRecord record) {
        system.run(() -> runtime.createProcessInstanceQuery().processDefinitionKey(REVIEW_PROCESS)
                .processInstanceBusinessKey("ACC-" + record.id()).list()
                .forEach(instance -> runtime.setVariable(instance.getId(), "caseSummary", summary(record))));
    }

    @Transactional
    public AccountabilityRecord decide(long id, boolean confirm, String reason, String reviewer) {
        AccountabilityRecord record = records.find(id).orElseThrow(() -> ApiException.notFound("UNKNOWN_RECORD",
                "问责记录不存在 / no such accountability record: " + id));
        if (reviewer != null && reviewer.equals(record.staff())) {
            throw ApiException.forbidden("不能审核本人的问责记录, 请由其他督查处理 / nobody decides their own accountability record");
        }
        if (record.state() != AccountabilityRecord.State.PROPOSED) {
            throw ApiException.conflict("ALREADY_DECIDED", "该记录已审核(" + record.state() + ") / already decided");
        }
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalidField("reason", "确认或撤销都须说明理由", "a reason is required");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw ApiException.invalidField("reason", "长度不能超过" + MAX_REASON + "个字符", "must be at most " + MAX_REASON + " characters");
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (record.statement() == null && record.statementDue() != null && now.isBefore(record.statementDue())) {
            throw ApiException.conflict("STATEMENT_PENDING", staffDirectory.name(record.staff()) + "可在" + TIME.format(record.statementDue()
                    .atZone(zone)) + "前陈述申辩; 收到陈述或期限届满后再审核 / the person it names may still make a statement");
        }
        YearMonth month = YearMonth.from(record.occurredAt().atZone(zone));
        boolean uncounted = !confirm && record.staff() != null;
        if (uncounted) {
            lockTally(record.staff(), record.triggerType(), month);
        }
        records.decide(id, confirm ? AccountabilityRecord.State.CONFIRMED : AccountabilityRecord.State.DISMISSED,
                reviewer, reason.strip(), now);
        AccountabilityRecord decided = records.find(id).orElseThrow();
        if (uncounted) {
            tally.add(record.staff(), record.triggerType(), month, -1);
            renumberAfter(decided);
        }
        publisher.publishEvent(new Decided(id, decided.staff(), YearMonth.from(decided.occurredAt().atZone(zone))));
        return decided;
    }

    /**
     * A dismissed record no longer counts: the person's later proposals of the same trigger in the
     * month take their corrected number and whatever the rules propose for it now ("第三次" becomes
     * "第二次", 诫勉谈话 becomes 通报批评); decided ones stay as decided.
     */
    private void renumberAfter(AccountabilityRecord dismissed) {
        YearMonth month = YearMonth.from(dismissed.occurredAt().atZone(zone));
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        for (AccountabilityRecord later : records.proposedAfter(dismissed, from, to)) {
            int occurrence = records.countedBefore(later, from, to) + 1;
            if (occurrence == later.occurrence()) {
                continue;
            }
            CaseEvent event = "CASE".equals(later.eventSource()) ? caseEvents.find(later.eventId()).orElse(null) : null;
            MeasureProposal proposal = new MeasureProposal();
            RuleEngine.Evaluation evaluation = evaluate(proposal, new TriggerFact(later.triggerType(), occurrence,
                    event != null && event.excusedOverdue(), event != null && event.registeredLate()));
            if (proposal.measure() == null) {
                records.reproposed(later.id(), occurrence, later.measure(), later.fineYuan(), evaluation.version(), later.ruleName());
                records.decide(later.id(), AccountabilityRecord.State.DISMISSED, org.bianmin.engine.ActingUser.SYSTEM,
                        "此前的记录撤销后重新计为本月第" + occurrence + "次, 规则不再提出问责", ClockUtil.getCurrentTime().toInstant());
                tally.add(later.staff(), later.triggerType(), month, -1);
                system.run(() -> runtime.createProcessInstanceQuery().processDefinitionKey(REVIEW_PROCESS)
                        .processInstanceBusinessKey("ACC-" + later.id()).list()
                        .forEach(i -> runtime.deleteProcessInstance(i.getId(), "此前的记录撤销, 规则不再提出问责")));
                continue;
            }
            records.reproposed(later.id(), occurrence, proposal.measure(), BigDecimal.valueOf(proposal.fine()), evaluation.version(),
                    evaluation.firedRules().isEmpty() ? null : evaluation.firedRules().get(0));
            refreshReviewSummary(records.find(later.id()).orElseThrow());
        }
    }

    /** The person's tally of the trigger for the month, locked by the caller's transaction until it ends. */
    private int lockTally(String staff, String type, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return tally.lock(staff, type, month, () -> records.count(staff, type, from, to));
    }

    /** The review task of a record, completed by the REST decision as the Tasklist form does. */
    public void decideByTask(long id, boolean confirm, String reason, String reviewer) {
        Task task = system.call(() -> tasks.createTaskQuery().processDefinitionKey(REVIEW_PROCESS)
                .processInstanceBusinessKey("ACC-" + id).taskDefinitionKey("reviewRecord").singleResult());
        if (task == null) {
            decide(id, confirm, reason, reviewer);
            return;
        }
        system.run(() -> tasks.complete(task.getId(), Variables.createVariables()
                .putValue("confirmed", String.valueOf(confirm)).putValue("reason", reason).putValue("reviewer", reviewer)));
    }

    public List<AccountabilityRecord> search(String caseNumber, String staff, YearMonth month, String state) {
        Instant from = month == null ? null : month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month == null ? null : month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return records.search(caseNumber, staff, from, to, state);
    }

    public AccountabilityRecord find(long id) {
        return records.find(id).orElseThrow(() -> ApiException.notFound("UNKNOWN_RECORD",
                "问责记录不存在 / no such accountability record: " + id));
    }

    /** What a review's summary says of the person, the window and the case (read before the month's lock). */
    private record SummaryContext(String staffName, String windowName, String caseLines) {
    }

    private SummaryContext context(String staff, String window, String caseNumber, Instant at) {
        return new SummaryContext(staff == null ? null : staffDirectory.name(staff), window == null ? null : staffDirectory.groupName(window),
                caseNumber == null ? "" : caseLines(caseNumber, at));
    }

    /**
     * The review form's summary: names and Chinese labels, never account ids or codes; for a case, its
     * times, how late it is and its extension and delay state; the statement, or until when it may come.
     */
    String summary(AccountabilityRecord r) {
        return summary(r, context(r.staff(), r.window(), r.caseNumber(), r.occurredAt()));
    }

    private String summary(AccountabilityRecord r, SummaryContext context) {
        return "**问责记录**: 第" + r.id() + "号  \n**触发事件**: " + eventLabel(r.triggerType())
                + (r.occurrence() > 1 ? "(本月第" + r.occurrence() + "次)" : "")
                + "  \n**责任人**: " + (r.staff() == null ? "待督查确定" : context.staffName())
                + (r.window() == null ? "" : " (" + context.windowName() + ")")
                + (r.caseNumber() == null ? "" : "  \n**案件编号**: " + r.caseNumber())
                + "  \n**建议措施**: " + r.measure() + (r.fineYuan().signum() > 0 ? ", 罚款" + r.fineYuan().stripTrailingZeros().toPlainString() + "元" : "")
                + "  \n**依据规则**: 责任追究规则" + r.ruleVersion().replaceFirst("^.*@v", " 第") + "版"
                + (r.ruleName() == null ? "" : " 「" + r.ruleName() + "」")
                + context.caseLines()
                + "  \n**陈述申辩**: " + (r.statement() != null ? r.statement() + " (" + TIME.format(r.statementAt().atZone(zone)) + "提交)"
                : r.statementDue() == null ? "无责任人, 不适用" : "未提交 (期限 " + TIME.format(r.statementDue().atZone(zone)) + ")");
    }

    private String caseLines(String caseNumber, Instant occurredAt) {
        return cases.find(caseNumber).map(c -> {
            StringBuilder md = new StringBuilder("  \n**收件时间**: ").append(TIME.format(c.receivedAt().atZone(zone)))
                    .append(", **登记时间**: ").append(TIME.format(c.registeredAt().atZone(zone)));
            if (c.deadline() != null) {
                md.append("  \n**办结时限**: ").append(TIME.format(c.deadline().atZone(zone)));
                if (occurredAt.isAfter(c.deadline())) {
                    long minutes = calendars.calendar().forWindow(c.window()).workingMinutesBetween(c.deadline(), occurredAt);
                    md.append(", 超期").append(workingTime(minutes));
                }
                if (c.lateAtRegistration()) {
                    md.append(" (逾期登记)");
                }
            }
            md.append("  \n**延期**: ").append(c.extensionDays() > 0 ? "已批准延期" + c.extensionDays() + "个工作日" : "未延期")
                    .append(", **滞办告知**: ").append(c.delayNotice() ? "已出具" : "未出具");
            return md.toString();
        }).orElse("");
    }

    /** 450 working minutes are a working day of the default hours; shown as days, hours and minutes. */
    private static String workingTime(long minutes) {
        long days = minutes / 450;
        long rest = minutes % 450;
        return (days > 0 ? days + "个工作日" : "") + (rest > 0 || days == 0 ? rest / 60 + "小时" + rest % 60 + "分" : "");
    }

    static String eventLabel(String type) {
        String label = org.bianmin.events.CaseEventType.labelOf(type);
        if (!label.equals(type)) {
            return label;
        }
        try {
            return org.bianmin.discipline.DisciplineType.valueOf(type).label();
        } catch (IllegalArgumentException unknown) {
            return type;
        }
    }
}
