package org.bianmin.staff;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bianmin.engine.DeploymentResourceCustomizer;
import org.bianmin.engine.FormSelectOptions;
import org.bianmin.identity.StaffOptions;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The absence form's (请假外出登记) options: the window staff and the kinds of {@link AbsenceKind}. */
@Configuration
class AbsenceForm {

    @Bean
    DeploymentResourceCustomizer absenceFormOptions(IdentityService identity) {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (AbsenceKind kind : AbsenceKind.values()) {
            kinds.put(kind.name(), kind.label());
        }
        return new FormSelectOptions("staff-absence.form", Map.of(
                "staff", values -> StaffOptions.fill(values, identity), "kind", FormSelectOptions.labelled(kinds)));
    }
}
