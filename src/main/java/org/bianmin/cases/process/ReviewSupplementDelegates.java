package org.bianmin.cases.process;

import org.bianmin.engine.ActingUser;
import org.bianmin.cases.CaseRecord;
import org.bianmin.cases.CaseSummary;
import org.bianmin.cases.ReviewSupplementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 审核中补正: the reviewer's request pauses the clock; the received materials resume it with the deadline moved on ({@code CaseClock}). */
@Configuration
class ReviewSupplementDelegates {

    @Bean("reviewSupplementDelegate")
    JavaDelegate requestSupplement(ReviewSupplementService supplements, CaseSummary summary, ActingUser actor) {
        return execution -> {
            CaseRecord paused = supplements.request(execution.getProcessBusinessKey(),
                    ProcessVariables.stringList(execution, "requestedMaterials"), actor.of(execution, null));
            refresh(execution, paused, summary);
            execution.setVariable("supplementDue", java.util.Date.from(paused.supplementDue()));
        };
    }

    @Bean("reviewSupplementReceivedDelegate")
    JavaDelegate receiveSupplement(ReviewSupplementService supplements, CaseSummary summary, ActingUser actor) {
        return execution -> {
            CaseRecord resumed = supplements.receive(execution.getProcessBusinessKey(),
                    ProcessVariables.stringList(execution, "suppliedMaterials"), actor.of(execution, null));
            execution.removeVariable("suppliedMaterials");
            execution.removeVariable("requestedMaterials");
            refresh(execution, resumed, summary);
        };
    }

    private static void refresh(DelegateExecution execution, CaseRecord c, CaseSummary summary) {
        execution.setVariable("caseSummary", summary.markdown(c));
        execution.setVariable("missingOptions", summary.missingOptions(c));
    }
}
