package org.bianmin.cases.process;

import java.util.Date;
import org.bianmin.cases.CaseRecord;
import org.bianmin.cases.CaseRepository;
import org.bianmin.cases.CaseState;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Read by the root process's gateway after the work and by the denial filing it calls (public: the expressions call it). */
@Component("caseOutcome")
public class CaseOutcome {

    private final CaseRepository cases;

    CaseOutcome(CaseRepository cases) {
        this.cases = cases;
    }

    /** A refusal (不予许可) or a return during review goes to the director's denial filing. */
    public boolean needsDenialFiling(DelegateExecution execution) {
        CaseState state = CaseWorkDelegates.record(cases, execution).state();
        return state == CaseState.REJECTED || state == CaseState.RETURNED;
    }

    /** When the application was refused or returned: the denial filing's limit counts from it. */
    public Date deniedAt(DelegateExecution execution) {
        CaseRecord c = CaseWorkDelegates.record(cases, execution);
        return Date.from(c.endedAt() != null ? c.endedAt() : ClockUtil.getCurrentTime().toInstant());
    }
}
