package org.bianmin.cases.classification;

import java.util.Map;
import org.bianmin.catalogue.CaseType;
import org.bianmin.catalogue.ServiceItem;
import org.bianmin.cases.Disposition;
import org.bianmin.rules.DroolsRuleSet;
import org.bianmin.rules.RuleEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Drools rule tables intake uses, as editable rule sets. */
@Configuration
class IntakeRuleSets {

    @Bean
    DroolsRuleSet classificationRules(RuleEngine engine) {
        return new DroolsRuleSet("classification", "受理分类规则",
                "决定申请的处理方式(咨询件/退回件/补充件/受理件)、退回原因与依据, 以及受理件的办件类型(即办/承诺/上报/联办/信访)。"
                        + "每张表自上而下, 第一条满足条件的行生效; 空白单元格表示不限。",
                Map.of(), engine, Map.of(
                        "outcome.disposition(\"$param\");", DroolsRuleSet.labels(Disposition.values(), Disposition::label),
                        "outcome.caseType(\"$param\");", DroolsRuleSet.labels(CaseType.values(), CaseType::label),
                        "defaultCaseType == \"$param\"", DroolsRuleSet.labels(CaseType.values(), CaseType::label),
                        "approvalLevel == \"$param\"", DroolsRuleSet.labels(ServiceItem.ApprovalLevel.values(),
                                ServiceItem.ApprovalLevel::label)))
                .withRanges(Map.of("missingMainCount > $param", new double[] {0, 100}, "missingGeneralCount > $param", new double[] {0, 100}));
    }

    @Bean
    DroolsRuleSet timeLimitRules(RuleEngine engine) {
        return new DroolsRuleSet("time-limits", "办结时限与预警规则",
                "按办件类型给出办结时限(工作日或工作分钟)、预警时点、窗口移交时限、可延期天数与次数、联办部门时限占比、超期是否另报中心领导, 并注明依据。",
                Map.of(), engine, Map.of("caseType == \"$param\"", DroolsRuleSet.labels(CaseType.values(), CaseType::label)))
                .withRanges(Map.of("timeLimit.days($param);", new double[] {1, 366}, "timeLimit.minutes($param);", new double[] {1, 100_000},
                        "timeLimit.warnPercent($param);", new double[] {1, 100}, "timeLimit.warnMinutesLeft($param);", new double[] {0, 100_000},
                        "timeLimit.warnDaysLeft($param);", new double[] {0, 366}, "timeLimit.handoverMinutes($param);", new double[] {1, 100_000},
                        "timeLimit.extensionMaxDays($param);", new double[] {0, 366}, "timeLimit.partPercent($param);", new double[] {1, 100},
                        "timeLimit.extensionMaxCount($param);", new double[] {0, 10}))
                .withUpgrade(TimeLimitTableUpgrade::apply, TimeLimitTableUpgrade.NOTE);
    }

}
