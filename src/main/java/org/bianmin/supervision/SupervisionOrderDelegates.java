package org.bianmin.supervision;

import org.bianmin.engine.ActingUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The BPMN side of 督办单: the root's 督办 task issues one; the called {@code supervision-order} records its steps. */
@Configuration
class SupervisionOrderDelegates {

    /** 下达督办单 after the 督办超期案件 task: its form's instruction, responsible person and reply days. */
    @Bean("issueSupervisionOrderDelegate")
    JavaDelegate issueSupervisionOrder(SupervisionOrders orders, ActingUser actor) {
        return execution -> {
            Object days = execution.getVariable("replyDays");
            orders.issue(execution.getProcessBusinessKey(), string(execution, "handlingNote"), string(execution, "orderTo"),
                    days == null ? null : ((Number) days).intValue(), actor.of(execution, "supervisedBy"), true);
            execution.removeVariable("supervisedBy");
        };
    }

    @Bean("supervisionReplyDelegate")
    JavaDelegate supervisionReply(SupervisionOrders orders) {
        // the reply comes from Tasklist (its user) or from the API, which completes the task as the system for the responsible person
        return execution -> orders.recordReply(orderId(execution), string(execution, "replyText"), string(execution, "repliedBy"));
    }

    @Bean("supervisionEscalationDelegate")
    JavaDelegate supervisionEscalation(SupervisionOrders orders) {
        return execution -> orders.escalate(orderId(execution));
    }

    @Bean("secondSupervisionDelegate")
    JavaDelegate secondSupervision(SupervisionOrders orders) {
        return execution -> orders.recordSecond(orderId(execution), string(execution, "handlingNote"), string(execution, "secondBy"));
    }

    private static long orderId(DelegateExecution execution) {
        return ((Number) execution.getVariable("orderId")).longValue();
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
