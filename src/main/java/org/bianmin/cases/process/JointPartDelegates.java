package org.bianmin.cases.process;

import org.bianmin.engine.ActingUser;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A joint case's department part is recorded as an event the merge step and the assessment read. */
@Configuration
class JointPartDelegates {

    @Bean("recordJointPartDelegate")
    JavaDelegate recordJointPart(CaseEventRepository events, ActingUser actor) {
        return execution -> {
            Boolean approved = ProcessVariables.bool(execution, "partApproved");
            String note = ProcessVariables.string(execution, "partNote");
            events.record(CaseEventType.JOINT_PART_DONE, execution.getProcessBusinessKey(), actor.of(execution, null),
                    ProcessVariables.string(execution, "partDepartment"), ClockUtil.getCurrentTime().toInstant(),
                    (Boolean.FALSE.equals(approved) ? "不同意" : "同意") + (note == null || note.isBlank() ? "" : ": " + note));
        };
    }
}
