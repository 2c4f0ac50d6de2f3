package org.bianmin.cases.process;

import org.bianmin.engine.ActingUser;
import org.bianmin.cases.CaseRecord;
import org.bianmin.cases.CaseState;
import org.bianmin.cases.CaseSummary;
import org.bianmin.cases.SupplementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 接收补正材料: records what the applicant brought; loops while anything is still missing. */
@Component("receiveSupplementDelegate")
public class ReceiveSupplementDelegate implements JavaDelegate {

    private final SupplementService supplements;
    private final CaseSummary summary;
    private final ActingUser actor;

    public ReceiveSupplementDelegate(SupplementService supplements, CaseSummary summary, ActingUser actor) {
        this.supplements = supplements;
        this.summary = summary;
        this.actor = actor;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord updated = supplements.receive(execution.getProcessBusinessKey(),
                ProcessVariables.stringList(execution, "suppliedMaterials"), actor.of(execution, "receivedBy"));
        boolean stillMissing = updated.state() == CaseState.WAITING_SUPPLEMENT;
        execution.setVariable("stillMissing", stillMissing);
        execution.setVariable("caseSummary", summary.markdown(updated));
        execution.setVariable("missingOptions", summary.missingOptions(updated));
        execution.removeVariable("suppliedMaterials");
    }
}
