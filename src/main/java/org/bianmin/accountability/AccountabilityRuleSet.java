package org.bianmin.accountability;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import org.bianmin.events.CaseEventType;
import org.bianmin.rules.CompiledRuleSet;
import org.bianmin.rules.DroolsRuleSet;
import org.bianmin.rules.RuleCompiler;
import org.bianmin.rules.RuleEngine;
import org.bianmin.rules.RuleFile;
import org.springframework.stereotype.Component;

/**
 * The accountability trigger table ({@code rules/accountability/}) as an editable rule set. It also
 * tells which event types the version in force can turn into a record at all, so that the many
 * events no row names (a registration, a completion) neither count the person's month nor wait for
 * the lock that guards that count.
 */
@Component
class AccountabilityRuleSet extends DroolsRuleSet {

    static final String NAME = "accountability";
    static final String TYPE_COLUMN = "triggerType == \"$param\"";

    /** The event types of each compiled version until it is installed (a validation compiles and drops one). */
    private final Map<CompiledRuleSet, Optional<Set<String>>> compiledTypes = Collections.synchronizedMap(new WeakHashMap<>());
    /** Empty while the version in force has a row for any type (a blank 事件类型 cell, or a DRL rule). */
    private volatile Optional<Set<String>> triggerTypes = Optional.empty();

    AccountabilityRuleSet(RuleEngine engine) {
        super(NAME, "责任追究规则",
                "由事件(超期、否定报备逾期、一次性告知违规、资料遗失、岗位空缺、投诉属实、差评属实等)提出问责措施"
                        + "(书面检查、通报批评、诫勉谈话、取消评优资格、罚款); 同月重复发生可加重。第一条满足条件的行生效。",
                Map.of(), engine, Map.of(TYPE_COLUMN, DroolsRuleSet.labels(CaseEventType.values(), CaseEventType::label)));
    }

    @Override
    public CompiledRuleSet compile(String version, List<RuleFile> files) {
        CompiledRuleSet compiled = super.compile(version, files);
        compiledTypes.put(compiled, typesNamed(files));
        return compiled;
    }

    @Override
    public void install(String version, CompiledRuleSet compiled) {
        Optional<Set<String>> types = compiledTypes.remove(compiled);
        super.install(version, compiled);
        triggerTypes = types == null ? Optional.empty() : types;
    }

    /** Whether an event of this type can lead to a record under the version in force. */
    boolean mayTrigger(String eventType) {
        Optional<Set<String>> types = triggerTypes;
        return types.isEmpty() || types.get().contains(eventType);
    }

    static Optional<Set<String>> typesNamed(List<RuleFile> files) {
        return RuleCompiler.columnCells(files, TYPE_COLUMN)
                .filter(cells -> !cells.contains(""))
                .map(Set::copyOf);
    }
}
