package org.bianmin.cases.process;

import java.util.Optional;
import org.bianmin.cases.CaseRecord;
import org.bianmin.cases.CaseRepository;
import org.bianmin.cases.JustRegistered;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The case record a step of a case's process reads: the one registration has just written when
 * the step runs in its transaction ({@link JustRegistered}), the stored row otherwise.
 */
@Component
class CaseAtHand {

    private final CaseRepository cases;
    private final JustRegistered justRegistered;

    CaseAtHand(CaseRepository cases, JustRegistered justRegistered) {
        this.cases = cases;
        this.justRegistered = justRegistered;
    }

    Optional<CaseRecord> find(String caseNumber) {
        return justRegistered.find(caseNumber).map(JustRegistered.Case::record).or(() -> cases.find(caseNumber));
    }

    /** The record of the case whose process {@code execution} runs; it must exist. */
    CaseRecord of(DelegateExecution execution) {
        return justRegistered.find(execution.getProcessBusinessKey()).map(JustRegistered.Case::record)
                .orElseGet(() -> CaseWorkDelegates.record(cases, execution));
    }
}
