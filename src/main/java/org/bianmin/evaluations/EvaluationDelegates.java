package org.bianmin.evaluations;

import org.bianmin.cases.CaseAccess;
import org.bianmin.engine.ActingUser;
import org.bianmin.identity.Action;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service tasks of {@code case-evaluation} (the window's form) and {@code bad-evaluation} (review and rectification). */
@Configuration
class EvaluationDelegates {

    @Bean("recordEvaluationDelegate")
    JavaDelegate recordEvaluation(EvaluationService evaluations, ActingUser actor, CaseAccess access) {
        return execution -> {
            String caseNumber = text(execution, "caseNumber");
            access.requireOfEngineUser(Action.CASE_EVALUATION, caseNumber == null ? "" : caseNumber.strip());
            evaluations.rate(caseNumber, execution.getVariable("rating"), text(execution, "comment"), actor.current());
        };
    }

    @Bean("confirmBadEvaluationDelegate")
    JavaDelegate confirmBadEvaluation(EvaluationService evaluations) {
        return execution -> evaluations.review(text(execution, "caseNumber"), "CONFIRMED", text(execution, "reviewNote"),
                text(execution, "staff"), text(execution, "window"));
    }

    @Bean("annulEvaluationDelegate")
    JavaDelegate annulEvaluation(EvaluationService evaluations) {
        return execution -> evaluations.review(text(execution, "caseNumber"), text(execution, "evaluationOutcome"),
                text(execution, "reviewNote"), text(execution, "staff"), text(execution, "window"));
    }

    @Bean("recordRectificationDelegate")
    JavaDelegate recordRectification(EvaluationService evaluations) {
        return execution -> evaluations.rectified(text(execution, "caseNumber"), text(execution, "rectification"),
                text(execution, "replyToApplicant"));
    }

    @Bean("recordRectificationOverdueDelegate")
    JavaDelegate recordRectificationOverdue(EvaluationService evaluations) {
        return execution -> evaluations.rectificationOverdue(text(execution, "caseNumber"), text(execution, "staff"),
                text(execution, "window"));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
