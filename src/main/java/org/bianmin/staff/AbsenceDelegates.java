package org.bianmin.staff;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code staff-absence}: cover begins, cover ends; each checks for vacant posts. */
@Configuration
class AbsenceDelegates {

    @Bean("beginCoverDelegate")
    JavaDelegate beginCover(TaskCover cover, VacancyChecker vacancies) {
        return execution -> {
            execution.setVariable("tasksHandedOver", cover.begin(absenceId(execution)));
            vacancies.check(ClockUtil.getCurrentTime().toInstant());
        };
    }

    @Bean("endCoverDelegate")
    JavaDelegate endCover(TaskCover cover, VacancyChecker vacancies) {
        return execution -> {
            execution.setVariable("tasksHandedBack", cover.end(absenceId(execution)));
            vacancies.check(ClockUtil.getCurrentTime().toInstant());
        };
    }

    private static long absenceId(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        return ((Number) execution.getVariable("absenceId")).longValue();
    }
}
