package org.bianmin.staff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.bianmin.engine.DeploymentResourceCustomizer;
import org.springframework.stereotype.Component;

/**
 * A/B cover: the hand-over note of a task taken over from an absent A person (its task variable
 * {@code handoverNote}, see {@link TaskCover}) is shown at the top of the task's form, so B reads it
 * where the work is done and not only on the task card. Every form gets the field; it stays hidden
 * on tasks that have no note.
 */
@Component
class HandoverNoteInForms implements DeploymentResourceCustomizer {

    static final String FIELD_ID = "bianminHandoverNote";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public boolean appliesTo(String resourceName) {
        return resourceName.endsWith(".form");
    }

    @Override
    public byte[] customize(byte[] content) {
        try {
            ObjectNode form = (ObjectNode) json.readTree(content);
            ArrayNode components = (ArrayNode) form.get("components");
            for (var component : components) {
                if (FIELD_ID.equals(component.path("id").asText())) {
                    return content;
                }
            }
            ObjectNode note = json.createObjectNode().put("id", FIELD_ID).put("type", "text")
                    .put("text", "=" + TaskCover.HANDOVER_NOTE); // the note names itself: 交接说明: …
            note.putObject("conditional").put("hide", "=" + TaskCover.HANDOVER_NOTE + " = null");
            components.insert(0, note);
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(form);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
