package org.bianmin.cases.process;

import org.bianmin.cases.CaseSummary;
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

    private final CaseAtHand cases;
    private final CaseSummary summary;

    CaseForms(CaseAtHand cases, CaseSummary summary) {
        this.cases = cases;
        this.summary = summary;
    }

    /** 审核: the checklist of every material of the case's item, for a request to supplement some. */
    public void reviewOptions(DelegateTask task) {
        task.setVariableLocal(MATERIAL_OPTIONS, summary.materialOptions(cases.of(task.getExecution())));
    }
}
