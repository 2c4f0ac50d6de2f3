package org.bianmin.accountability;

import org.bianmin.locks.NamedLocks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.bianmin.calendar.CalendarService;
import org.bianmin.discipline.DisciplineEvent;
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
import org.springframework.context.event.EventListener;
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

    private final RuleEngine rules;
    private final AccountabilityRuleSet ruleSet;
    private final AccountabilityRepository records;
    private final org.bianmin.discipline.DisciplineService discipline;
    private final CaseEventRepository caseEvents;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final SystemAuthority system;
    private final ZoneId zone;
    private final NamedLocks locks;
    private final org.camunda.bpm.engine.IdentityService identity;

    public AccountabilityService(RuleEngine rules, AccountabilityRuleSet ruleSet, AccountabilityRepository records,
                                 org.bianmin.discipline.DisciplineService discipline, CaseEventRepository caseEvents,
                                 RuntimeService runtime, TaskService tasks, SystemAuthority system, CalendarService calendars,
                                 NamedLocks locks, org.camunda.bpm.engine.IdentityService identity) {
        this.locks = locks;
        this.identity = identity;
        this.rules = rules;
        this.ruleSet = ruleSet;
        this.records = records;
        this.discipline = discipline;
        this.caseEvents = caseEvents;
        this.runtime = runtime;
        this.tasks = tasks;
        this.system = system;
        this.zone = calendars.calendar().zone();
    }

    @EventListener
    @Transactional
    public void onCaseEvent(CaseEvent event) {
        if (!ruleSet.mayTrigger(event.type().name())) {
            return;
        }
        String staff = caseEvents.responsibleStaff(event);
        String window = staff == null ? event.window() : java.util.Optional.ofNullable(discipline.windowOf(staff)).orElse(event.window());
        propose("CASE", event.id(), event.type().name(), event.caseNumber(), staff, window, event.occurredAt(),
                event.excusedOverdue(), event.registeredLate());
    }

    @EventListener
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
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        if (staff != null) {
            // parallel timer jobs (one node's pool, or several nodes) count the same person's month
            locks.lock("accountability:" + staff + ":" + month);
        }
        int occurrence = (staff == null ? 0 : records.count(staff, type, from, to)) + 1;
        MeasureProposal proposal = new MeasureProposal();
        RuleEngine.Evaluation evaluation = rules.evaluate(AccountabilityRuleSet.NAME, Map.of("proposal", proposal),
                new TriggerFact(type, occurrence, excused, registeredLate));
        if (proposal.measure() == null) {
            return;
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        AccountabilityRecord record = new AccountabilityRecord(0, source, eventId, type, caseNumber, staff, window, at,
                occurrence, proposal.measure(), BigDecimal.valueOf(proposal.fine()), evaluation.version(),
                evaluation.firedRules().isEmpty() ? null : evaluation.firedRules().get(0),
                AccountabilityRecord.State.PROPOSED, null, null, now, null);
        long id = records.insert(record);
        system.run(() -> runtime.startProcessInstanceByKey(REVIEW_PROCESS, "ACC-" + id, Variables.createVariables()
                .putValue("recordId", id).putValue("caseNumber", caseNumber).putValue("staff", staff)
                .putValue("caseSummary", summary(records.find(id).orElseThrow()))));
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
        records.decide(id, confirm ? AccountabilityRecord.State.CONFIRMED : AccountabilityRecord.State.DISMISSED,
                reviewer, reason.strip(), ClockUtil.getCurrentTime().toInstant());
        return records.find(id).orElseThrow();
    }

    /** The review task of a record, completed by the REST decision as the Tasklist form does. */
    public void decideByTask(long id, boolean confirm, String reason, String reviewer) {
        Task task = system.call(() -> tasks.createTaskQuery().processDefinitionKey(REVIEW_PROCESS)
                .processInstanceBusinessKey("ACC-" + id).singleResult());
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

    /** The review form's summary: names and Chinese labels, never account ids or codes. */
    String summary(AccountabilityRecord r) {
        return "**问责记录**: " + r.id() + "  \n**触发事件**: " + eventLabel(r.triggerType())
                + (r.occurrence() > 1 ? "(本月第" + r.occurrence() + "次)" : "")
                + "  \n**责任人**: " + (r.staff() == null ? "待督查确定" : userName(r.staff()))
                + (r.window() == null ? "" : " (" + groupName(r.window()) + ")")
                + (r.caseNumber() == null ? "" : "  \n**案件编号**: " + r.caseNumber())
                + "  \n**建议措施**: " + r.measure() + (r.fineYuan().signum() > 0 ? ", 罚款" + r.fineYuan().stripTrailingZeros().toPlainString() + "元" : "")
                + "  \n**依据规则**: 责任追究规则" + r.ruleVersion().replaceFirst("^.*@v", " 第") + "版"
                + (r.ruleName() == null ? "" : " 「" + r.ruleName() + "」");
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

    private String userName(String id) {
        var user = identity.createUserQuery().userId(id).singleResult();
        return user == null ? id : user.getFirstName();
    }

    private String groupName(String id) {
        var group = identity.createGroupQuery().groupId(id).singleResult();
        return group == null || group.getName() == null ? id : group.getName();
    }
}
