package org.bianmin.rules;

import java.util.List;

/**
 * A version of a rule set compiled by its definition, kept with it so that putting it in force
 * needs no cast: what {@code RuleSetService} and {@code RulePublication} pass around between
 * compiling, dry-running and installing.
 */
public record CompiledVersion<T>(RuleSetDefinition<T> definition, String label, T value) {

    /**
     * Compiles, in this release's layout ({@link RuleSetDefinition#upgrade}: e.g. a workbook of an earlier
     * layout validated); a version that does not compile throws {@link RuleCompilationException}.
     */
    public static <T> CompiledVersion<T> of(RuleSetDefinition<T> definition, String label, List<RuleFile> files) {
        return new CompiledVersion<>(definition, label, definition.compile(label, definition.upgrade(files)));
    }

    /** In force on this node. */
    void install() {
        definition.install(label, value);
    }

    /** In force on this node, with what its publication changes beyond the rules (once, on the publishing node). */
    void publishAndInstall() {
        definition.publishing(label, value);
        definition.install(label, value);
    }
}
