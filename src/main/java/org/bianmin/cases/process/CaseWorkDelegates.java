package org.bianmin.cases.process;

import java.util.Objects;
import org.bianmin.cases.CaseProcesses;
import org.bianmin.cases.CaseRecord;
import org.bianmin.cases.CaseRepository;
import org.bianmin.cases.JustRegistered;
import org.bianmin.engine.ActingUser;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The root process's own steps: entering the work, the outcome after it, the supervisor's note. */
@Configuration
class CaseWorkDelegates {

    /** 转入办理: the work step's timers and called process read what the case record holds now. */
    @Bean("prepareCaseWorkDelegate")
    JavaDelegate prepareCaseWork(CaseRepository cases, CaseProcesses processes, JustRegistered justRegistered,
                                 CaseEscalation escalation) {
        return execution -> {
            // a case registered in this transaction goes straight to work: its row and notices are at hand
            JustRegistered.Case just = justRegistered.find(execution.getProcessBusinessKey()).orElse(null);
            CaseRecord record = just != null ? just.record() : record(cases, execution);
            VariableMap values = just != null ? processes.workVariables(record, just.notices()) : processes.workVariables(record);
            if (escalation.readsVariable(execution)) {
                values.putValue(CaseEscalation.VARIABLE, CaseEscalation.groups(record));
            }
            // a value the registration has just set (the summary of a case that goes straight to work) is not written again
            values.forEach((name, value) -> {
                if (!Objects.equals(execution.getVariable(name), value)) {
                    execution.setVariable(name, value);
                }
            });
        };
    }

    /**
     * 登记督办意见 of the root's earlier versions (instances still running on them): the supervisor's
     * note goes into the case's timeline. The current version issues a 督办单 instead.
     */
    @Bean("recordSupervisionDelegate")
    JavaDelegate recordSupervision(CaseRepository cases, CaseEventRepository events, ActingUser actor) {
        return execution -> {
            CaseRecord c = record(cases, execution);
            String note = ProcessVariables.string(execution, "handlingNote");
            events.record(CaseEventType.CASE_SUPERVISED, c.caseNumber(), actor.of(execution, "supervisedBy"), c.window(),
                    ClockUtil.getCurrentTime().toInstant(), note == null || note.isBlank() ? "已督办" : note.strip());
            execution.removeVariable("supervisedBy");
        };
    }

    static CaseRecord record(CaseRepository cases, DelegateExecution execution) {
        return cases.find(execution.getProcessBusinessKey()).orElseThrow(() -> new IllegalStateException(
                "no case record for process " + execution.getProcessInstanceId() + " / " + execution.getProcessBusinessKey()));
    }
}
