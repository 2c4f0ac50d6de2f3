package org.bianmin.cases.process;

import org.bianmin.cases.CommitmentVerification;
import org.bianmin.engine.ActingUser;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 告知承诺核查: the window's conclusion on the commitment, as the form 承诺核查 gives it. */
@Configuration
class CommitmentDelegates {

    @Bean("recordCommitmentCheckDelegate")
    JavaDelegate recordCommitmentCheck(CommitmentVerification commitments, ActingUser actor) {
        return execution -> commitments.recordCheck(execution.getProcessBusinessKey(),
                "true".equals(ProcessVariables.string(execution, "truthful")), ProcessVariables.string(execution, "checkNote"),
                actor.of(execution, null));
    }
}
