package org.bianmin.cases.process;

import org.bianmin.engine.ActingUser;
import java.time.Instant;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 否定报备 (denial filing): the director's filing, and the record of a filing not made within 1 working day. */
@Configuration
class DenialFilingDelegates {

    @Bean("fileDenialDelegate")
    JavaDelegate fileDenial(CaseEventRepository events, ActingUser actor) {
        return execution -> {
            Boolean approved = ProcessVariables.bool(execution, "filingApproved");
            String opinion = ProcessVariables.string(execution, "filingOpinion");
            events.record(CaseEventType.DENIAL_FILED, execution.getProcessBusinessKey(), actor.of(execution, null),
                    window(execution), now(), (Boolean.FALSE.equals(approved) ? "不同意退回" : "同意退回")
                            + (opinion == null ? "" : ": " + opinion));
        };
    }

    @Bean("recordLateFilingDelegate")
    JavaDelegate recordLateFiling(CaseEventRepository events) {
        return execution -> events.record(CaseEventType.DENIAL_FILING_OVERDUE, execution.getProcessBusinessKey(),
                ProcessVariables.string(execution, "registeredBy"), window(execution), now(),
                "否定报备未在1个工作日内完成 / denial not filed within 1 working day");
    }

    private static String window(DelegateExecution execution) {
        return ProcessVariables.string(execution, "window");
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
