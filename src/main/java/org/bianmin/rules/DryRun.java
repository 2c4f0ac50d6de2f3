package org.bianmin.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a draft rule set side by side with the published one, on examples an administrator
 * types and on recent real cases. Contributed by the features that use the rules.
 */
public interface DryRun {

    /** The rule sets this dry run can evaluate. */
    Set<String> ruleSets();

    /** The fields an example may give, with Chinese labels, for the editor's example form. */
    Map<String, String> exampleFields();

    Report run(String ruleSet, Object draft, List<Map<String, String>> examples, int recentCases);

    /** One line per sample: what the published rules decide, what the draft decides, and whether it changed. */
    record Report(List<String> columns, List<Line> lines) {
        /** How many samples would change (in the JSON too, for scripts). */
        @JsonProperty("changed")
        public long changed() {
            return lines.stream().filter(Line::changed).count();
        }
    }

    record Line(String sample, Map<String, String> published, Map<String, String> draft, String error) {
        @JsonProperty("changed")
        public boolean changed() {
            return error != null || !published.equals(draft);
        }
    }
}
