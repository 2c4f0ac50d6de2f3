package org.bianmin.cases.process;

import java.util.List;
import org.bianmin.catalogue.CatalogueService;
import org.bianmin.catalogue.ServiceItem;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code ${jointCase.departments(execution)}}: the departments of a joint item, one part each. */
@Component("jointCase")
public class JointCase {

    private final CatalogueService catalogue;

    public JointCase(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    public List<String> departments(DelegateExecution execution) {
        String itemCode = ProcessVariables.string(execution, "itemCode");
        List<String> departments = catalogue.find(itemCode).map(ServiceItem::jointDepartments).orElse(List.of());
        if (departments.isEmpty()) {
            throw new IllegalStateException("item " + itemCode + " has no joint departments / 联办事项未配置联办部门");
        }
        return departments;
    }
}
