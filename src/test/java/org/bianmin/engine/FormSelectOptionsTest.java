package org.bianmin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A form's select fields get their options by key; other fields and other forms stay as they are. */
class FormSelectOptionsTest {

    static final String FORM = """
            {"id": "f", "components": [
              {"key": "kind", "type": "select", "values": [{"label": "old", "value": "OLD"}]},
              {"key": "note", "type": "textarea"}]}""";

    @Test
    void fillsTheSelectFieldsItNamesAndNothingElse() throws Exception {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("LEAVE", "请假");
        kinds.put("BUSINESS", "公出");
        FormSelectOptions options = new FormSelectOptions("f.form", Map.of("kind", FormSelectOptions.labelled(kinds)));

        assertThat(options.appliesTo("f.form")).isTrue();
        assertThat(options.appliesTo("other.form")).isFalse();
        JsonNode form = new ObjectMapper().readTree(options.customize(FORM.getBytes(StandardCharsets.UTF_8)));
        JsonNode values = form.path("components").get(0).path("values");
        assertThat(values).hasSize(2);
        assertThat(values.get(0).path("label").asText()).isEqualTo("请假");
        assertThat(values.get(1).path("value").asText()).isEqualTo("BUSINESS");
        assertThat(form.path("components").get(1).has("values")).isFalse();
    }
}
