package org.bianmin.cases;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts the process that carries a registered case on: the case-type process for an accepted
 * case, {@code case-supplement} while materials are awaited, {@code denial-filing} for a return.
 * Business key = case number; variables are few and typed.
 */
@Component
public class CaseProcesses {

    public static final String SUPPLEMENT = "case-supplement";
    public static final String DENIAL_FILING = "denial-filing";

    private final RuntimeService runtime;
    private final CaseSummary summary;

    public CaseProcesses(RuntimeService runtime, CaseSummary summary) {
        this.runtime = runtime;
        this.summary = summary;
    }

    public String startFor(CaseRecord record) {
        String key = switch (record.state()) {
            case IN_PROGRESS -> record.caseType().processKey();
            case WAITING_SUPPLEMENT -> SUPPLEMENT;
            case RETURNED -> DENIAL_FILING;
            default -> throw new IllegalStateException("no process for a case in state " + record.state());
        };
        VariableMap variables = variables(record).putValue("caseSummary", summary.markdown(record));
        if (record.state() == CaseState.WAITING_SUPPLEMENT) {
            variables.putValue("missingOptions", summary.missingOptions(record));
        }
        return runtime.startProcessInstanceByKey(key, record.caseNumber(), variables).getId();
    }

    static VariableMap variables(CaseRecord record) {
        VariableMap variables = Variables.createVariables()
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

    /** Variables that a re-planned case passes to its running process. */
    public static Map<String, Object> deadlineVariables(CaseRecord record) {
        return Map.of("deadline", Date.from(record.deadline()), "warnAt", Date.from(record.warnAt()));
    }
}
