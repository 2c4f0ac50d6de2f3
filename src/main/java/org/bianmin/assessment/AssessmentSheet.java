package org.bianmin.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/assessments/{yyyy-MM}}: every staff member's score with its lines, and the window ranking. */
public record AssessmentSheet(String month, String state, String ruleVersion, Instant computedAt, Instant publishedAt,
                              String publishedBy, List<StaffScore> staff, List<WindowScore> windows) {

    public record Line(String source, Long sourceId, String type, BigDecimal points, String description, String rule,
                       Instant occurredAt) {
    }

    public record StaffScore(String staff, String name, String window, BigDecimal score, List<Line> lines) {
    }

    public record WindowScore(String window, String name, BigDecimal score, int rank, boolean redFlag, boolean awardEligible) {
    }
}
