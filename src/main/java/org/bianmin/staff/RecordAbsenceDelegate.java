package org.bianmin.staff;

import org.bianmin.engine.ActingUser;
import org.bianmin.identity.CurrentUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记离岗 from the Tasklist start form 请假外出登记: the same checks as {@code POST /api/absences}.
 * A person who leaves 工作人员 empty records their own absence.
 */
@Component("recordAbsenceDelegate")
class RecordAbsenceDelegate implements JavaDelegate {

    private final AbsenceService absences;
    private final ActingUser actor;
    private final IdentityService identity;

    RecordAbsenceDelegate(AbsenceService absences, ActingUser actor, IdentityService identity) {
        this.absences = absences;
        this.actor = actor;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String by = actor.of(execution, "recordedBy");
        CurrentUser user = CurrentUser.ofEngine(identity, by);
        String staff = string(execution, "staff");
        absences.record(new AbsenceService.AbsenceRequest(staff == null || staff.isBlank() ? by : staff,
                string(execution, "kind"), string(execution, "leaveFrom"), string(execution, "leaveUntil"),
                string(execution, "note")), user, execution);
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
