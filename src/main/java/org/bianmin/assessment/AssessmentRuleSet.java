package org.bianmin.assessment;

import java.util.Map;
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
                "基础分100分; 考勤纪律、窗口形象事件、超期办件和经确认的问责按表加扣分; 窗口排名前5为红旗窗口, "
                        + "后5名取消当月评优资格(未进入前5者)。",
                Map.of(), engine);
    }
}
