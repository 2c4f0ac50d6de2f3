package org.bianmin.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bianmin.discipline.DisciplineType;
import org.bianmin.events.CaseEventType;
import org.bianmin.rules.DroolsRuleSet;
import org.bianmin.rules.RuleEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The monthly assessment's points and ranking table ({@code rules/assessment/}) as an editable rule set. */
@Configuration
class AssessmentRuleSet {

    static final String NAME = "assessment";

    @Bean
    DroolsRuleSet assessmentRules(RuleEngine engine) {
        return new DroolsRuleSet(NAME, "月度考核加扣分规则",
                "在基础分(见「大厅工作时限与考核日程」表, 出厂为100分)上, 考勤纪律、窗口形象事件、超期办件和经确认的问责按表加扣分; "
                        + "窗口排名的红旗窗口与取消评优资格也由本表决定。",
                Map.of(), engine, Map.of("source == \"$param\"", SOURCES, "itemType == \"$param\"", itemTypes()));
    }

    /** Where a scored item comes from, as {@code AssessmentService} names it. */
    static final Map<String, String> SOURCES = sources();

    private static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("DISCIPLINE", "考勤纪律");
        sources.put("CASE", "办件事件");
        sources.put("ACCOUNTABILITY", "问责");
        return sources;
    }

    /** A discipline type or a case event type, by its Chinese name. */
    private static Map<String, String> itemTypes() {
        Map<String, String> types = new LinkedHashMap<>(DroolsRuleSet.labels(DisciplineType.values(), DisciplineType::label));
        DroolsRuleSet.labels(CaseEventType.values(), CaseEventType::label).forEach(types::putIfAbsent);
        return types;
    }
}
