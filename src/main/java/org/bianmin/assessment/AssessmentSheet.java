package org.bianmin.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/assessments/{yyyy-MM}}: every staff member's score with its lines, and the window
 * ranking; {@code title} and {@code stateLabel} as the printed sheet and the exports head them.
 */
public record AssessmentSheet(String month, String state, String ruleVersion, Instant computedAt, Instant publishedAt,
                              String publishedBy, List<StaffScore> staff, List<WindowScore> windows, String title,
                              String stateLabel, String publishedByName) {

    /** 2026年12月 窗口工作人员月度考核汇总表 */
    public static String title(java.time.YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月 窗口工作人员月度考核汇总表";
    }

    public static String stateLabel(String state) {
        return "PUBLISHED".equals(state) ? "已发布" : "草稿(未发布)";
    }

    /** The sheet as one person may read it once it is published: his own line, and the window ranking. */
    public AssessmentSheet onlyOf(String person) {
        return new AssessmentSheet(month, state, ruleVersion, computedAt, publishedAt, publishedBy,
                staff.stream().filter(s -> s.staff().equals(person)).toList(), windows, title, stateLabel, publishedByName);
    }

    public record Line(String source, Long sourceId, String type, BigDecimal points, String description, String rule,
                       Instant occurredAt) {
    }

    public record StaffScore(String staff, String name, String window, BigDecimal score, List<Line> lines, String windowName) {
    }

    public record WindowScore(String window, String name, BigDecimal score, int rank, boolean redFlag, boolean awardEligible) {
    }
}
