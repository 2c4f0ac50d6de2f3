package org.bianmin.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.calendar.CalendarService;
import org.bianmin.catalogue.CatalogueService;
import org.bianmin.catalogue.Material;
import org.bianmin.catalogue.ServiceItem;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.bianmin.notices.Notice;
import org.bianmin.notices.NoticeDocument;
import org.bianmin.notices.NoticeRepository;
import org.bianmin.sla.SlaPlanner;
import org.bianmin.sla.SlaState;
import org.bianmin.staff.StaffDirectory;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Builds the views of a case: the registration answer, the case details and the printable notices. */
@Component
public class CaseViews {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter CHINESE_DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final CatalogueService catalogue;
    private final NoticeRepository notices;
    private final CaseEventRepository events;
    private final TaskService tasks;
    private final StaffDirectory staff;
    private final SlaPlanner planner;
    private final CalendarService calendars;
    private final CaseTimeline timeline;
    private final org.bianmin.rules.RuleTrace ruleTrace;
    private final ZoneId zone;
    private final String centreName;
    /** Lazily: the supervision feature's orders service itself needs the case processes, which need these views. */
    private final org.springframework.beans.factory.ObjectProvider<CaseSupervision> supervision;

    public CaseViews(CatalogueService catalogue, NoticeRepository notices, CaseEventRepository events, TaskService tasks,
                     StaffDirectory staff, SlaPlanner planner, CalendarService calendars, CaseTimeline timeline,
                     org.bianmin.rules.RuleTrace ruleTrace, @Value("${bianmin.centre-name}") String centreName,
                     org.springframework.beans.factory.ObjectProvider<CaseSupervision> supervision) {
        this.supervision = supervision;
        this.timeline = timeline;
        this.ruleTrace = ruleTrace;

        this.catalogue = catalogue;
        this.notices = notices;
        this.events = events;
        this.tasks = tasks;
        this.staff = staff;
        this.planner = planner;
        this.calendars = calendars;
        this.zone = calendars.calendar().zone();
        this.centreName = centreName;
    }

    public RegistrationResult registrationResult(CaseRecord c) {
        return registrationResult(c, notices.list(c.caseNumber()));
    }

    /** The result of a registration with the notices it has just issued. */
    public RegistrationResult registrationResult(CaseRecord c, List<Notice> issued) {
        return new RegistrationResult(c.caseNumber(), c.disposition(), c.disposition().label(), c.caseType(),
                c.caseType() == null ? null : c.caseType().label(), c.state(), offset(c.deadline()), c.limitText(),
                materials(c, c.missingMaterials()), c.reason(), c.basis(), issued.stream().map(this::noticeView).toList(), null,
                c.deadline() == null ? List.of() : calendars.warningsBetween(c.receivedAt(), c.deadline()));
    }

    /** One line of the case search: names instead of ids, the applicant in clear or masked. */
    public record ListItem(String caseNumber, String itemCode, String itemName, String window, String windowName,
                           Disposition disposition, String dispositionLabel, org.bianmin.catalogue.CaseType caseType,
                           String caseTypeLabel, CaseState state, String stateLabel, CaseDetails.ApplicantView applicant,
                           OffsetDateTime registeredAt, String registeredBy, String registeredByName, OffsetDateTime deadline) {
    }

    public ListItem listItem(CaseRecord c, boolean clearPersonalData) {
        return new ListItem(c.caseNumber(), c.itemCode(), c.itemName(), c.window(), staff.groupName(c.window()), c.disposition(),
                c.disposition().label(), c.caseType(), c.caseType() == null ? null : c.caseType().label(), c.state(),
                c.state().label(), applicant(c, clearPersonalData), offset(c.registeredAt()), c.registeredBy(),
                staff.name(c.registeredBy()), offset(c.deadline()));
    }

    private static CaseDetails.ApplicantView applicant(CaseRecord c, boolean clear) {
        return clear
                ? new CaseDetails.ApplicantView(c.applicant().name(), c.applicant().idNumber(), c.applicant().phone(),
                        c.applicant().organization(), false)
                : new CaseDetails.ApplicantView(c.applicant().name(), c.applicant().maskedIdNumber(), c.applicant().maskedPhone(),
                        c.applicant().organization(), true);
    }

    /** The case as the people of the case see it: personal data in clear. */
    public CaseDetails details(CaseRecord c) {
        return details(c, true);
    }

    /** The case with the applicant's ID number and phone in clear or masked. */
    public CaseDetails details(CaseRecord c, boolean clearPersonalData) {
        return details(c, clearPersonalData, List.of());
    }

    /** The case file: the case, masked or not, with the actions its viewer may take. */
    public CaseDetails details(CaseRecord c, boolean clearPersonalData, List<CaseActions.ActionView> actions) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        long paused = c.pausedMinutes() + (c.pausedSince() == null ? 0 : planner.workingMinutesBetween(c.window(), c.pausedSince(), now));
        SlaState sla = slaState(c, now);
        List<CaseEventRepository.CaseEvent> caseEvents = events.forCase(c.caseNumber());
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("classification", c.classificationVersion());
        if (c.timeLimitVersion() != null) {
            versions.put("time-limits", c.timeLimitVersion());
        }
        if (c.catalogueVersion() != null) {
            versions.put("catalogue", c.catalogueVersion());
        }
        if (c.calendarVersion() != null) {
            versions.put("calendar", c.calendarVersion());
        }
        return new CaseDetails(c.caseNumber(), c.itemCode(), c.itemName(), c.department(), c.window(), c.disposition(),
                c.disposition().label(), c.caseType(), c.caseType() == null ? null : c.caseType().label(), c.state(),
                c.state().label(),
                applicant(c, clearPersonalData),
                offset(c.receivedAt()), offset(c.registeredAt()), c.registeredBy(), c.limitText(),
                new CaseDetails.Sla(offset(c.deadline()), offset(c.warnAt()), sla, sla == null ? null : sla.label(), paused,
                        c.deadline() != null && !calendars.warningsBetween(c.receivedAt(), c.deadline()).isEmpty()),
                c.submittedMaterials(), materials(c, c.missingMaterials()), c.reason(), c.basis(),
                openTasks(c.caseNumber()),
                caseEvents.stream().filter(e -> e.type() == CaseEventType.CASE_OVERDUE
                        || e.type() == CaseEventType.DENIAL_FILING_OVERDUE).map(this::eventView).toList(),
                noticeViews(c.caseNumber()), versions, c.firedRules(),
                caseEvents.stream().map(this::eventView).toList(), timeline.rootInstanceId(c.caseNumber()).orElse(null),
                timeline.of(c), actions, materials(c, c.submittedMaterials()), staff.groupName(c.window()), staff.groupName(c.department()),
                staff.name(c.registeredBy()), extensionLabel(c), c.delayNotice(),
                ruleTrace.trace(java.util.stream.Stream.of(c.classificationVersion(), c.timeLimitVersion())
                        .filter(java.util.Objects::nonNull).toList(), c.firedRules()),
                offset(SupplementService.supplementDueWhileOwed(c)),
                supervision.stream().flatMap(s -> s.orders(c.caseNumber()).stream()).toList());
    }

    private static String extensionLabel(CaseRecord c) {
        if (c.extensionMaxDays() <= 0 || c.extensionMaxCount() <= 0) {
            return "不可延期";
        }
        String left = c.extensionsUsed() < c.extensionMaxCount() && c.extensionState() != CaseRecord.ExtensionState.REQUESTED
                ? ", 还可申请" + (c.extensionMaxCount() - c.extensionsUsed()) + "次(每次至多" + c.extensionMaxDays() + "个工作日)" : "";
        return switch (c.extensionState()) {
            case NONE -> "未申请(可延期" + c.extensionMaxCount() + "次, 每次至多" + c.extensionMaxDays() + "个工作日)";
            case REQUESTED -> "已申请, 待中心领导审批";
            case APPROVED -> "已批准延期, 共" + c.extensionDays() + "个工作日" + left;
            case REFUSED -> "上次申请未获批准" + (c.extensionDays() > 0 ? ", 已延期共" + c.extensionDays() + "个工作日" : "") + left;
        };
    }

    static SlaState slaState(CaseRecord c, Instant now) {
        if (c.deadline() == null) {
            return null;
        }
        if (c.state() == CaseState.WAITING_SUPPLEMENT || (c.pausedSince() != null && c.endedAt() == null)) {
            return SlaState.PAUSED;
        }
        if (c.endedAt() != null) {
            return SlaState.ended(c.endedAt(), c.deadline());
        }
        return SlaState.running(now, c.warnAt(), c.deadline());
    }

    public NoticeDocument noticeDocument(CaseRecord c, Notice notice) {
        List<NoticeDocument.Line> lines = new java.util.ArrayList<>();
        lines.add(new NoticeDocument.Line("收件日期", CHINESE_DATE_TIME.format(c.receivedAt().atZone(zone))));
        if (c.caseType() != null) {
            lines.add(new NoticeDocument.Line("办件类型", c.caseType().label()));
            lines.add(new NoticeDocument.Line("办结时限", c.limitText()));
        }
        lines.add(new NoticeDocument.Line("联系电话", c.applicant().maskedPhone()));
        notice.details().forEach((label, value) -> lines.add(new NoticeDocument.Line(label, value)));
        return new NoticeDocument(centreName, notice.type(), notice.sequence(), c.caseNumber(), c.applicant().name(),
                c.applicant().maskedIdNumber(), c.applicant().organization(), c.itemName(), staff.groupName(c.department()),
                materials(c, notice.materials()).stream().map(m -> m.name() + (m.main() ? "(主件)" : "")).toList(),
                c.reason(), c.basis(), c.deadline() == null ? null : CHINESE_DATE_TIME.format(c.deadline().atZone(zone))
                        // a deadline in a year without the State Council's schedule may still move
                        + (calendars.warningsBetween(c.receivedAt(), c.deadline()).isEmpty() ? "" : "(暂按法定节假日计算, 国务院公布放假安排后以重新告知为准)"),
                CHINESE_DATE.format(notice.issuedAt().atZone(zone)), staff.name(notice.issuedBy()), lines);
    }

    List<RegistrationResult.MaterialView> materials(CaseRecord c, List<String> codes) {
        Optional<ServiceItem> item = catalogue.find(c.itemCode());
        return codes.stream().map(code -> {
            Optional<Material> m = item.flatMap(i -> i.material(code));
            return new RegistrationResult.MaterialView(code, m.map(Material::name).orElse(code), m.map(Material::main).orElse(false));
        }).toList();
    }

    private List<RegistrationResult.NoticeView> noticeViews(String caseNumber) {
        return notices.list(caseNumber).stream().map(this::noticeView).toList();
    }

    /** A notice with the link that prints it. */
    public RegistrationResult.NoticeView noticeView(Notice n) {
        return new RegistrationResult.NoticeView(n.type().slug(), n.type().title(), n.sequence(), offset(n.issuedAt()),
                "/api/cases/" + n.caseNumber() + "/notices/" + n.type().slug() + "?sequence=" + n.sequence());
    }

    private List<CaseDetails.TaskView> openTasks(String caseNumber) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).initializeFormKeys().list().stream()
                .map(this::taskView).toList();
    }

    private CaseDetails.TaskView taskView(Task task) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).toList();
        return new CaseDetails.TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getAssignee(),
                groups, offset(task.getCreateTime()), offset(task.getDueDate()), offset(task.getFollowUpDate()),
                task.getAssignee() == null ? null : staff.name(task.getAssignee()));
    }

    private CaseDetails.EventView eventView(CaseEventRepository.CaseEvent e) {
        return new CaseDetails.EventView(e.type().name(), e.type().label(), offset(e.occurredAt()), e.staff(),
                e.staff() == null || e.staff().isBlank() ? null : staff.name(e.staff().split(",")[0].strip()), e.details());
    }


    private OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    private OffsetDateTime offset(java.util.Date date) {
        return date == null ? null : offset(date.toInstant());
    }
}
