package org.bianmin.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;

/** Writes the options of a Camunda Form's select fields, by field key, into the form's JSON. */
public final class FormSelectOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormSelectOptions() {
    }

    public static byte[] fill(byte[] form, Map<String, Consumer<ArrayNode>> optionsByKey) {
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
