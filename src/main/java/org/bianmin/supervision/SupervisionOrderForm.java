package org.bianmin.supervision;

import org.bianmin.cases.CaseRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Fills the 督办 task's form with the suggested responsible person and the rule's reply limit;
 * BPMN calls it on the task's creation: {@code ${supervisionOrderForm.prefill(task)}}.
 */
@Component("supervisionOrderForm")
public class SupervisionOrderForm {

    private final SupervisionOrders orders;
    private final CaseRepository cases;

    SupervisionOrderForm(SupervisionOrders orders, CaseRepository cases) {
        this.orders = orders;
        this.cases = cases;
    }

    public void prefill(DelegateTask task) {
        cases.find(task.getExecution().getProcessBusinessKey()).flatMap(orders::defaultResponsible)
                .ifPresent(person -> task.setVariableLocal("orderTo", person));
        task.setVariableLocal("replyDays", (long) orders.defaultReplyDays());
    }
}
