package org.bianmin.cases;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bianmin.catalogue.CaseType;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.identity.Groups;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The {@code case-sla} process that watches a running case: it warns at {@code warnAt} and
 * escalates at {@code deadline}. An approved extension restarts it with the new times; the end of
 * the case ends it, so no timer fires on a finished case.
 */
@Component
public class CaseSlaWatch {

    public static final String PROCESS = "case-sla";
    static final String[] CASE_PROCESSES = Arrays.stream(CaseType.values()).map(CaseType::processKey).toArray(String[]::new);

    private final RuntimeService runtime;
    private final SystemAuthority system;

    public CaseSlaWatch(RuntimeService runtime, SystemAuthority system) {
        this.runtime = runtime;
        this.system = system;
    }

    public void start(CaseRecord c) {
        system.run(() -> runtime.startProcessInstanceByKey(PROCESS, c.caseNumber(), Variables.createVariables()
                .putValue("caseNumber", c.caseNumber())
                .putValue("caseType", c.caseType().name())
                .putValue("itemName", c.itemName())
                .putValue("applicant", c.applicant().display())
                .putValue("window", c.window())
                .putValue("department", c.department())
                .putValue("deadline", Date.from(c.deadline()))
                .putValue("warnAt", Date.from(c.warnAt()))
                .putValue("escalationGroups", escalationGroups(c.caseType()))));
    }

    public void restart(CaseRecord c, String reason) {
        stop(c.caseNumber(), reason);
        start(c);
    }

    public void stop(String caseNumber, String reason) {
        system.run(() -> runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(caseNumber).list()
                .forEach(watch -> runtime.deleteProcessInstance(watch.getId(), reason, true, true)));
    }

    /** The running case-type process of a case, if any. */
    public ProcessInstance caseInstance(String caseNumber) {
        return system.call(() -> runtime.createProcessInstanceQuery().processDefinitionKeyIn(CASE_PROCESSES)
                .processInstanceBusinessKey(caseNumber).singleResult());
    }

    /** Sets a variable on the running case-type process (shown in Cockpit), if it still runs. */
    public void setCaseVariable(String caseNumber, String name, Object value) {
        system.run(() -> {
            ProcessInstance instance = caseInstance(caseNumber);
            if (instance != null) {
                runtime.setVariable(instance.getId(), name, value);
            }
        });
    }

    /** Overdue cases go to the supervisors; a joint case, led by the director, also to the directors. */
    static String escalationGroups(CaseType type) {
        List<String> groups = type == CaseType.JOINT ? List.of(Groups.SUPERVISORS, Groups.DIRECTORS) : List.of(Groups.SUPERVISORS);
        return String.join(",", groups);
    }
}
