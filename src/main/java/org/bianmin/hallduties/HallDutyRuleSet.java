package org.bianmin.hallduties;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bianmin.rules.RuleCompilationException;
import org.bianmin.rules.RuleFile;
import org.bianmin.rules.RuleSetDefinition;
import org.springframework.stereotype.Component;

/** The hall-duty limits as an editable rule set: {@code limits.csv}. */
@Component
class HallDutyRuleSet implements RuleSetDefinition {

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
        return "大厅工作时限";
    }

    @Override
    public String description() {
        return "投诉答复、差评整改、代办送达、预约提醒和预约改约联系的时限; 单位可为工作日、工作小时、工作分钟、小时或分钟, 每项须注明依据。";
    }

    @Override
    public Map<String, String> columnHelp() {
        return Map.of("key", "时限项(固定名称)", "value", "时限数值(正整数)",
                "unit", "WORKING_DAYS 工作日 / WORKING_HOURS 工作小时 / WORKING_MINUTES 工作分钟 / HOURS 小时 / MINUTES 分钟", "basis", "依据(制度条款)");
    }

    @Override
    public List<RuleFile> bundledFiles() {
        return List.of(new RuleFile(HallDutyLimits.FILE, HallDutyLimits.bundled().getBytes(StandardCharsets.UTF_8)));
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
    @SuppressWarnings("unchecked")
    public void install(String version, Object compiled) {
        limits.install(version, (Map<String, LimitTable.Limit>) compiled);
    }

    @Override
    public String installedVersion() {
        return limits.version();
    }
}
