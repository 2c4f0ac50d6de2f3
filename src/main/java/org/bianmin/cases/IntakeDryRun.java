package org.bianmin.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bianmin.calendar.CalendarService;
import org.bianmin.calendar.CalendarYear;
import org.bianmin.calendar.WorkingCalendar;
import org.bianmin.catalogue.Catalogue;
import org.bianmin.catalogue.CatalogueService;
import org.bianmin.catalogue.Material;
import org.bianmin.catalogue.ServiceItem;
import org.bianmin.cases.classification.Classification;
import org.bianmin.cases.classification.Classifier;
import org.bianmin.rules.CompiledRuleSet;
import org.bianmin.rules.CompiledVersion;
import org.bianmin.rules.DryRun;
import org.bianmin.rules.RuleFile;
import org.bianmin.rules.RuleProblem;
import org.bianmin.rules.RuleEngine;
import org.bianmin.sla.SlaPlan;
import org.bianmin.staff.StaffDirectory;
import org.bianmin.sla.SlaPlanner;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Dry run of the rule sets intake uses (classification, time limits, catalogue, calendar): each
 * sample — an example the administrator types, or a recent real case — is classified and timed
 * with the published rules and again with the draft in place of its rule set.
 */
@Component
class IntakeDryRun implements DryRun {

    static final int MAX_RECENT = 200;
    static final int MAX_EXAMPLES = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The rules and data one evaluation uses. */
    private record Environment(Function<String, CompiledRuleSet> rules, Catalogue catalogue, WorkingCalendar calendar) {
    }

    /** A sample to classify: what an application brought and when. */
    private record Sample(String label, Kind kind, String itemCode, Set<String> materials, boolean lawful,
                          boolean consultationOnly, boolean petition, boolean major, Instant receivedAt) {
    }

    /** What the comparison means: policy is not retroactive; the calendar, a statement of fact, is. */
    static final String NOT_RETROACTIVE = "对照说明: 近期案件按新规则重算, 只说明同样的申请在新规则生效后登记会怎样; "
            + "这些案件已受理, 继续按受理时的规则版本办理, 不会改变。";
    static final String CALENDAR_REPLANS = "工作日历是事实: 发布后, 下列「在办案件」的截止时间将按新日历改排; "
            + "近期案件一行只说明同样的申请在新日历下会怎样。";

    private final Classifier classifier;
    private final RuleEngine engine;
    private final CatalogueService catalogue;
    private final CalendarService calendars;
    private final NamedParameterJdbcTemplate jdbc;
    private final IntakeCoverage coverage;
    private final StaffDirectory staff;

    IntakeDryRun(Classifier classifier, RuleEngine engine, CatalogueService catalogue, CalendarService calendars,
                 NamedParameterJdbcTemplate jdbc, IntakeCoverage coverage, StaffDirectory staff) {
        this.coverage = coverage;
        this.staff = staff;
        this.classifier = classifier;
        this.engine = engine;
        this.catalogue = catalogue;
        this.calendars = calendars;
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> ruleSets() {
        return Set.of("classification", "time-limits", "catalogue", "calendar");
    }

    @Override
    public Map<String, String> exampleFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("itemCode", "事项编码");
        fields.put("materials", "已提交材料编码(逗号分隔)");
        fields.put("lawful", "申请合法(true/false)");
        fields.put("consultationOnly", "仅咨询(true/false)");
        fields.put("petition", "信访(true/false)");
        fields.put("major", "重大事项(true/false)");
        fields.put("receivedAt", "收件时间(如 2026-11-23T10:00:00+08:00)");
        return fields;
    }

    @Override
    public List<RuleProblem> check(String ruleSet, CompiledVersion<?> draft, List<RuleFile> files,
                                   Function<String, List<RuleFile>> published) {
        Environment trial = trial(ruleSet, draft, new Environment(engine::compiled, catalogue.catalogue(), calendars.calendar()));
        return coverage.check(ruleSet, set -> set.equals(ruleSet) ? files : published.apply(set), trial.rules(), trial.catalogue(),
                trial.calendar(), ClockUtil.getCurrentTime().toInstant());
    }

    @Override
    public Report run(String ruleSet, CompiledVersion<?> draft, List<Map<String, String>> examples, int recentCases) {
        Environment published = new Environment(engine::compiled, catalogue.catalogue(), calendars.calendar());
        Environment trial = trial(ruleSet, draft, published);
        List<Sample> samples = new ArrayList<>();
        if (examples != null) {
            if (examples.size() > MAX_EXAMPLES) {
                throw ApiException.invalidField("examples", "示例最多" + MAX_EXAMPLES + "个", "at most " + MAX_EXAMPLES);
            }
            for (int i = 0; i < examples.size(); i++) {
                samples.add(example(i, examples.get(i)));
            }
        }
        samples.addAll(recent(Math.max(0, Math.min(recentCases, MAX_RECENT))));
        List<Line> lines = new ArrayList<>(samples.stream().map(s -> line(s, published, trial)).toList());
        if (ruleSet.equals("calendar")) {
            // the calendar states facts: open cases are re-planned on publication — exactly these
            lines.addAll(openCasesThatMove(published.calendar(), trial.calendar()));
        }
        return new Report(List.of("处理方式", "办件类型", "办结时限", "截止时间", "缺少材料"), lines,
                ruleSet.equals("calendar") ? CALENDAR_REPLANS : NOT_RETROACTIVE);
    }

    /** The published environment with the draft in place of its rule set (each set's compiled form, by its type). */
    private Environment trial(String ruleSet, CompiledVersion<?> draft, Environment published) {
        Object value = draft.value();
        if (value instanceof CompiledRuleSet rules && rules.name().equals(ruleSet)) {
            return new Environment(name -> name.equals(ruleSet) ? rules : engine.compiled(name), published.catalogue(),
                    published.calendar());
        }
        if (value instanceof Catalogue catalogue) {
            return new Environment(published.rules(), catalogue, published.calendar());
        }
        if (value instanceof WorkingCalendar calendar) {
            return new Environment(published.rules(), published.catalogue(), calendar);
        }
        throw new IllegalArgumentException("no dry run for " + ruleSet);
    }

    /** The open cases whose deadline the draft calendar moves, with the old and the new deadline. */
    private List<Line> openCasesThatMove(WorkingCalendar before, WorkingCalendar after) {
        List<Line> moving = new ArrayList<>();
        jdbc.query("select case_number, item_name, window_group, received_at, deadline from case_record where state in ('IN_PROGRESS', "
                + "'WAITING_SUPPLEMENT') and deadline is not null order by deadline", Map.of(), rs -> {
            java.time.Instant start = rs.getTimestamp("received_at").toInstant();
            java.time.Instant deadline = rs.getTimestamp("deadline").toInstant();
            String window = rs.getString("window_group");
            java.time.Instant moved = org.bianmin.calendar.CalendarChangeListener.sameWorkingTime(start, deadline,
                    before.forWindow(window), after.forWindow(window));
            if (!moved.equals(deadline)) {
                long days = java.time.temporal.ChronoUnit.DAYS.between(deadline.atZone(before.zone()).toLocalDate(),
                        moved.atZone(after.zone()).toLocalDate());
                moving.add(new Line("在办案件 " + rs.getString("case_number") + " (发布后改排, "
                        + (days >= 0 ? "推迟" + days : "提前" + (-days)) + "天)", Kind.RUNNING_CASE, rs.getString("item_name"),
                        staff.windowName(rs.getString("window_group")),
                        Map.of("截止时间", TIME.format(deadline.atZone(before.zone()))),
                        Map.of("截止时间", TIME.format(moved.atZone(after.zone()))), null));
            }
        });
        return moving;
    }

    private Line line(Sample sample, Environment published, Environment trial) {
        Map<String, String> before;
        try {
            before = outcome(sample, published);
        } catch (RuntimeException e) {
            before = Map.of("错误", String.valueOf(e.getMessage()));
        }
        ServiceItem item = trial.catalogue().find(sample.itemCode()).or(() -> published.catalogue().find(sample.itemCode()))
                .orElse(null);
        String itemName = item == null ? null : item.name();
        String window = item == null ? null : staff.windowName(item.window());
        try {
            return new Line(sample.label(), sample.kind(), itemName, window, before, outcome(sample, trial), null);
        } catch (RuntimeException e) {
            return new Line(sample.label(), sample.kind(), itemName, window, before, Map.of(),
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private Map<String, String> outcome(Sample sample, Environment env) {
        ServiceItem item = env.catalogue().find(sample.itemCode()).orElse(null);
        Map<String, String> outcome = new LinkedHashMap<>();
        if (item == null) {
            outcome.put("处理方式", "事项不存在: " + sample.itemCode());
            return outcome;
        }
        Set<String> materials = sample.materials().stream().filter(code -> item.material(code).isPresent())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Classification c = classifier.classify(new Classifier.Application(item, materials, sample.lawful(),
                sample.consultationOnly(), sample.petition(), sample.major()), env.rules());
        outcome.put("处理方式", c.disposition().label());
        outcome.put("办件类型", c.caseType() == null ? "" : c.caseType().label());
        outcome.put("办结时限", c.timeLimit() == null ? "" : c.timeLimit().describe());
        if (c.timeLimit() != null) {
            SlaPlan plan = SlaPlanner.plan(sample.receivedAt(), c.timeLimit(), env.calendar().forWindow(item.window()));
            outcome.put("截止时间", TIME.format(plan.deadline().atZone(env.calendar().zone())));
        } else {
            outcome.put("截止时间", "");
        }
        outcome.put("缺少材料", c.missingMaterials().stream().map(Material::name).collect(Collectors.joining("、")));
        return outcome;
    }

    private Sample example(int index, Map<String, String> fields) {
        String itemCode = fields.getOrDefault("itemCode", "").strip();
        if (itemCode.isEmpty()) {
            throw ApiException.invalidField("examples[" + index + "].itemCode", "不能为空", "is required");
        }
        Instant receivedAt;
        try {
            String at = fields.get("receivedAt");
            receivedAt = at == null || at.isBlank() ? ClockUtil.getCurrentTime().toInstant() : OffsetDateTime.parse(at.strip()).toInstant();
        } catch (RuntimeException e) {
            throw ApiException.invalidField("examples[" + index + "].receivedAt", "时间格式应为带时区的 ISO-8601",
                    "must be ISO-8601 with offset");
        }
        Set<String> materials = Arrays.stream(fields.getOrDefault("materials", "").split("[,，\\s]+"))
                .filter(s -> !s.isBlank()).collect(Collectors.toCollection(LinkedHashSet::new));
        return new Sample("示例" + (index + 1) + " " + itemCode, Kind.EXAMPLE, itemCode, materials,
                !"false".equalsIgnoreCase(fields.getOrDefault("lawful", "true").strip()),
                "true".equalsIgnoreCase(fields.getOrDefault("consultationOnly", "").strip()),
                "true".equalsIgnoreCase(fields.getOrDefault("petition", "").strip()),
                "true".equalsIgnoreCase(fields.getOrDefault("major", "").strip()), receivedAt);
    }

    private List<Sample> recent(int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.query("""
                select case_number, item_code, submitted_materials, lawful, petition, major, received_at
                from case_record order by registered_at desc, case_number desc
                fetch first %d rows only""".formatted(count),
                new MapSqlParameterSource(), (rs, i) -> new Sample(rs.getString("case_number"), Kind.RECENT_CASE, rs.getString("item_code"),
                        new LinkedHashSet<>(CaseRepository.list(rs.getString("submitted_materials"))), rs.getBoolean("lawful"),
                        false, rs.getBoolean("petition"), rs.getBoolean("major"),
                        rs.getTimestamp("received_at").toInstant()));
    }
}
