package org.bianmin.cases.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.bianmin.catalogue.CatalogueService;
import org.bianmin.catalogue.Material;
import org.bianmin.catalogue.ServiceItem;
import org.bianmin.engine.DeploymentResourceCustomizer;
import org.springframework.stereotype.Component;

/**
 * Fills the intake form from the service catalogue: the items of the {@code itemCode} select, and
 * after it one materials checklist per item ({@code materials_<code>}) shown only for that item.
 */
@Component
class IntakeFormCustomizer implements DeploymentResourceCustomizer {

    static final String FORM = "intake.form";

    private final CatalogueService catalogue;
    private final ObjectMapper json = new ObjectMapper();

    IntakeFormCustomizer(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public boolean appliesTo(String resourceName) {
        return FORM.equals(resourceName);
    }

    @Override
    public byte[] customize(byte[] content) {
        try {
            ObjectNode form = (ObjectNode) json.readTree(content);
            ArrayNode components = (ArrayNode) form.get("components");
            int selectAt = -1;
            for (int i = 0; i < components.size(); i++) {
                if ("itemCode".equals(components.get(i).path("key").asText())) {
                    selectAt = i;
                }
            }
            if (selectAt < 0) {
                throw new IllegalStateException(FORM + " has no itemCode select");
            }
            ArrayNode values = ((ObjectNode) components.get(selectAt)).putArray("values");
            int insertAt = selectAt + 1;
            for (ServiceItem item : catalogue.catalogue().items()) {
                values.addObject().put("label", item.code() + " " + item.name() + " (" + item.caseType().label() + ")")
                        .put("value", item.code());
                components.insert(insertAt++, checklist(item));
            }
            offerPromiseOnlyForMarkedItems(components);
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(form);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 容缺受理 and 告知承诺制 are offered only for the items the catalogue marks, and not for a mere consultation. */
    private void offerPromiseOnlyForMarkedItems(ArrayNode components) {
        offerOnlyFor(components, "acceptOnPromise", ServiceItem::acceptOnPromise);
        offerOnlyFor(components, "commitment", ServiceItem::commitment);
    }

    private void offerOnlyFor(ArrayNode components, String key, java.util.function.Predicate<ServiceItem> marked) {
        String codes = catalogue.catalogue().items().stream().filter(marked)
                .map(item -> "\"" + item.code() + "\"").collect(java.util.stream.Collectors.joining(", "));
        for (JsonNode component : components) {
            if (key.equals(component.path("key").asText())) {
                ((ObjectNode) component).putObject("conditional").put("hide",
                        "=consultationOnly = true or not(list contains([" + codes + "], itemCode))");
            }
        }
    }

    private JsonNode checklist(ServiceItem item) {
        String key = "materials_" + item.code().replace('-', '_');
        ObjectNode checklist = json.createObjectNode()
                .put("id", key).put("key", key).put("type", "checklist")
                .put("label", "已提交的材料 (带*为主件, 缺主件将退回)");
        checklist.putObject("conditional").put("hide", "=itemCode != \"" + item.code() + "\"");
        ArrayNode options = checklist.putArray("values");
        for (Material m : item.materials()) {
            options.addObject().put("label", (m.main() ? "* " : "") + m.name()).put("value", m.code());
        }
        return checklist;
    }
}
