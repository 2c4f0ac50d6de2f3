package org.bianmin.cases.process;

import org.bianmin.engine.ActingUser;
import java.util.Date;
import org.bianmin.cases.CaseAccess;
import org.bianmin.cases.CaseAdjustments;
import org.bianmin.identity.Action;
import org.bianmin.cases.CaseRecord;
import org.bianmin.cases.CaseRepository;
import org.bianmin.cases.CaseSummary;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of {@code case-extension} and {@code case-delay}, which a case's root process calls when
 * an extension or a delay notice is asked for: the same checks and changes as the REST API
 * ({@link CaseAdjustments}).
 */
@Configuration
class AdjustmentDelegates {

    @Bean("requestExtensionDelegate")
    JavaDelegate requestExtension(CaseAdjustments adjustments, CaseSummary summary, ActingUser actor, CaseAccess access) {
        return execution -> {
            String caseNumber = caseNumber(execution);
            access.requireOfEngineUser(Action.CASE_EXTENSION, caseNumber);
            Integer days = ProcessVariables.integer(execution, "days");
            String reason = ProcessVariables.string(execution, "reason");
            CaseRecord c = adjustments.requestExtension(caseNumber, days, reason, actor.of(execution, "requestedBy"));
            prepareDecision(execution, c, summary);
            // the director sees what he approves: days, reason, the deadline now and after
            execution.setVariable("caseSummary", adjustments.extensionRequestSummary(c, days, reason.strip()) + "  \n\n"
                    + summary.markdown(c));
        };
    }

    @Bean("decideExtensionDelegate")
    JavaDelegate decideExtension(CaseAdjustments adjustments, ActingUser actor) {
        return execution -> {
            boolean approved = Boolean.TRUE.equals(ProcessVariables.bool(execution, "approved"));
            String opinion = ProcessVariables.string(execution, "opinion");
            String director = actor.of(execution, null);
            int days = ProcessVariables.integer(execution, "days");
            CaseRecord c = adjustments.decideExtension(caseNumber(execution), days,
                    ProcessVariables.string(execution, "reason"), approved, opinion, director);
            // the requester's next task tells him the decision
            execution.setVariable("decisionSummary", adjustments.extensionDecisionSummary(c, days, approved, opinion, director));
        };
    }

    @Bean("requestDelayDelegate")
    JavaDelegate requestDelay(CaseAdjustments adjustments, CaseRepository cases, CaseSummary summary, ActingUser actor,
                              CaseAccess access) {
        return execution -> {
            String caseNumber = caseNumber(execution);
            access.requireOfEngineUser(Action.CASE_DELAY_NOTICE, caseNumber);
            CaseAdjustments.DelayRequest request = delayRequest(adjustments, execution);
            adjustments.requestDelay(caseNumber, request, actor.of(execution, "requestedBy"));
            // the applicant's contact is personal data: kept by the case, not by the engine
            execution.removeVariable("contact");
            CaseRecord c = cases.find(caseNumber).orElseThrow();
            prepareDecision(execution, c, summary);
            execution.setVariable("caseSummary", adjustments.delayRequestSummary(request) + "  \n\n" + summary.markdown(c));
        };
    }

    @Bean("decideDelayDelegate")
    JavaDelegate decideDelay(CaseAdjustments adjustments, ActingUser actor) {
        return execution -> {
            boolean approved = Boolean.TRUE.equals(ProcessVariables.bool(execution, "approved"));
            String opinion = ProcessVariables.string(execution, "opinion");
            String director = actor.of(execution, null);
            CaseAdjustments.DelayRequest request = delayRequest(adjustments, execution);
            CaseRecord c = adjustments.decideDelay(caseNumber(execution), request, approved, opinion, director);
            execution.setVariable("decisionSummary", adjustments.delayDecisionSummary(c, request, approved, opinion, director));
        };
    }


    private static CaseAdjustments.DelayRequest delayRequest(CaseAdjustments adjustments, DelegateExecution execution) {
        return adjustments.checkDelay(caseNumber(execution), ProcessVariables.string(execution, "delayUntil"),
                ProcessVariables.string(execution, "reason"), ProcessVariables.string(execution, "contact"));
    }

    /** The case number typed in a start form (trimmed), or the business key of a process started by the API. */
    private static String caseNumber(DelegateExecution execution) {
        String typed = ProcessVariables.string(execution, "caseNumber");
        return typed == null ? execution.getProcessBusinessKey() : typed.strip();
    }

    private static void prepareDecision(DelegateExecution execution, CaseRecord c, CaseSummary summary) {
        execution.setProcessBusinessKey(c.caseNumber());
        execution.setVariable("caseNumber", c.caseNumber());
        execution.setVariable("itemName", c.itemName());
        execution.setVariable("applicant", c.applicant().display());
        execution.setVariable("requestedAt", Date.from(ClockUtil.getCurrentTime().toInstant()));
        execution.setVariable("caseSummary", summary.markdown(c));
    }
}
