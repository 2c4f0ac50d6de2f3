package org.bianmin.cases;

import java.time.Instant;
import java.util.Date;
import org.bianmin.catalogue.CaseType;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.identity.Groups;
import org.bianmin.sla.SlaPlanner;
import org.bianmin.sla.SlaState;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Starts the process that carries a registered case on: the case-type process (with its SLA
 * watch) for an accepted case, {@code case-supplement} while materials are awaited,
 * {@code denial-filing} for a return or refusal. Business key = case number; variables are few
 * and typed.
 */
@Component
public class CaseProcesses {

    public static final String SUPPLEMENT = "case-supplement";
    public static final String DENIAL_FILING = "denial-filing";

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final CaseSummary summary;
    private final CaseSlaWatch watch;
    private final SlaPlanner planner;
    private final SystemAuthority system;

    public CaseProcesses(RuntimeService runtime, IdentityService identity, CaseSummary summary, CaseSlaWatch watch,
                         SlaPlanner planner, SystemAuthority system) {
        this.runtime = runtime;
        this.identity = identity;
        this.summary = summary;
        this.watch = watch;
        this.planner = planner;
        this.system = system;
    }

    public String startFor(CaseRecord record) {
        return switch (record.state()) {
            case IN_PROGRESS -> startCase(record);
            case WAITING_SUPPLEMENT -> start(SUPPLEMENT, record, variables(record)
                    .putValue("missingOptions", summary.missingOptions(record)));
            case RETURNED, REJECTED -> startDenialFiling(record);
            default -> throw new IllegalStateException("no process for a case in state " + record.state());
        };
    }

    private String startCase(CaseRecord record) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        VariableMap variables = variables(record)
                .putValue("slaState", SlaState.running(now, record.warnAt(), record.deadline()).name());
        if (record.handoverMinutes() != null) {
            variables.putValue("handoverDue", Date.from(planner.afterWorkingMinutes(now, record.handoverMinutes())));
        }
        if (record.caseType() == CaseType.JOINT) {
            long total = planner.workingMinutesBetween(now, record.deadline());
            int share = record.partPercent() == null ? 100 : record.partPercent();
            variables.putValue("partDue", Date.from(planner.afterWorkingMinutes(now, total * share / 100)));
        }
        if (record.caseType() == CaseType.COMMITTED) {
            variables.putValue("materialOptions", summary.materialOptions(record));
        }
        if (record.caseType() == CaseType.PETITION) {
            variables.putValue("departmentOptions", departmentOptions());
        }
        String id = start(record.caseType().processKey(), record, variables);
        watch.start(record);
        return id;
    }

    private String startDenialFiling(CaseRecord record) {
        Instant deniedAt = record.endedAt() != null ? record.endedAt() : ClockUtil.getCurrentTime().toInstant();
        return start(DENIAL_FILING, record, variables(record).putValue("deniedAt", Date.from(deniedAt)));
    }

    private String start(String key, CaseRecord record, VariableMap variables) {
        variables.putValue("caseSummary", summary.markdown(record));
        return system.call(() -> runtime.startProcessInstanceByKey(key, record.caseNumber(), variables).getId());
    }

    /** The window where the application was taken in (the registering clerk's), else the item's window. */
    private String intakeWindow(CaseRecord record) {
        return identity.createGroupQuery().groupMember(record.registeredBy()).list().stream().map(g -> g.getId())
                .filter(id -> id.startsWith(Groups.WINDOW_PREFIX)).sorted().findFirst().orElse(record.window());
    }

    VariableMap variables(CaseRecord record) {
        VariableMap variables = Variables.createVariables()
                .putValue("intakeWindow", intakeWindow(record))
                .putValue("caseNumber", record.caseNumber())
                .putValue("itemCode", record.itemCode())
                .putValue("itemName", record.itemName())
                .putValue("applicant", record.applicant().display())
                .putValue("window", record.window())
                .putValue("department", record.department())
                .putValue("registeredBy", record.registeredBy())
                .putValue("registeredAt", Date.from(record.registeredAt()))
                .putValue("disposition", record.disposition().name());
        if (record.caseType() != null) {
            variables.putValue("caseType", record.caseType().name());
        }
        if (record.deadline() != null) {
            variables.putValue("deadline", Date.from(record.deadline()));
        }
        if (record.warnAt() != null) {
            variables.putValue("warnAt", Date.from(record.warnAt()));
        }
        return variables;
    }

    /** Select options of the departments a petition can be assigned to (the {@code dept-*} groups). */
    private org.camunda.bpm.engine.variable.value.TypedValue departmentOptions() {
        var array = Spin.JSON("[]");
        identity.createGroupQuery().orderByGroupId().asc().list().stream()
                .filter(g -> g.getId().startsWith(Groups.DEPARTMENT_PREFIX))
                .forEach(g -> array.append(Spin.JSON("{}").prop("label", g.getName() == null ? g.getId() : g.getName())
                        .prop("value", g.getId())));
        return SpinValues.jsonValue(array).create();
    }
}
