package org.bianmin.rules;

import org.bianmin.engine.ActingUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code rule-approval}: the director's decision recorded, and an approved version taking effect. */
@Configuration
class RuleApprovalDelegates {

    @Bean("ruleApprovalDecisionDelegate")
    JavaDelegate decide(RulePublication publication, ActingUser actor) {
        return execution -> {
            boolean approved = "true".equals(String.valueOf(execution.getVariable("approved")));
            Object opinion = execution.getVariable("opinion");
            RuleSetVersion.State state = publication.applyDecision(ruleSet(execution), version(execution), approved,
                    opinion == null ? null : opinion.toString(), actor.of(execution, "decidedBy"));
            execution.setVariable("decision", state.name());
        };
    }

    /** The task names what it approves in Tasklist's list: 审批规则发布: 事项目录 第5版. */
    @Bean("ruleApprovalTaskName")
    TaskListener name() {
        return task -> task.setName(task.getName() + ": " + task.getVariable("ruleSetTitle") + " 第" + task.getVariable("version") + "版");
    }

    @Bean("ruleActivationDelegate")
    JavaDelegate activate(RulePublication publication) {
        return execution -> publication.activate(ruleSet(execution), version(execution));
    }

    private static String ruleSet(DelegateExecution execution) {
        return (String) execution.getVariable("ruleSet");
    }

    private static int version(DelegateExecution execution) {
        return ((Number) execution.getVariable("version")).intValue();
    }
}
