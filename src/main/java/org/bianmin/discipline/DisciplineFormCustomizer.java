package org.bianmin.discipline;

import java.util.Map;
import org.bianmin.engine.DeploymentResourceCustomizer;
import org.bianmin.engine.FormSelectOptions;
import org.bianmin.identity.StaffOptions;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Fills the discipline form's staff and type options from the window staff and the event codes. */
@Component
class DisciplineFormCustomizer implements DeploymentResourceCustomizer {

    private final IdentityService identity;

    DisciplineFormCustomizer(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public boolean appliesTo(String resourceName) {
        return "discipline-record.form".equals(resourceName);
    }

    @Override
    public byte[] customize(byte[] content) {
        return FormSelectOptions.fill(content, Map.of(
                "staff", values -> StaffOptions.fill(values, identity),
                "type", values -> {
                    for (DisciplineType type : DisciplineType.values()) {
                        values.addObject().put("label", type.label()).put("value", type.name());
                    }
                }));
    }
}
