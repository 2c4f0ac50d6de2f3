package org.bianmin.cases.process;

import org.bianmin.engine.ActingUser;
import org.bianmin.cases.CaseLifecycle;
import org.bianmin.cases.CaseState;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The other ways a case ends: returned during review (退回), withdrawn by the applicant (撤回), not supplemented in time (逾期未补正). */
@Configuration
class CaseEndDelegates {

    @Bean("returnInReviewDelegate")
    JavaDelegate returnInReview(CaseLifecycle lifecycle, ActingUser actor) {
        return execution -> {
            String reason = ProcessVariables.string(execution, "handlingNote");
            lifecycle.end(execution.getProcessBusinessKey(), CaseState.RETURNED, actor.of(execution, null),
                    reason == null || reason.isBlank() ? "审核未通过, 申请退回" : reason);
        };
    }

    /** 逾期未补正: the root's timer on the supplement wait ran out (补正期限). */
    @Bean("terminateUnsuppliedDelegate")
    JavaDelegate terminateUnsupplied(CaseLifecycle lifecycle, ActingUser actor) {
        return execution -> lifecycle.terminateUnsupplied(execution.getProcessBusinessKey(), actor.of(execution, null));
    }

    @Bean("withdrawCaseDelegate")
    JavaDelegate withdrawCase(CaseLifecycle lifecycle, ActingUser actor) {
        return execution -> lifecycle.end(execution.getProcessBusinessKey(), CaseState.WITHDRAWN,
                actor.of(execution, "withdrawnBy"), ProcessVariables.string(execution, "withdrawalReason"));
    }
}
