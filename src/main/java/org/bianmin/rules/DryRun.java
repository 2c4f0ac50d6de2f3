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

    Report run(String ruleSet, CompiledVersion<?> draft, List<Map<String, String>> examples, int recentCases);

    /**
     * The complete dry run a version must pass before it is submitted: every case the rules can
     * meet, evaluated against the draft through to what the processes read. Errors refuse the
     * version (naming the row at fault); warnings are shown. {@code published} gives the files of
     * the other rule sets in force.
     */
    default List<RuleProblem> check(String ruleSet, CompiledVersion<?> draft, List<RuleFile> files,
                                    java.util.function.Function<String, List<RuleFile>> published) {
        return List.of();
    }

    /**
     * One line per sample: what the published rules decide, what the draft decides, and whether it
     * changed; {@code note} says, in Chinese, what the comparison means for cases already running.
     */
    record Report(List<String> columns, List<Line> lines, String note) {
        /** How many samples would change (in the JSON too, for scripts). */
        @JsonProperty("changed")
        public long changed() {
            return lines.stream().filter(Line::changed).count();
        }
    }

    /** What a sample is: typed by the administrator, a recent case asked again, or a running case the draft moves. */
    enum Kind {
        EXAMPLE("示例"), RECENT_CASE("近期案件(对照)"), RUNNING_CASE("在办案件(将改排)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** {@code item} and {@code window} are the sample's item and window by name. */
    record Line(String sample, Kind kind, String item, String window, Map<String, String> published, Map<String, String> draft,
                String error) {
        @JsonProperty("changed")
        public boolean changed() {
            return error != null || !published.equals(draft);
        }

        @JsonProperty("kindLabel")
        public String kindLabel() {
            return kind.label();
        }
    }
}
