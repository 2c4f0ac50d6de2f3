package org.bianmin.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bianmin.rules.InForce;
import org.bianmin.rules.RuleCompilationException;
import org.bianmin.rules.RuleFile;
import org.bianmin.rules.RuleProblem;
import org.bianmin.rules.RuleSetDefinition;
import org.springframework.context.ApplicationEventPublisher;
import java.util.LinkedHashMap;
import org.bianmin.identity.Groups;
import org.bianmin.rules.DroolsRuleSet;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** The service catalogue as an editable rule set: {@code items.csv} and {@code materials.csv}. */
@Component
class CatalogueRuleSet implements RuleSetDefinition<Catalogue> {

    private final CatalogueService catalogue;
    private final ApplicationEventPublisher events;
    private final IdentityService identity;

    CatalogueRuleSet(CatalogueService catalogue, ApplicationEventPublisher events, IdentityService identity) {
        this.catalogue = catalogue;
        this.events = events;
        this.identity = identity;
    }

    @Override
    public String name() {
        return "catalogue";
    }

    @Override
    public String title() {
        return "事项目录";
    }

    @Override
    public String description() {
        return "服务事项及其承办部门、窗口、默认办件类型、承诺/法定时限(工作日)、审批层级、联办部门、收费、法律依据; "
                + "「材料清单」为各事项所需材料(主件缺失将退回, 一般材料缺失为补充件)。";
    }

    @Override
    public Map<String, String> columnHelp() {
        return Map.ofEntries(
                Map.entry("code", "事项编码(唯一)"), Map.entry("name", "事项名称"), Map.entry("department", "承办部门"),
                Map.entry("window", "受理窗口"), Map.entry("caseType", "默认办件类型"),
                Map.entry("promisedWorkingDays", "承诺时限(工作日, 即办件为0)"), Map.entry("statutoryWorkingDays", "法定时限(工作日)"),
                Map.entry("approvalLevel", "审批层级"), Map.entry("jointDepartments", "联办部门(联办件的各参与部门, 可选多个)"),
                Map.entry("onTheSpot", "可当场办结"),
                Map.entry("acceptOnPromise", "容缺受理: 主件齐全、次要材料欠缺时, 申请人书面承诺限期补齐即予受理"),
                Map.entry("commitment", "告知承诺制: 申请人书面承诺符合条件的, 以承诺代替次要(证明)材料, 办结后核查, 承诺不实的撤销"),
                Map.entry("fee", "收费(元)"),
                Map.entry("legalBasis", "法律依据"), Map.entry("itemCode", "所属事项编码"), Map.entry("code@materials", "材料编码(同一事项内唯一)"),
                Map.entry("name@materials", "材料名称"),
                Map.entry("main", "是否主件"));
    }

    @Override
    public String fileTitle(String fileName) {
        return switch (fileName) {
            case "items.csv" -> "事项清单";
            case "materials.csv" -> "材料清单";
            default -> title();
        };
    }

    /** Dropdowns of the catalogue's enumerated columns; departments and windows are the centre's groups, by name. */
    @Override
    public Map<String, Map<String, String>> columnOptions() {
        Map<String, String> yesNo = new LinkedHashMap<>();
        yesNo.put("true", "是");
        yesNo.put("false", "否");
        return Map.of("caseType", DroolsRuleSet.labels(CaseType.values(), CaseType::label),
                "approvalLevel", DroolsRuleSet.labels(ServiceItem.ApprovalLevel.values(), ServiceItem.ApprovalLevel::label),
                "onTheSpot", yesNo, "acceptOnPromise", yesNo, "commitment", yesNo, "main", yesNo,
                "department", Groups.names(identity, Groups.DEPARTMENT_PREFIX), "window", Groups.names(identity, Groups.WINDOW_PREFIX),
                "jointDepartments", Groups.names(identity, Groups.DEPARTMENT_PREFIX));
    }

    @Override
    public java.util.Set<String> multiValueColumns() {
        return java.util.Set.of("jointDepartments");
    }

    /** Columns added to the items table since the first release; a catalogue without them marks no item. */
    static final List<String> ADDED_ITEM_COLUMNS = List.of("acceptOnPromise", "commitment");

    /** A catalogue of an earlier release gains the columns added since, every item unmarked (false), as it decided before. */
    @Override
    public List<RuleFile> upgrade(List<RuleFile> files) {
        return files.stream().map(f -> f.name().equals("items.csv") ? withAddedColumns(f) : f).toList();
    }

    @Override
    public String upgradeNote() {
        return "版本升级: 事项清单补齐「容缺受理」「告知承诺制」列(均为否), 各事项不变";
    }

    static RuleFile withAddedColumns(RuleFile file) {
        String text = new String(file.content(), StandardCharsets.UTF_8);
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\r?\n", -1)));
        int header = 0;
        while (header < lines.size() && (lines.get(header).startsWith("#") || lines.get(header).isBlank())) {
            header++;
        }
        if (header >= lines.size()) {
            return file;
        }
        List<String> names = List.of(lines.get(header).split(",", -1)).stream().map(String::strip).toList();
        List<String> missing = ADDED_ITEM_COLUMNS.stream().filter(c -> !names.contains(c)).toList();
        if (missing.isEmpty()) {
            return file;
        }
        for (int l = header; l < lines.size(); l++) {
            String line = lines.get(l);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            StringBuilder added = new StringBuilder(line);
            for (String column : missing) {
                added.append(',').append(l == header ? column : "false");
            }
            lines.set(l, added.toString());
        }
        return new RuleFile(file.name(), String.join(eol, lines).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<RuleFile> bundledFiles() {
        return List.of(file("items.csv"), file("materials.csv"));
    }

    @Override
    public Catalogue compile(String version, List<RuleFile> files) {
        String items = text(files, "items.csv");
        String materials = text(files, "materials.csv");
        try {
            return CatalogueParser.parse(items, materials);
        } catch (CatalogueParser.CatalogueFormatException e) {
            throw new RuleCompilationException(name(), List.of(new RuleProblem(e.file(), e.line(), e.column(), e.getMessage())));
        }
    }

    @Override
    public InForce<Catalogue> inForce() {
        return catalogue.inForce();
    }

    @Override
    public void install(String version, Catalogue compiled) {
        RuleSetDefinition.super.install(version, compiled);
        events.publishEvent(new CatalogueService.CatalogueChanged(version));
    }

    private static RuleFile file(String name) {
        return new RuleFile(name, CatalogueService.bundled(name).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(List<RuleFile> files, String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst()
                .map(f -> new String(f.content(), StandardCharsets.UTF_8)).orElse("");
    }
}
