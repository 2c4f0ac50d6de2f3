package org.bianmin.hallduties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bianmin.rules.RuleProblem;

/** Parses {@code limits.csv} ({@code key,value,unit,basis}); every problem names its row and column. */
public final class LimitTable {

    /** A duration (the first five), a score in points, a day of the month after the one concerned, or a number of days. */
    public enum Unit {
        WORKING_DAYS("个工作日"), WORKING_HOURS("个工作小时"), WORKING_MINUTES("个工作分钟"), HOURS("小时"), MINUTES("分钟"),
        POINTS("分"), DAY_OF_NEXT_MONTH("日(次月)"), DAYS("天");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean isDuration() {
            return this != POINTS && this != DAY_OF_NEXT_MONTH && this != DAYS;
        }
    }

    public record Limit(String key, int value, Unit unit, String basis) {
    }

    static final List<String> HEADER = List.of("key", "value", "unit", "basis");
    /** Every key the running system reads; a table lacking one is refused. */
    static final Set<String> REQUIRED_KEYS = HallDutyLimits.KEY_LABELS.keySet();
    /** Keys added after the first release: a table published before them gains them at start ({@link HallDutyRuleSet#upgrade}). */
    static final Set<String> ADDED_KEYS = Set.of(HallDutyLimits.DENIAL_FILING, HallDutyLimits.EXTENSION_DECISION,
            HallDutyLimits.DELAY_DECISION, HallDutyLimits.ACCOUNTABILITY_REVIEW, HallDutyLimits.SUPPLEMENT_DEADLINE,
            HallDutyLimits.COMMITMENT_VERIFICATION, HallDutyLimits.SUPERVISION_REPLY, HallDutyLimits.ACCOUNTABILITY_STATEMENT,
            HallDutyLimits.ASSESSMENT_BASE_SCORE, HallDutyLimits.ASSESSMENT_PUBLISH_BY, HallDutyLimits.DENIAL_REPORT_BY,
            HallDutyLimits.ASSESSMENT_APPEAL, HallDutyLimits.ENGINE_HISTORY_RETENTION);
    /** The keys with their one unit (a score, a day of the month, calendar days); every other key takes a working-time or clock duration. */
    static final Map<String, Unit> FIXED_UNITS = Map.of(HallDutyLimits.ASSESSMENT_BASE_SCORE, Unit.POINTS,
            HallDutyLimits.ASSESSMENT_PUBLISH_BY, Unit.DAY_OF_NEXT_MONTH, HallDutyLimits.DENIAL_REPORT_BY, Unit.DAY_OF_NEXT_MONTH,
            HallDutyLimits.ENGINE_HISTORY_RETENTION, Unit.DAYS);
    /** The last day every month has. */
    static final int LAST_COMMON_DAY = 28;

    public static class LimitFormatException extends IllegalArgumentException {
        private final transient List<RuleProblem> problems;

        LimitFormatException(List<RuleProblem> problems) {
            super(problems.toString());
            this.problems = List.copyOf(problems);
        }

        public List<RuleProblem> problems() {
            return problems;
        }
    }

    private LimitTable() {
    }

    public static Map<String, Limit> parse(String csv) {
        Map<String, Limit> limits = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<RuleProblem> problems = new ArrayList<>();
        String[] lines = csv.replace("\r", "").split("\n");
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            int row = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = List.of(line.split(",", 4)).stream().map(String::strip).toList();
            if (!headerSeen) {
                headerSeen = true;
                if (!cells.equals(HEADER)) {
                    problems.add(problem(row, 1, "表头必须是 key,value,unit,basis / header must be key,value,unit,basis"));
                }
                continue;
            }
            if (cells.size() < 4 || cells.get(3).isBlank()) {
                problems.add(problem(row, Math.min(cells.size() + 1, 4), "每行需要 key,value,unit,basis 四列且须注明依据 / "
                        + "every row needs key, value, unit and a basis"));
                continue;
            }
            String key = cells.get(0);
            seen.add(key);
            if (!REQUIRED_KEYS.contains(key)) {
                problems.add(problem(row, 1, "未知的事项「" + key + "」, 请从下拉列表中选择: " + String.join("、", HallDutyLimits.KEY_LABELS.values())));
            } else if (limits.containsKey(key)) {
                problems.add(problem(row, 1, "时限项重复 / duplicate key " + key));
            }
            Integer value = null;
            try {
                value = Integer.valueOf(cells.get(1));
            } catch (NumberFormatException e) {
                // reported below
            }
            if (value == null || value <= 0) {
                problems.add(problem(row, 2, "时限必须是正整数 / value must be a positive whole number: " + cells.get(1)));
            }
            Unit unit = null;
            try {
                unit = Unit.valueOf(cells.get(2));
            } catch (IllegalArgumentException e) {
                problems.add(problem(row, 3, "单位必须是 WORKING_DAYS, WORKING_HOURS, WORKING_MINUTES, HOURS 或 MINUTES / unknown unit " + cells.get(2)));
            }
            Unit fixed = FIXED_UNITS.get(key);
            if (unit != null && fixed != null && unit != fixed) {
                problems.add(problem(row, 3, key + " 的单位必须是 " + fixed + "(" + fixed.label() + ") / the unit of " + key + " is " + fixed));
                unit = null;
            } else if (unit != null && fixed == null && !unit.isDuration()) {
                problems.add(problem(row, 3, key + " 是时限, 单位必须是 WORKING_DAYS, WORKING_HOURS, WORKING_MINUTES, HOURS 或 MINUTES / "
                        + key + " is a duration"));
                unit = null;
            }
            if (unit == Unit.DAY_OF_NEXT_MONTH && value != null && value > LAST_COMMON_DAY) {
                problems.add(problem(row, 2, "次月日期必须在1到" + LAST_COMMON_DAY + "之间 / the day must be 1 to " + LAST_COMMON_DAY));
                value = null;
            }
            if (value != null && value > 0 && unit != null && REQUIRED_KEYS.contains(key)) {
                limits.put(key, new Limit(key, value, unit, cells.get(3)));
            }
        }
        for (String key : REQUIRED_KEYS) {
            if (!seen.contains(key)) {
                problems.add(problem(null, 1, "缺少「" + HallDutyLimits.KEY_LABELS.get(key) + "」一行, 系统需要它"));
            }
        }
        if (!problems.isEmpty()) {
            throw new LimitFormatException(problems);
        }
        return limits;
    }

    private static RuleProblem problem(Integer row, Integer column, String message) {
        return new RuleProblem(HallDutyLimits.FILE, row, column, message);
    }
}
