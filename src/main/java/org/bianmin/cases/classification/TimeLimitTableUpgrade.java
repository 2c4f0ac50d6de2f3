package org.bianmin.cases.classification;

import java.util.List;
import java.util.Map;
import org.bianmin.catalogue.CaseType;
import org.bianmin.rules.DecisionTableUpgrade;
import org.bianmin.rules.RuleFile;

/**
 * A time-limit table of the earlier release gains the columns 可延期次数 and 超期另报中心领导, filled
 * as that release decided in code: one extension where days may be added, and a joint case's
 * overdue supervision also to the directors.
 */
final class TimeLimitTableUpgrade {

    static final String EXTENSION_MAX_COUNT = "timeLimit.extensionMaxCount($param);";
    static final String ESCALATE_TO_DIRECTORS = "timeLimit.escalateToDirectors($param);";
    static final String NOTE = "版本升级: 补齐「可延期次数」「超期另报中心领导」两列, 取值与原系统一致"
            + "(可延期的每件延期一次; 联办件超期另报中心领导)";

    private static final String TABLE = "timeLimit.";
    private static final String BEFORE = "timeLimit.basis";

    private TimeLimitTableUpgrade() {
    }

    static List<RuleFile> apply(List<RuleFile> files) {
        return files.stream().map(TimeLimitTableUpgrade::apply).toList();
    }

    private static RuleFile apply(RuleFile file) {
        RuleFile counted = DecisionTableUpgrade.addAction(file, TABLE, EXTENSION_MAX_COUNT, "可延期次数", BEFORE,
                row -> extendable(row) ? "1" : "0");
        return DecisionTableUpgrade.addAction(counted, TABLE, ESCALATE_TO_DIRECTORS, "超期另报中心领导", BEFORE,
                row -> CaseType.JOINT.name().equals(row.get("caseType == \"$param\"")) ? "true" : "false");
    }

    private static boolean extendable(Map<String, String> row) {
        String days = row.getOrDefault("timeLimit.extensionMaxDays($param);", "");
        return days.matches("\\d+") && Integer.parseInt(days) > 0;
    }
}
