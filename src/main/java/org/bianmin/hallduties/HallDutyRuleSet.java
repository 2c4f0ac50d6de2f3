package org.bianmin.hallduties;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bianmin.rules.InForce;
import org.bianmin.rules.RuleCompilationException;
import org.bianmin.rules.RuleFile;
import org.bianmin.rules.RuleSetDefinition;
import org.springframework.stereotype.Component;

/** The hall-duty limits as an editable rule set: {@code limits.csv}. */
@Component
class HallDutyRuleSet implements RuleSetDefinition<Map<String, LimitTable.Limit>> {

    private final HallDutyLimits limits;

    HallDutyRuleSet(HallDutyLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return "hall-duties";
    }

    @Override
    public String title() {
        return "大厅工作时限与考核日程";
    }

    @Override
    public String description() {
        return "投诉答复、差评整改、代办送达、预约提醒和改约联系、否定报备、延期与滞办审批、问责审核、补正期限、告知承诺核查的时限, "
                + "以及月度考核的基础分和考核、否定报备月报的次月截止日, 流程引擎历史的保留天数; 时限单位可为工作日、工作小时、工作分钟、小时或分钟, "
                + "每项须注明依据。";
    }

    @Override
    public Map<String, String> columnHelp() {
        return Map.of("key", "事项", "value", "数值(正整数)", "unit", "单位(时限用工作日、工作小时、工作分钟、小时或分钟; 考核基础分用分; "
                + "截止日用次月第几日, 1-28; 保留期用天)", "basis", "依据(制度条款)");
    }

    @Override
    public Map<String, Map<String, String>> columnOptions() {
        Map<String, String> units = new java.util.LinkedHashMap<>();
        for (LimitTable.Unit unit : LimitTable.Unit.values()) {
            units.put(unit.name(), unit.label().replace("个", ""));
        }
        return Map.of("key", HallDutyLimits.KEY_LABELS, "unit", units);
    }

    @Override
    public List<RuleFile> bundledFiles() {
        return List.of(new RuleFile(HallDutyLimits.FILE, HallDutyLimits.bundled().getBytes(StandardCharsets.UTF_8)));
    }

    /** A table published before a key existed gains the shipped row for it (its value and basis). */
    @Override
    public List<RuleFile> upgrade(List<RuleFile> files) {
        return files.stream().map(f -> f.name().equals(HallDutyLimits.FILE) ? withAddedKeys(f) : f).toList();
    }

    @Override
    public String upgradeNote() {
        return "版本升级: 补齐新版系统新增的时限项(取随版本提供的值与依据), 原有各项不变";
    }

    static RuleFile withAddedKeys(RuleFile file) {
        String text = new String(file.content(), StandardCharsets.UTF_8);
        java.util.Set<String> present = new java.util.HashSet<>();
        for (String line : text.split("\\R")) {
            present.add(line.split(",", 2)[0].strip());
        }
        StringBuilder upgraded = new StringBuilder(text);
        for (String line : HallDutyLimits.bundled().split("\\R")) {
            String key = line.split(",", 2)[0].strip();
            if (LimitTable.ADDED_KEYS.contains(key) && !present.contains(key)) {
                if (upgraded.length() > 0 && upgraded.charAt(upgraded.length() - 1) != '\n') {
                    upgraded.append('\n');
                }
                upgraded.append(line).append('\n');
            }
        }
        return upgraded.length() == text.length() ? file : new RuleFile(file.name(), upgraded.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Map<String, LimitTable.Limit> compile(String version, List<RuleFile> files) {
        String csv = files.stream().filter(f -> f.name().equals(HallDutyLimits.FILE)).findFirst()
                .map(f -> new String(f.content(), StandardCharsets.UTF_8)).orElse("");
        try {
            return LimitTable.parse(csv);
        } catch (LimitTable.LimitFormatException e) {
            throw new RuleCompilationException(name(), e.problems());
        }
    }

    @Override
    public InForce<Map<String, LimitTable.Limit>> inForce() {
        return limits.inForce();
    }
}
