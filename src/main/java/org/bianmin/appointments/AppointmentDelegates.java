package org.bianmin.appointments;

import java.time.Instant;
import java.util.Date;
import org.bianmin.engine.ActingUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service tasks of {@code appointment}. */
@Configuration
class AppointmentDelegates {

    @Bean("recordAppointmentApprovalDelegate")
    JavaDelegate recordApproval(AppointmentService appointments, ActingUser actor) {
        return execution -> {
            long id = id(execution);
            appointments.recordApproval(id, "APPROVED".equals(text(execution, "approvalOutcome")), text(execution, "approvalNote"),
                    actor.current());
            execution.setVariable("summary", appointments.summary(id));
        };
    }

    @Bean("recordAppointmentServedDelegate")
    JavaDelegate recordServed(AppointmentService appointments) {
        return execution -> appointments.recordServed(id(execution), text(execution, "serviceNote"));
    }

    @Bean("recordAppointmentCancelledDelegate")
    JavaDelegate recordCancelled(AppointmentService appointments) {
        return execution -> appointments.recordCancelled(id(execution), text(execution, "stateBy"), text(execution, "stateReason"));
    }

    @Bean("recordAppointmentMissedDelegate")
    JavaDelegate recordMissed(AppointmentService appointments) {
        return execution -> appointments.recordMissed(id(execution), text(execution, "stateBy"));
    }

    @Bean("recordAppointmentCannotServeDelegate")
    JavaDelegate recordCannotServe(AppointmentService appointments) {
        return execution -> {
            long id = id(execution);
            Instant due = appointments.recordCannotServe(id, text(execution, "stateReason"));
            execution.setVariable("contactDue", Date.from(due));
            execution.setVariable("summary", appointments.summary(id));
        };
    }

    @Bean("recordAppointmentContactDelegate")
    JavaDelegate recordContact(AppointmentService appointments) {
        return execution -> appointments.recordContact(id(execution), text(execution, "contactNote"));
    }

    @Bean("recordAppointmentContactOverdueDelegate")
    JavaDelegate recordContactOverdue(AppointmentService appointments) {
        return execution -> appointments.recordContactOverdue(id(execution));
    }

    private static long id(DelegateExecution execution) {
        return ((Number) execution.getVariable("appointmentId")).longValue();
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
