package org.bianmin.discipline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bianmin.engine.DeploymentResourceCustomizer;
import org.bianmin.engine.FormSelectOptions;
import org.bianmin.identity.StaffOptions;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The discipline form's (考勤纪律登记) options: the window staff and the event codes of {@link DisciplineType}. */
@Configuration
class DisciplineForm {

    @Bean
    DeploymentResourceCustomizer disciplineFormOptions(IdentityService identity) {
        Map<String, String> types = new LinkedHashMap<>();
        for (DisciplineType type : DisciplineType.values()) {
            types.put(type.name(), type.label());
        }
        return new FormSelectOptions("discipline-record.form", Map.of(
                "staff", values -> StaffOptions.fill(values, identity), "type", FormSelectOptions.labelled(types)));
    }
}
