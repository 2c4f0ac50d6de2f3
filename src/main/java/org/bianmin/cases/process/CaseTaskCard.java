package org.bianmin.cases.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bianmin.cases.CaseRecord;
import org.bianmin.cases.CaseRepository;
import org.bianmin.cases.JustRegistered;
import org.bianmin.engine.GlobalTaskListener;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The card Tasklist shows for a task of a case (case number, item, masked applicant), taken from
 * the case record, its owner, for every task whose process does not hold them: a case's processes
 * keep only what their gateways, timers, assignments and forms read. Set on the task itself, since
 * clerks may read their tasks but not the process instances (the task card copies what a process
 * does hold, {@code TaskCardVariables}).
 */
@Component
class CaseTaskCard implements GlobalTaskListener {

    private static final Pattern CASE_NUMBER = Pattern.compile("BM\\d{8}-\\d{4,}");

    private final CaseRepository cases;
    private final JustRegistered justRegistered;

    CaseTaskCard(CaseRepository cases, JustRegistered justRegistered) {
        this.cases = cases;
        this.justRegistered = justRegistered;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_CREATE;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        String caseNumber = execution == null ? null : execution.getProcessBusinessKey();
        if (caseNumber == null || !CASE_NUMBER.matcher(caseNumber).matches()
                || (execution.hasVariable("itemName") && execution.hasVariable("applicant"))) {
            return;
        }
        Optional<CaseRecord> record = justRegistered.find(caseNumber).map(JustRegistered.Case::record)
                .or(() -> cases.find(caseNumber));
        record.ifPresent(c -> card(c).forEach((name, value) -> {
            if (!execution.hasVariable(name)) {
                task.setVariableLocal(name, value);
            }
        }));
    }

    static Map<String, Object> card(CaseRecord c) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("caseNumber", c.caseNumber());
        card.put("itemName", c.itemName());
        card.put("applicant", c.applicant().display());
        return card;
    }
}
