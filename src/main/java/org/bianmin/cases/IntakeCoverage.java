package org.bianmin.cases;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bianmin.calendar.WorkingCalendar;
import org.bianmin.catalogue.Catalogue;
import org.bianmin.catalogue.CaseType;
import org.bianmin.catalogue.Material;
import org.bianmin.catalogue.ServiceItem;
import org.bianmin.cases.classification.Classification;
import org.bianmin.cases.classification.Classifier;
import org.bianmin.rules.CompiledRuleSet;
import org.bianmin.rules.RuleFile;
import org.bianmin.rules.RuleProblem;
import org.bianmin.rules.RuleTrace;
import org.bianmin.sla.SlaPlanner;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The complete dry run of intake: every catalogue item in every situation an application can be
 * in (complete, major, petition, missing a main or a general material, unlawful, consultation)
 * is classified and timed with the draft, and the time limit must give what the case-type process
 * then reads (its hand-over or part deadline). A failure names the rule row that decided it, as a
 * blank 办件类型 cell would: its row then catches every case and leaves the others without their
 * hand-over limit. Rows no situation reaches are reported as warnings.
 */
@Component
class IntakeCoverage {

    /** The step variables a case-type process may read that follow from the time limit, with what gives them. */
    static final Map<String, String> TIME_LIMIT_VARIABLES = Map.of(
            "handoverDue", "窗口移交时限(工作分钟)", "partDue", "联办部门时限");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*(" + String.join("|", TIME_LIMIT_VARIABLES.keySet()) + ")\\s*}");
    private static final List<String> INTAKE_SETS = List.of("classification", "time-limits");

    /** One situation of an application to an item. */
    private record Situation(String label, Set<String> materials, boolean lawful, boolean consultationOnly, boolean petition,
                             boolean major) {
    }

    /** A problem of one rule row (or of none) and the items it was seen with. */
    private record Finding(String file, Integer row, String message, List<String> seenWith) {
    }

    private final Classifier classifier;
    private final RepositoryService repository;
    private final Map<String, Set<String>> readsByDefinition = new ConcurrentHashMap<>();

    IntakeCoverage(Classifier classifier, RepositoryService repository) {
        this.classifier = classifier;
        this.repository = repository;
    }

    /**
     * @param ruleSet the rule set being changed
     * @param files the files of each intake rule set: the draft's for {@code ruleSet}, the published ones' otherwise
     */
    List<RuleProblem> check(String ruleSet, Function<String, List<RuleFile>> files, Function<String, CompiledRuleSet> ruleSets,
                            Catalogue catalogue, WorkingCalendar calendar, Instant now) {
        Map<String, List<Map.Entry<String, RuleTrace.Row>>> rows = new LinkedHashMap<>();
        for (String set : INTAKE_SETS) {
            rows.put(set, RuleTrace.rowsIn(set, set, set, files.apply(set)));
        }
        Map<String, Finding> findings = new LinkedHashMap<>();
        Set<String> fired = new LinkedHashSet<>();
        // items alike in what the tables read are decided alike: evaluated once (unless a table reads the item's code)
        boolean byProfile = INTAKE_SETS.stream().flatMap(set -> files.apply(set).stream())
                .noneMatch(f -> new String(f.content(), StandardCharsets.UTF_8).contains("itemCode"));
        Map<String, Object> decided = new java.util.HashMap<>();
        Map<CaseType, Set<String>> reads = new java.util.EnumMap<>(CaseType.class);
        for (ServiceItem item : catalogue.items()) {
            for (Situation situation : situations(item)) {
                String seen = "事项 " + item.code() + " " + item.name() + "(" + situation.label() + ")";
                Object outcome = decided.computeIfAbsent(byProfile ? profile(item, situation) : item.code() + "|" + situation.label(), k -> {
                    try {
                        return classifier.classify(new Classifier.Application(item, situation.materials(), situation.lawful(),
                                situation.consultationOnly(), situation.petition(), situation.major()), ruleSets);
                    } catch (RuntimeException e) {
                        return e;
                    }
                });
                if (outcome instanceof RuntimeException e) {
                    note(findings, null, null, "不能分类或计算时限: " + message(e), seen);
                    continue;
                }
                Classification c = (Classification) outcome;
                fired.addAll(c.firedRules());
                if (c.caseType() == null || c.timeLimit() == null) {
                    continue;
                }
                Map.Entry<String, RuleTrace.Row> limitRow = firedRow(rows.get("time-limits"), c.firedRules());
                String file = limitRow == null ? null : limitRow.getKey();
                Integer row = limitRow == null ? null : limitRow.getValue().row();
                String rowName = limitRow == null ? "时限规则" : "时限规则第" + row + "行「" + limitRow.getValue().rule() + "」";
                try {
                    SlaPlanner.plan(now, c.timeLimit(), calendar.forWindow(item.window()));
                } catch (RuntimeException e) {
                    note(findings, file, row, rowName + "给出的时限无法计算截止时间: " + message(e), seen);
                    continue;
                }
                if (c.timeLimit().extensionMaxDays() > 0 && c.timeLimit().extensionMaxCount() <= 0) {
                    note(findings, file, row, rowName + "可延期" + c.timeLimit().extensionMaxDays()
                            + "个工作日, 但「可延期次数」为空或0, 这样的案件不能申请延期(不可延期请把「每次可延期工作日」填0)", seen);
                }
                for (String variable : reads.computeIfAbsent(c.caseType(), this::reads)) {
                    if (!CaseProcesses.timeLimitStepVariables(c.caseType(), c.timeLimit().handoverMinutes()).contains(variable)) {
                        note(findings, file, row, c.caseType().label() + "流程需要" + TIME_LIMIT_VARIABLES.get(variable) + ", 但"
                                + rowName + "没有给出(该行把" + c.caseType().label() + "按「" + c.timeLimit().describe()
                                + "」办理; 办件类型等条件单元格是否被误清空?)", seen);
                    }
                }
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        findings.values().forEach(f -> problems.add(new RuleProblem(f.file(), f.row(), null, f.message() + " — 涉及 "
                + f.seenWith().size() + " 种情形, 如" + String.join("; ", f.seenWith().subList(0, Math.min(3, f.seenWith().size()))))));
        if (INTAKE_SETS.contains(ruleSet)) {
            for (Map.Entry<String, RuleTrace.Row> entry : rows.get(ruleSet)) {
                if (!fired.contains(entry.getValue().rule())) {
                    problems.add(new RuleProblem(entry.getKey(), entry.getValue().row(), null, "第" + entry.getValue().row() + "行「"
                            + entry.getValue().rule() + "」对事项目录中的任何事项、任何情形都不会被采用(被前面的行覆盖, 或没有相应事项)",
                            RuleProblem.Severity.WARNING));
                }
            }
        }
        return problems;
    }

    /** What the classification and time-limit tables read of an item in a situation (all but its code and names). */
    private static String profile(ServiceItem item, Situation situation) {
        long main = item.materials().stream().filter(m -> m.main() && !situation.materials().contains(m.code())).count();
        long general = item.materials().stream().filter(m -> !m.main() && !situation.materials().contains(m.code())).count();
        return String.join("|", item.caseType().name(), item.approvalLevel().name(), String.valueOf(item.jointDepartments().size()),
                String.valueOf(item.onTheSpot()), String.valueOf(item.promisedWorkingDays()), String.valueOf(item.statutoryWorkingDays()),
                String.valueOf(situation.lawful()), String.valueOf(situation.consultationOnly()), String.valueOf(situation.petition()),
                String.valueOf(situation.major()), String.valueOf(main), String.valueOf(general));
    }

    /** The situations an application to the item can be in. */
    private static List<Situation> situations(ServiceItem item) {
        Set<String> all = item.materials().stream().map(Material::code).collect(Collectors.toCollection(LinkedHashSet::new));
        List<Situation> situations = new ArrayList<>(List.of(
                new Situation("材料齐全", all, true, false, false, false),
                new Situation("材料齐全、重大事项", all, true, false, false, true),
                new Situation("信访", all, true, false, true, false),
                new Situation("不符合法定形式", all, false, false, false, false),
                new Situation("仅咨询", Set.of(), true, true, false, false)));
        if (item.materials().stream().anyMatch(Material::main)) {
            situations.add(new Situation("缺少主件", without(all, item, true), true, false, false, false));
        }
        if (item.materials().stream().anyMatch(m -> !m.main())) {
            situations.add(new Situation("缺少一般材料", without(all, item, false), true, false, false, false));
        }
        return situations;
    }

    private static Set<String> without(Set<String> all, ServiceItem item, boolean main) {
        Set<String> rest = new LinkedHashSet<>(all);
        item.materials().stream().filter(m -> m.main() == main).map(Material::code).forEach(rest::remove);
        return rest;
    }

    /** The time-limit variables the deployed process of the case type reads (its latest definition). */
    private Set<String> reads(CaseType type) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(type.processKey())
                .latestVersion().singleResult();
        if (definition == null) {
            return Set.of();
        }
        return readsByDefinition.computeIfAbsent(definition.getId(), id -> {
            try (InputStream xml = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
                Matcher m = VARIABLE.matcher(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
                Set<String> names = new LinkedHashSet<>();
                while (m.find()) {
                    names.add(m.group(1));
                }
                return names;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + definition.getResourceName(), e);
            }
        });
    }

    private static Map.Entry<String, RuleTrace.Row> firedRow(List<Map.Entry<String, RuleTrace.Row>> rows, List<String> fired) {
        return rows.stream().filter(e -> fired.contains(e.getValue().rule())).findFirst().orElse(null);
    }

    private static void note(Map<String, Finding> findings, String file, Integer row, String message, String seen) {
        findings.computeIfAbsent(file + "|" + row + "|" + message, k -> new Finding(file, row, message, new ArrayList<>()))
                .seenWith().add(seen);
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
