package org.bianmin.accountability;

import java.util.Map;
import org.bianmin.rules.DroolsRuleSet;
import org.bianmin.rules.RuleEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The accountability trigger table ({@code rules/accountability/}) as an editable rule set. */
@Configuration
class AccountabilityRuleSet {

    static final String NAME = "accountability";

    @Bean
    DroolsRuleSet accountabilityRules(RuleEngine engine) {
        return new DroolsRuleSet(NAME, "责任追究规则",
                "由事件(超期、否定报备逾期、一次性告知违规、资料遗失、岗位空缺、投诉属实、差评属实等)提出问责措施"
                        + "(书面检查、通报批评、诫勉谈话、取消评优资格、罚款); 同月重复发生可加重。第一条满足条件的行生效。",
                Map.of(), engine);
    }
}
