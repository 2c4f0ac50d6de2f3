package org.bianmin.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Completes a Camunda Form of {@code forms/} with the options of its select fields, by field key,
 * from data administrators maintain (the staff, the kinds of a code list); filled at deployment.
 */
public final class FormSelectOptions implements DeploymentResourceCustomizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String resourceName;
    private final Map<String, Consumer<ArrayNode>> optionsByKey;

    public FormSelectOptions(String resourceName, Map<String, Consumer<ArrayNode>> optionsByKey) {
        this.resourceName = resourceName;
        this.optionsByKey = Map.copyOf(optionsByKey);
    }

    /** One option per label and value, e.g. from an enum's Chinese labels. */
    public static Consumer<ArrayNode> labelled(Map<String, String> labelByValue) {
        return values -> labelByValue.forEach((value, label) -> values.addObject().put("label", label).put("value", value));
    }

    @Override
    public boolean appliesTo(String name) {
        return resourceName.equals(name);
    }

    @Override
    public byte[] customize(byte[] form) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(form);
            for (var component : root.get("components")) {
                Consumer<ArrayNode> options = optionsByKey.get(component.path("key").asText());
                if (options != null) {
                    options.accept(((ObjectNode) component).putArray("values"));
                }
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
