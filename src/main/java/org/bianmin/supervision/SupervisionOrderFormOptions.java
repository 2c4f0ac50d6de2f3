package org.bianmin.supervision;

import java.util.Map;
import org.bianmin.engine.DeploymentResourceCustomizer;
import org.bianmin.engine.FormSelectOptions;
import org.bianmin.identity.StaffOptions;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The 督办 task form's (supervision-order) choice of the responsible person: the window staff. */
@Configuration
class SupervisionOrderFormOptions {

    @Bean
    DeploymentResourceCustomizer supervisionOrderStaffOptions(IdentityService identity) {
        return new FormSelectOptions("supervision-order.form", Map.of("orderTo", values -> StaffOptions.fill(values, identity)));
    }
}
