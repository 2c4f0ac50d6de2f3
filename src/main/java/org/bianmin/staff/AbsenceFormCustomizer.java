package org.bianmin.staff;

import java.util.Map;
import org.bianmin.engine.DeploymentResourceCustomizer;
import org.bianmin.engine.FormSelectOptions;
import org.bianmin.identity.StaffOptions;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Fills the absence form's staff and kind options from the window staff and {@link AbsenceKind}. */
@Component
class AbsenceFormCustomizer implements DeploymentResourceCustomizer {

    private final IdentityService identity;

    AbsenceFormCustomizer(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public boolean appliesTo(String resourceName) {
        return "staff-absence.form".equals(resourceName);
    }

    @Override
    public byte[] customize(byte[] content) {
        return FormSelectOptions.fill(content, Map.of(
                "staff", values -> StaffOptions.fill(values, identity),
                "kind", values -> {
                    for (AbsenceKind kind : AbsenceKind.values()) {
                        values.addObject().put("label", kind.label()).put("value", kind.name());
                    }
                }));
    }
}
