package org.bianmin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bianmin.rules.RuleFile;
import org.bianmin.rules.RulePublication;
import org.bianmin.rules.RuleSetService;
import org.bianmin.rules.RuleSetVersion;

/**
 * A rule set's published version and new versions of it as the rule administrator and the
 * director make them: files changed by name, saved as a draft, submitted, approved, in force.
 */
public final class RuleVersions {

    private final RuleSetService rules;
    private final RulePublication publication;
    private final String ruleSet;

    public RuleVersions(RuleSetService rules, RulePublication publication, String ruleSet) {
        this.rules = rules;
        this.publication = publication;
        this.ruleSet = ruleSet;
    }

    /** The rule administrator submits the published files with {@code changed} in place; the director approves. */
    public void publish(Map<String, String> changed, String comment) {
        rules.saveDraft(ruleSet, files(changed), comment, "ruleadmin");
        approve(publication.submit(ruleSet, new RulePublication.Submission(comment, null, null, true), "ruleadmin"));
    }

    /** The director approves what the rule administrator submitted (a new version or a rollback): it is in force at once. */
    public void approve(RuleSetVersion submitted) {
        assertThat(publication.decide(ruleSet, submitted.version(), true, "同意", "director").state())
                .isEqualTo(RuleSetVersion.State.PUBLISHED);
    }

    /** The published files, with {@code changed} replacing or adding files by name. */
    public List<RuleFile> files(Map<String, String> changed) {
        List<RuleFile> files = new ArrayList<>(published().files().stream().filter(f -> !changed.containsKey(f.name())).toList());
        changed.forEach((name, content) -> files.add(new RuleFile(name, content.getBytes(StandardCharsets.UTF_8))));
        return files;
    }

    /** A file of the published version. */
    public String file(String name) {
        return published().files().stream().filter(f -> f.name().equals(name)).map(f -> new String(f.content(), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
    }

    public RuleSetVersion published() {
        return rules.versions(ruleSet).stream().filter(v -> v.state() == RuleSetVersion.State.PUBLISHED).findFirst().orElseThrow();
    }
}
