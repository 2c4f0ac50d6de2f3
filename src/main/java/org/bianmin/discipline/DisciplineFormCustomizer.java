package org.bianmin.discipline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.bianmin.engine.DeploymentResourceCustomizer;
import org.bianmin.identity.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Fills the discipline form's staff and type options from the window staff and the event codes. */
@Component
class DisciplineFormCustomizer implements DeploymentResourceCustomizer {

    private final IdentityService identity;
    private final ObjectMapper json = new ObjectMapper();

    DisciplineFormCustomizer(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public boolean appliesTo(String resourceName) {
        return "discipline-record.form".equals(resourceName);
    }

    @Override
    public byte[] customize(byte[] content) {
        try {
            ObjectNode form = (ObjectNode) json.readTree(content);
            for (var component : form.get("components")) {
                String key = component.path("key").asText();
                if (key.equals("staff")) {
                    ArrayNode values = ((ObjectNode) component).putArray("values");
                    for (User user : identity.createUserQuery().memberOfGroup(Groups.CLERKS).orderByUserId().asc().list()) {
                        values.addObject().put("label", user.getFirstName() + " " + user.getLastName() + " (" + user.getId() + ")")
                                .put("value", user.getId());
                    }
                } else if (key.equals("type")) {
                    ArrayNode values = ((ObjectNode) component).putArray("values");
                    for (DisciplineType type : DisciplineType.values()) {
                        values.addObject().put("label", type.label()).put("value", type.name());
                    }
                }
            }
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(form);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
