package org.bianmin.assessment;

import org.bianmin.locks.NamedLocks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bianmin.accountability.AccountabilityRecord;
import org.bianmin.accountability.AccountabilityRepository;
import org.bianmin.calendar.CalendarService;
import org.bianmin.hallduties.HallDutyLimits;
import org.bianmin.discipline.DisciplineEvent;
import org.bianmin.discipline.DisciplineRepository;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.bianmin.identity.Groups;
import org.bianmin.rules.CompiledRuleSet;
import org.bianmin.rules.RuleEngine;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly assessment (考核): base 100 for every window staff member, plus or minus the points
 * the assessment table gives each discipline event, unexcused overdue case and confirmed
 * accountability record of the month, plus supervisors' corrections. Windows score the mean of
 * their staff and are ranked; computing a draft month again gives the same sheet.
 */
@Service
public class AssessmentService {

    /** A correction larger than a whole base score is a typing error, not a decision. */
    static final BigDecimal MAX_CORRECTION = BigDecimal.valueOf(100);

    private final RuleEngine rules;
    private final AssessmentRepository repository;
    private final DisciplineRepository discipline;
    private final CaseEventRepository caseEvents;
    private final AccountabilityRepository accountability;
    private final IdentityService identity;
    private final org.bianmin.staff.StaffDirectory staffDirectory;
    private final ZoneId zone;
    private final NamedLocks locks;
    private final HallDutyLimits limits;

    public AssessmentService(RuleEngine rules, AssessmentRepository repository, DisciplineRepository discipline,
                             CaseEventRepository caseEvents, AccountabilityRepository accountability,
                             IdentityService identity, org.bianmin.staff.StaffDirectory staffDirectory, CalendarService calendars,
                             NamedLocks locks, HallDutyLimits limits) {
        this.locks = locks;
        this.limits = limits;
        this.rules = rules;
        this.repository = repository;
        this.discipline = discipline;
        this.caseEvents = caseEvents;
        this.accountability = accountability;
        this.identity = identity;
        this.staffDirectory = staffDirectory;
        this.zone = calendars.calendar().zone();
    }

    /** 月度考核基础分, from the hall-duties table (100 as shipped). */
    public BigDecimal baseScore() {
        return BigDecimal.valueOf(limits.points(HallDutyLimits.ASSESSMENT_BASE_SCORE));
    }

    /** Computes (or recomputes) a month's draft; a published month stays as published. */
    @Transactional
    public AssessmentSheet run(YearMonth month) {
        // two runs of one month (two supervisors, or the monthly timer and a supervisor) one after the other
        locks.lock("assessment:" + month);
        Optional<AssessmentRepository.MonthRow> existing = repository.month(month.toString());
        if (existing.isPresent() && "PUBLISHED".equals(existing.get().state())) {
            return sheet(month);
        }
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        CompiledRuleSet table = rules.compiled(AssessmentRuleSet.NAME);
        Map<String, String> staff = staffWindows();
        List<AssessmentRepository.StoredLine> lines = new ArrayList<>();
        for (DisciplineEvent e : discipline.between(from, to)) {
            line(table, "DISCIPLINE", e.id(), e.type().name(), null, e.occurredAt()).ifPresent(l ->
                    lines.add(new AssessmentRepository.StoredLine(e.staff(), windowOf(staff, e.staff(), e.window()), l)));
        }
        // an overdue whose accountability record a supervisor dismissed is not held against anyone
        java.util.Set<Long> dismissedEvents = accountability.search(null, null, from, to, AccountabilityRecord.State.DISMISSED.name())
                .stream().filter(r -> "CASE".equals(r.eventSource())).map(AccountabilityRecord::eventId)
                .collect(java.util.stream.Collectors.toSet());
        for (CaseEventRepository.CaseEvent e : caseEvents.between(from, to)) {
            if (e.type() != CaseEventType.CASE_OVERDUE || e.excusedOverdue() || dismissedEvents.contains(e.id())) {
                continue;
            }
            String person = caseEvents.responsibleStaff(e);
            if (person != null) {
                line(table, "CASE", e.id(), e.type().name(), null, e.occurredAt()).ifPresent(l -> lines.add(
                        new AssessmentRepository.StoredLine(person, windowOf(staff, person, e.window()),
                                withDescription(l, l.description() + " " + e.caseNumber()))));
            }
        }
        for (AccountabilityRecord r : accountability.search(null, null, from, to, AccountabilityRecord.State.CONFIRMED.name())) {
            if (r.staff() != null) {
                line(table, "ACCOUNTABILITY", r.id(), r.triggerType(), r.measure(), r.occurredAt()).ifPresent(l -> lines.add(
                        new AssessmentRepository.StoredLine(r.staff(), windowOf(staff, r.staff(), r.window()), l)));
            }
        }
        repository.replaceLines(month.toString(), lines, table.version(), ClockUtil.getCurrentTime().toInstant());
        return sheet(month);
    }

    /** A record confirmed or dismissed: a month still in draft is computed again, so its sheet shows the decision. */
    @org.springframework.context.event.EventListener
    public void onAccountabilityDecided(org.bianmin.accountability.AccountabilityService.Decided decided) {
        repository.month(decided.month().toString()).filter(m -> "DRAFT".equals(m.state())).ifPresent(m -> run(decided.month()));
    }

    public AssessmentSheet sheet(YearMonth month) {
        AssessmentRepository.MonthRow row = repository.month(month.toString()).orElseThrow(() -> ApiException.notFound(
                "NOT_COMPUTED", month + " 的考核尚未计算 / the assessment of " + month + " has not been computed"));
        Map<String, String> staffWindows = staffWindows();
        Map<String, List<AssessmentSheet.Line>> byStaff = new TreeMap<>();
        Map<String, String> windowOfStaff = new LinkedHashMap<>(staffWindows);
        staffWindows.keySet().forEach(s -> byStaff.put(s, new ArrayList<>()));
        for (AssessmentRepository.StoredLine s : repository.lines(month.toString())) {
            byStaff.computeIfAbsent(s.staff(), k -> new ArrayList<>()).add(s.line());
            windowOfStaff.putIfAbsent(s.staff(), s.window());
        }
        for (Map<String, Object> c : repository.corrections(month.toString())) {
            String person = (String) c.get("staff");
            byStaff.computeIfAbsent(person, k -> new ArrayList<>()).add(new AssessmentSheet.Line("CORRECTION",
                    ((Number) c.get("id")).longValue(), "CORRECTION", (BigDecimal) c.get("points"),
                    "考核小组更正: " + c.get("reason") + " (" + staffDirectory.name((String) c.get("made_by")) + ")", null, null));
        }
        List<AssessmentSheet.StaffScore> staff = new ArrayList<>();
        byStaff.forEach((person, lines) -> staff.add(new AssessmentSheet.StaffScore(person, staffDirectory.name(person),
                windowOfStaff.get(person), baseScore().add(lines.stream().map(AssessmentSheet.Line::points)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)), lines,
                windowOfStaff.get(person) == null ? null : staffDirectory.groupName(windowOfStaff.get(person)))));
        return new AssessmentSheet(month.toString(), row.state(), row.ruleVersion(), row.computedAt(), row.publishedAt(),
                row.publishedBy(), staff, rank(staff), AssessmentSheet.title(month), AssessmentSheet.stateLabel(row.state()),
                row.publishedBy() == null ? null : staffDirectory.name(row.publishedBy()));
    }

    /** Windows score the mean of their staff; the ranking table marks red flags and lost award eligibility. */
    private List<AssessmentSheet.WindowScore> rank(List<AssessmentSheet.StaffScore> staff) {
        Map<String, List<BigDecimal>> scores = new TreeMap<>();
        staff.stream().filter(s -> s.window() != null)
                .forEach(s -> scores.computeIfAbsent(s.window(), k -> new ArrayList<>()).add(s.score()));
        List<Map.Entry<String, BigDecimal>> means = scores.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(e.getValue().size()), 2, RoundingMode.HALF_UP)))
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .toList();
        List<AssessmentSheet.WindowScore> windows = new ArrayList<>();
        for (int i = 0; i < means.size(); i++) {
            // equal scores share a place
            int rank = i > 0 && means.get(i).getValue().compareTo(means.get(i - 1).getValue()) == 0 ? windows.get(i - 1).rank() : i + 1;
            RankOutcome outcome = new RankOutcome();
            rules.evaluate(AssessmentRuleSet.NAME, Map.of("ranking", outcome, "line", new ScoreLine()),
                    new RankFact(rank, means.size(), tied(means, i)));
            windows.add(new AssessmentSheet.WindowScore(means.get(i).getKey(), staffDirectory.groupName(means.get(i).getKey()),
                    means.get(i).getValue(), rank, outcome.isRedFlag(), !outcome.losesAwardEligibility()));
        }
        return windows;
    }

    /** How many windows share the i-th window's score. */
    private static int tied(List<Map.Entry<String, BigDecimal>> means, int i) {
        BigDecimal score = means.get(i).getValue();
        return (int) means.stream().filter(m -> m.getValue().compareTo(score) == 0).count();
    }

    @Transactional
    public AssessmentSheet correct(YearMonth month, String staff, BigDecimal points, String reason, String by) {
        if (by != null && by.equals(staff)) {
            throw ApiException.forbidden("不能更正本人的考核分 / nobody corrects their own score");
        }
        AssessmentSheet sheet = sheet(month);
        if (!"DRAFT".equals(sheet.state())) {
            throw ApiException.conflict("ALREADY_PUBLISHED", "已发布的考核不能更正 / a published month cannot be corrected");
        }
        if (staff == null || sheet.staff().stream().noneMatch(s -> s.staff().equals(staff))) {
            throw ApiException.invalidField("staff", "本月考核中没有此人: " + staff, "not in this month's sheet: " + staff);
        }
        if (points == null || points.abs().compareTo(MAX_CORRECTION) > 0 || points.signum() == 0) {
            throw ApiException.invalidField("points", "更正分值必须非零且不超过100", "must be non-zero and at most 100 either way");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ApiException.invalidField("reason", "更正须说明理由(不超过500字)", "a reason of at most 500 characters is required");
        }
        repository.addCorrection(month.toString(), staff, points, reason.strip(), by, ClockUtil.getCurrentTime().toInstant());
        return sheet(month);
    }

    @Transactional
    public AssessmentSheet publish(YearMonth month, String by) {
        AssessmentSheet sheet = sheet(month);
        if ("PUBLISHED".equals(sheet.state())) {
            throw ApiException.conflict("ALREADY_PUBLISHED", "考核已发布 / already published");
        }
        repository.publish(month.toString(), by, ClockUtil.getCurrentTime().toInstant());
        return sheet(month);
    }

    /**
     * A year's scores: the mean of each person's scores in the year's published months (a draft can
     * still change, so it does not count), with the months it rests on and a sentence that says so.
     */
    public record AnnualScores(int year, List<String> publishedMonths, List<String> draftMonths, Map<String, BigDecimal> scores,
                               String note) {

        /** A person's own annual score only. */
        public AnnualScores onlyOf(String person) {
            return new AnnualScores(year, publishedMonths, draftMonths, scores.containsKey(person) ? Map.of(person, scores.get(person))
                    : Map.of(), note);
        }
    }

    public AnnualScores annual(int year) {
        List<String> published = repository.publishedMonths(String.valueOf(year));
        List<String> drafts = repository.months(String.valueOf(year)).stream().filter(m -> !published.contains(m)).toList();
        Map<String, List<BigDecimal>> scores = new TreeMap<>();
        for (String month : published) {
            sheet(YearMonth.parse(month)).staff().forEach(s -> scores.computeIfAbsent(s.staff(), k -> new ArrayList<>()).add(s.score()));
        }
        Map<String, BigDecimal> annual = new LinkedHashMap<>();
        scores.forEach((staff, list) -> annual.put(staff, list.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(list.size()), 2, RoundingMode.HALF_UP)));
        String note = published.isEmpty() ? year + "年尚无已发布的月度考核" : "按" + year + "年已发布的" + published.size() + "个月平均"
                + (drafts.isEmpty() ? "" : "; 尚未发布的" + drafts.size() + "个月(草稿)不计入");
        return new AnnualScores(year, published, drafts, annual, note);
    }

    private Optional<AssessmentSheet.Line> line(CompiledRuleSet table, String source, long id, String type, String measure,
                                                Instant at) {
        ScoreLine line = new ScoreLine();
        RuleEngine.Evaluation evaluation = RuleEngine.evaluate(table, Map.of("line", line, "ranking", new RankOutcome()),
                new AssessmentItem(source, type, measure));
        if (line.points() == null) {
            return Optional.empty();
        }
        return Optional.of(new AssessmentSheet.Line(source, id, type, BigDecimal.valueOf(line.points()).setScale(2, RoundingMode.HALF_UP),
                line.description() + (measure == null || line.description().contains(measure) ? "" : " (" + measure + ")"),
                evaluation.firedRules().isEmpty() ? null : table.version() + " / " + evaluation.firedRules().get(0), at));
    }

    private static AssessmentSheet.Line withDescription(AssessmentSheet.Line l, String description) {
        return new AssessmentSheet.Line(l.source(), l.sourceId(), l.type(), l.points(), description, l.rule(), l.occurredAt());
    }

    /** Window staff (members of {@code clerks}) and their window group. */
    private Map<String, String> staffWindows() {
        Map<String, String> staff = new TreeMap<>();
        for (User user : identity.createUserQuery().memberOfGroup(Groups.CLERKS).list()) {
            staff.put(user.getId(), identity.createGroupQuery().groupMember(user.getId()).list().stream().map(Group::getId)
                    .filter(id -> id.startsWith(Groups.WINDOW_PREFIX)).sorted().findFirst().orElse(null));
        }
        return staff;
    }

    private static String windowOf(Map<String, String> staff, String person, String fallback) {
        String window = staff.get(person);
        return window != null ? window : fallback;
    }
}
