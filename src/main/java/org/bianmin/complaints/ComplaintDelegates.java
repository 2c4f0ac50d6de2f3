package org.bianmin.complaints;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service tasks of {@code complaint-handling}. */
@Configuration
class ComplaintDelegates {

    @Bean("recordComplaintFindingDelegate")
    JavaDelegate recordFinding(ComplaintService complaints) {
        return execution -> complaints.recordFinding(id(execution),
                Boolean.parseBoolean(String.valueOf(execution.getVariable("verified"))), text(execution, "finding"));
    }

    @Bean("recordComplaintReplyDelegate")
    JavaDelegate recordReply(ComplaintService complaints) {
        return execution -> complaints.recordReply(id(execution), text(execution, "reply"));
    }

    @Bean("recordComplaintReplyOverdueDelegate")
    JavaDelegate recordReplyOverdue(ComplaintService complaints) {
        return execution -> complaints.replyOverdue(id(execution));
    }

    private static long id(DelegateExecution execution) {
        return ((Number) execution.getVariable("complaintId")).longValue();
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
