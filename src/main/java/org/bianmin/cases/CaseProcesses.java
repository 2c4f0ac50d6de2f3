package org.bianmin.cases;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import org.bianmin.catalogue.CaseType;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.identity.Groups;
import org.bianmin.notices.Notice;
import org.bianmin.staff.StaffDirectory;
import org.bianmin.sla.SlaPlanner;
import org.bianmin.sla.SlaState;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * A case's one root process instance ({@code case-intake}, business key = case number) from
 * registration to its end. The supplement wait, the case-type work, the denial filing, the
 * extension, the delay notice and the proxy delivery are its called processes; the SLA timers sit
 * on its work step; a withdrawal interrupts it. This class starts it, reaches it with messages and
 * sets the few variables its gateways, timers and forms read.
 */
@Component
public class CaseProcesses {

    public static final String ROOT = "case-intake";
    public static final String SUPPLEMENT = "case-supplement";
    public static final String DENIAL_FILING = "denial-filing";
    /** Where a registration made outside Tasklist enters the root process. */
    static final String REGISTERED = "registrationOutcome";
    /** The case types whose work offers tasks to the case's window ({@code ${window}}); the others do not get it. */
    static final Set<CaseType> WINDOW_READERS = java.util.EnumSet.of(CaseType.FORWARDED, CaseType.JOINT, CaseType.PETITION);
    /** The messages the root waits for (their names are what Cockpit shows; the earlier release used Latin ones). */
    public static final String WITHDRAWN = "申请人撤回";
    /** 容缺受理: the materials promised at acceptance are all in (the root's promise watch ends). */
    public static final String PROMISE_KEPT = "容缺材料已补齐";
    public static final String EXTENSION_REQUESTED = "申请延期";
    public static final String DELAY_REQUESTED = "申请滞办告知";
    public static final String PROXY_ENTRUSTED = "委托代办";
    /** What a forwarded-case process waits for from the district (its earlier name: {@code districtResult}). */
    public static final String DISTRICT_RESULT = "区级部门报送结果";
    /** The keys of the case-type work the root calls. */
    public static final List<String> CASE_TYPE_PROCESSES = Arrays.stream(CaseType.values()).map(CaseType::processKey).toList();

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final CaseSummary summary;
    private final SlaPlanner planner;
    private final SystemAuthority system;
    private final LegacyCaseShapes legacy;

    private final org.camunda.bpm.engine.RepositoryService repository;
    private final TaskService tasks;
    private final ManagementService management;
    private final StaffDirectory staff;

    public CaseProcesses(RuntimeService runtime, IdentityService identity, CaseSummary summary, SlaPlanner planner,
                         SystemAuthority system, LegacyCaseShapes legacy, org.camunda.bpm.engine.RepositoryService repository,
                         TaskService tasks, ManagementService management, StaffDirectory staff) {
        this.staff = staff;
        this.tasks = tasks;
        this.management = management;
        this.repository = repository;
        this.legacy = legacy;
        this.runtime = runtime;
        this.identity = identity;
        this.summary = summary;
        this.planner = planner;
        this.system = system;
    }

    /** Where the process of a new case comes from: started here, or already running (the Tasklist intake). */
    @FunctionalInterface
    public interface Launch {
        void registered(CaseRecord record, VariableMap variables);
    }

    /** A registration made through the API: the root instance starts after its registration step. */
    public void launch(CaseRecord record, VariableMap variables) {
        launchAt(record, variables, REGISTERED);
    }

    /**
     * A case of the earlier release's shape handed over to the one-process shape: a root instance
     * starts at {@code activityId} (the work once the materials are complete, or the denial filing).
     */
    void handOver(CaseRecord record, String activityId) {
        launchAt(record, registrationVariables(record), activityId);
    }

    private void launchAt(CaseRecord record, VariableMap variables, String activityId) {
        system.run(() -> runtime.createProcessInstanceByKey(ROOT).businessKey(record.caseNumber()).setVariables(variables)
                .startBeforeActivity(activityId).execute());
    }

    /** A registration made in the Tasklist intake: the instance that registered it becomes the case. */
    public static Launch attachedTo(DelegateExecution execution) {
        return (record, variables) -> {
            execution.setProcessBusinessKey(record.caseNumber());
            execution.setVariables(variables);
        };
    }

    /** What the root instance knows of a newly registered case. */
    public VariableMap registrationVariables(CaseRecord record) {
        return registrationVariables(record, summary.markdown(record));
    }

    /** What the root instance knows of a case just registered with the notices {@code issued}. */
    public VariableMap registrationVariables(CaseRecord record, List<Notice> issued) {
        return registrationVariables(record, summary.markdown(record, issued));
    }

    private VariableMap registrationVariables(CaseRecord record, String caseSummary) {
        VariableMap variables = Variables.createVariables()
                .putValue("window", record.window())
                .putValue("registeredBy", record.registeredBy())
                .putValue("disposition", record.disposition().name())
                .putValue("caseSummary", caseSummary);
        if (record.state() == CaseState.IN_PROGRESS && record.supplementDue() != null) {
            // 容缺受理: the root's promise watch (补正期限 of the materials still owed while the work runs)
            variables.putValue("promiseDue", Date.from(record.supplementDue()));
        }
        if (record.state() == CaseState.WAITING_SUPPLEMENT) {
            // the supplement wait's task goes to the window that registered it; the work takes the window itself
            variables.putValue("intakeWindow", intakeWindow(record));
            variables.putValue("missingOptions", summary.missingOptions(record));
            if (record.supplementDue() != null) { // none for a case an earlier release registered
                variables.putValue("supplementDue", Date.from(record.supplementDue()));
            }
        }
        return variables;
    }

    /**
     * What the root's work step reads as it begins (at registration or once the materials are
     * complete): the case-type process to call, the SLA timers' times and the summary its tasks show.
     */
    public VariableMap workVariables(CaseRecord record) {
        return workVariables(record, summary.markdown(record));
    }

    /** The work step's variables of a case just registered with the notices {@code issued}. */
    public VariableMap workVariables(CaseRecord record, List<Notice> issued) {
        return workVariables(record, summary.markdown(record, issued));
    }

    private VariableMap workVariables(CaseRecord record, String caseSummary) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        return Variables.createVariables()
                .putValue("caseProcessKey", record.caseType().processKey())
                .putValue("deadline", Date.from(record.deadline()))
                .putValue("warnAt", Date.from(record.warnAt()))
                .putValue("slaState", SlaState.running(now, record.warnAt(), record.deadline()).name())
                .putValue("caseSummary", caseSummary);
    }

    /**
     * What only the called case-type process reads, so the root does not hold it: the window that
     * registered the case, the case's window where a task is offered to it, the department its review goes to, the item a joint case's parts come
     * from, its step limits (hand-over, a joint part's share of the time) and the options of a
     * petition's assignment form. (The review's checklist is set on the review task: CaseForms.)
     */
    public VariableMap workStepVariables(CaseRecord record) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        VariableMap variables = Variables.createVariables();
        variables.putValue("intakeWindow", intakeWindow(record));
        if (WINDOW_READERS.contains(record.caseType())) {
            variables.putValue("window", record.window());
        }
        if (record.department() != null) {
            variables.putValue("department", record.department());
        }
        if (record.caseType() == CaseType.JOINT) {
            variables.putValue("itemCode", record.itemCode());
        }
        Set<String> steps = timeLimitStepVariables(record.caseType(), record.handoverMinutes());
        if (steps.contains("handoverDue")) {
            variables.putValue("handoverDue", Date.from(planner.afterWorkingMinutes(record.window(), now, record.handoverMinutes())));
        }
        if (steps.contains("partDue")) {
            long total = planner.workingMinutesBetween(record.window(), now, record.deadline());
            int share = record.partPercent() == null ? 100 : record.partPercent();
            variables.putValue("partDue", Date.from(planner.afterWorkingMinutes(record.window(), now, total * share / 100)));
        }
        if (record.caseType() == CaseType.PETITION) {
            variables.putValue("departmentOptions", departmentOptions());
        }
        return variables;
    }

    /**
     * The step deadlines a case type's work is given from its time limit: the hand-over when the
     * limit has one, a joint part's share for a joint case. The complete dry run checks a draft
     * against the same rule ({@code IntakeCoverage}).
     */
    static Set<String> timeLimitStepVariables(CaseType type, Integer handoverMinutes) {
        Set<String> steps = new java.util.LinkedHashSet<>();
        if (handoverMinutes != null) {
            steps.add("handoverDue");
        }
        if (type == CaseType.JOINT) {
            steps.add("partDue");
        }
        return steps;
    }

    /** The case's root instance while it runs (none for a case still in the earlier release's shape). */
    public Optional<ProcessInstance> root(String caseNumber) {
        return roots(caseNumber).stream().filter(legacy::isOneProcess).findFirst();
    }

    private List<ProcessInstance> roots(String caseNumber) {
        return system.call(() -> runtime.createProcessInstanceQuery().processDefinitionKey(ROOT)
                .processInstanceBusinessKey(caseNumber).rootProcessInstances().list());
    }

    /** Whether the case runs as the earlier release's chain of instances (see {@link LegacyCaseShapes}). */
    boolean isLegacy(String caseNumber) {
        return legacy.isLegacy(caseNumber, roots(caseNumber));
    }

    /** Every running instance of the case: the root and the processes it called. */
    public List<ProcessInstance> instances(String caseNumber) {
        return system.call(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list());
    }

    /**
     * Delivers a message to the case's root instance; false when the case is not at a step that
     * waits for it (the caller answers with its own refusal).
     */
    public boolean correlate(String caseNumber, String message, Map<String, Object> variables) {
        Optional<ProcessInstance> root = root(caseNumber);
        if (root.isPresent()) {
            return correlateTo(root.get().getId(), message, variables);
        }
        return isLegacy(caseNumber) && legacy.deliver(caseNumber, message, variables);
    }

    /**
     * Whether the case's root waits for the message now: asked first where a message that finds no one
     * must not be sent, since a failed correlation marks the caller's transaction for rollback.
     */
    public boolean waitsFor(String caseNumber, String message) {
        return root(caseNumber).map(root -> system.call(() -> runtime.createEventSubscriptionQuery().eventType("message")
                .eventName(message).processInstanceId(root.getId()).count() > 0)).orElse(false);
    }

    /**
     * Moves the case's root instance from an earlier version of {@code case-intake} to the latest one
     * with Camunda's migration API (same activity ids; the events the new version adds, such as 下达督办单,
     * begin to wait; timers keep their jobs). False when it already runs the latest version or cannot move.
     */
    public boolean bringToLatest(String caseNumber) {
        Optional<ProcessInstance> root = root(caseNumber);
        if (root.isEmpty()) {
            return false;
        }
        String latest = system.call(() -> repository.createProcessDefinitionQuery().processDefinitionKey(ROOT).latestVersion()
                .singleResult().getId());
        if (latest.equals(root.get().getProcessDefinitionId())) {
            return false;
        }
        try {
            system.run(() -> runtime.newMigration(runtime.createMigrationPlan(root.get().getProcessDefinitionId(), latest)
                    .mapEqualActivities().build()).processInstanceIds(root.get().getId()).execute());
            return true;
        } catch (org.camunda.bpm.engine.ProcessEngineException cannot) {
            org.slf4j.LoggerFactory.getLogger(CaseProcesses.class).warn("Case {} stays on {}: {}", caseNumber,
                    root.get().getProcessDefinitionId(), cannot.getMessage());
            return false;
        }
    }

    /** Delivers a message to one instance of a case; false when it does not wait for it. */
    public boolean correlateTo(String processInstanceId, String message, Map<String, Object> variables) {
        try {
            system.run(() -> runtime.createMessageCorrelation(message).processInstanceId(processInstanceId)
                    .setVariables(variables).correlate());
            return true;
        } catch (MismatchingMessageCorrelationException e) {
            return false;
        }
    }

    /** Sets a variable wherever the case's instances hold it (the SLA state the Tasklist filters read). */
    public void setEverywhere(String caseNumber, String name, Object value) {
        // one plain statement finds the instances that hold the variable: every due SLA timer of every case comes here
        system.run(() -> runtime.createNativeProcessInstanceQuery().sql("select P.* from " + table(ProcessInstance.class)
                        + " P where P.BUSINESS_KEY_ = #{caseNumber} and P.ID_ = P.PROC_INST_ID_ and exists (select 1 from "
                        + table(VariableInstanceEntity.class) + " V where V.EXECUTION_ID_ = P.ID_ and V.TASK_ID_ is null"
                        + " and V.NAME_ = #{name})")
                .parameter("caseNumber", caseNumber).parameter("name", name).list()
                .forEach(instance -> runtime.setVariable(instance.getId(), name, value)));
    }

    /**
     * The case's open tasks, of its root and of the work it called. One plain statement rather than
     * the task query's (whose many optional criteria cost more than the statement): the SLA timers'
     * steps and the 督办 form ask it of every case that falls due.
     */
    public List<Task> openTasks(String caseNumber) {
        return system.call(() -> tasks.createNativeTaskQuery().sql("select T.* from " + table(Task.class) + " T join "
                + table(ProcessInstance.class) + " P on P.ID_ = T.PROC_INST_ID_ where P.BUSINESS_KEY_ = #{caseNumber}")
                .parameter("caseNumber", caseNumber).list());
    }

    /** Whether a task belongs to the case-type work (not to the root's own steps). */
    public static boolean isWork(Task task) {
        String definition = task.getProcessDefinitionId();
        return definition != null && CASE_TYPE_PROCESSES.stream().anyMatch(key -> definition.startsWith(key + ":"));
    }

    private String table(Class<?> entity) {
        return management.getTableName(entity);
    }

    /** The window where the application was taken in (the registering clerk's), else the item's window. */
    private String intakeWindow(CaseRecord record) {
        return staff.windowOf(record.registeredBy()).orElse(record.window());
    }

    /** Select options of the departments a petition can be assigned to (the {@code dept-*} groups). */
    private TypedValue departmentOptions() {
        var array = Spin.JSON("[]");
        identity.createGroupQuery().orderByGroupId().asc().list().stream()
                .filter(g -> g.getId().startsWith(Groups.DEPARTMENT_PREFIX))
                .forEach(g -> array.append(Spin.JSON("{}").prop("label", g.getName() == null ? g.getId() : g.getName())
                        .prop("value", g.getId())));
        return SpinValues.jsonValue(array).create();
    }
}
