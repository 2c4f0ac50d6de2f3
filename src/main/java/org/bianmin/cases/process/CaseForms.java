package org.bianmin.cases.process;

import org.bianmin.cases.CaseRecord;
import org.bianmin.cases.CaseRepository;
import org.bianmin.cases.CaseSummary;
import org.bianmin.cases.JustRegistered;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What a case task's form offers, set on the task as it starts, from the case record: only that
 * step's form reads it, so the process does not carry it from registration on. BPMN calls it from a
 * task listener, e.g. {@code ${caseForms.reviewOptions(task)}} on create.
 */
@Component("caseForms")
public class CaseForms {

    static final String MATERIAL_OPTIONS = "materialOptions";

    private final CaseRepository cases;
    private final JustRegistered justRegistered;
    private final CaseSummary summary;

    CaseForms(CaseRepository cases, JustRegistered justRegistered, CaseSummary summary) {
        this.cases = cases;
        this.justRegistered = justRegistered;
        this.summary = summary;
    }

    /** 审核: the checklist of every material of the case's item, for a request to supplement some. */
    public void reviewOptions(DelegateTask task) {
        String caseNumber = task.getExecution().getProcessBusinessKey();
        CaseRecord c = justRegistered.find(caseNumber).map(JustRegistered.Case::record)
                .orElseGet(() -> CaseWorkDelegates.record(cases, task.getExecution()));
        task.setVariableLocal(MATERIAL_OPTIONS, summary.materialOptions(c));
    }
}
