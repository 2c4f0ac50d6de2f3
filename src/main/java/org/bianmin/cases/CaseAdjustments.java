package org.bianmin.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.calendar.CalendarService;
import org.bianmin.catalogue.CaseType;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.bianmin.notices.NoticeRepository;
import org.bianmin.notices.NoticeType;
import org.bianmin.sla.SlaPlanner;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a running case: an extension (延期, once, approved by a director, moving the deadline
 * and every pending timer), a delay notice (滞办反馈告知书), the applicant's withdrawal (撤回) and a
 * forwarded case's district result. Every check runs before anything changes.
 */
@Service
public class CaseAdjustments {

    public static final String EXTENSION_PROCESS = "case-extension";
    public static final String DELAY_PROCESS = "case-delay";
    static final int MAX_TEXT = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final CaseRepository cases;
    private final CaseEventRepository events;
    private final NoticeRepository notices;
    private final CaseProcesses processes;
    private final CaseClock clock;
    private final SlaPlanner planner;
    private final org.bianmin.staff.StaffDirectory staff;
    private final DelayContacts delayContacts;
    private final ZoneId zone;

    public CaseAdjustments(CaseRepository cases, CaseEventRepository events, NoticeRepository notices, CaseProcesses processes,
                           CaseClock clock, SlaPlanner planner, org.bianmin.staff.StaffDirectory staff, CalendarService calendars,
                           DelayContacts delayContacts) {
        this.cases = cases;
        this.events = events;
        this.notices = notices;
        this.processes = processes;
        this.clock = clock;
        this.planner = planner;
        this.staff = staff;
        this.delayContacts = delayContacts;
        this.zone = calendars.calendar().zone();
    }

    // ---- extension (延期) ----

    public CaseRecord checkExtension(String caseNumber, Integer days, String reason) {
        CaseRecord c = running(caseNumber);
        if (c.extensionMaxDays() <= 0 || c.extensionMaxCount() <= 0) {
            throw ApiException.conflict("EXTENSION_NOT_ALLOWED", c.caseType().label() + "不可延期 / a "
                    + c.caseType() + " case cannot be extended");
        }
        if (c.extensionState() == CaseRecord.ExtensionState.REQUESTED) {
            throw ApiException.conflict("EXTENSION_PENDING", "本件已有待审批的延期申请, 请等待中心领导审批"
                    + " / an extension request of this case awaits its decision");
        }
        if (c.extensionsUsed() >= c.extensionMaxCount()) {
            throw ApiException.conflict("EXTENSION_ALREADY_USED", "按办结时限规则, 本件至多申请延期" + c.extensionMaxCount()
                    + "次, 已申请" + c.extensionsUsed() + "次 / a case may be extended " + c.extensionMaxCount() + " time(s)");
        }
        if (days == null || days < 1 || days > c.extensionMaxDays()) {
            throw ApiException.invalidField("days", "延期天数必须在1到" + c.extensionMaxDays() + "个工作日之间",
                    "must be between 1 and " + c.extensionMaxDays() + " working days");
        }
        text("reason", reason, true);
        return c;
    }

    /**
     * What the director approves, for the approval form: the days asked, the reason, the deadline now
     * and the deadline if approved (Markdown lines).
     */
    public String extensionRequestSummary(CaseRecord c, int days, String reason) {
        return "**申请延期**: " + days + "个工作日  \n**延期理由**: " + reason
                + "  \n**当前办结时限**: " + TIME.format(c.deadline().atZone(zone))
                + "  \n**批准后办结时限**: " + TIME.format(planner.shiftWorkingDays(c.window(), c.deadline(), days).atZone(zone));
    }

    /** What the requester is told of the director's decision on his extension request (Markdown). */
    public String extensionDecisionSummary(CaseRecord c, int days, boolean approved, String opinion, String director) {
        return (approved ? "**延期申请已批准**: 延长" + days + "个工作日, 办结时限改为"
                : "**延期申请未获批准**: 办结时限仍为") + TIME.format(c.deadline().atZone(zone))
                + "  \n**审批人**: " + userName(director) + (opinion == null || opinion.isBlank() ? "" : "  \n**审批意见**: " + opinion.strip())
                + "  \n**案件**: " + c.caseNumber() + " " + c.itemName() + " ([办件详情](/cases/" + c.caseNumber() + "))";
    }

    /** What the requester is told of the director's decision on his delay-notice request (Markdown). */
    public String delayDecisionSummary(CaseRecord c, DelayRequest request, boolean approved, String opinion, String director) {
        return (approved ? "**滞办告知已批准**: 滞办至" + DAY.format(request.until()) + ", 已出具滞办反馈告知书, 请交申请人"
                : "**滞办告知未获批准**") + "  \n**审批人**: " + userName(director)
                + (opinion == null || opinion.isBlank() ? "" : "  \n**审批意见**: " + opinion.strip())
                + "  \n**案件**: " + c.caseNumber() + " " + c.itemName() + " ([办件详情](/cases/" + c.caseNumber() + "))";
    }

    /** What the director approves for a delay notice: until when, why, and the applicant's contact (masked). */
    public String delayRequestSummary(DelayRequest request) {
        return "**滞办至**: " + DAY.format(request.until()) + "  \n**滞办原因**: " + request.reason()
                + (request.contact() == null ? "" : "  \n**申请人联系方式**: " + org.bianmin.privacy.PersonalData.maskAll(request.contact()));
    }

    /**
     * Asks the case's process for an extension: it calls {@code case-extension}, whose first step
     * records the request; then a director decides.
     */
    public void startExtension(String caseNumber, int days, String reason, String by) {
        checkExtension(caseNumber, days, reason);
        if (!processes.correlate(caseNumber, CaseProcesses.EXTENSION_REQUESTED, Map.of("extensionDays", days,
                "extensionReason", reason.strip(), "extensionRequestedBy", by))) {
            throw notAtWork(caseNumber);
        }
    }

    @Transactional
    public CaseRecord requestExtension(String caseNumber, Integer days, String reason, String by) {
        CaseRecord c = checkExtension(caseNumber, days, reason);
        CaseRecord requested = c.toBuilder().extensionState(CaseRecord.ExtensionState.REQUESTED)
                .extensionsUsed(c.extensionsUsed() + 1).build();
        cases.update(requested);
        events.record(CaseEventType.EXTENSION_REQUESTED, caseNumber, by, c.window(), now(), days + "; " + reason);
        return requested;
    }

    @Transactional
    public CaseRecord decideExtension(String caseNumber, int days, String reason, boolean approved, String opinion,
                                      String director) {
        CaseRecord c = cases.lock(caseNumber).orElseThrow(() -> SupplementService.unknownCase(caseNumber));
        if (c.state() != CaseState.IN_PROGRESS || c.extensionState() != CaseRecord.ExtensionState.REQUESTED) {
            throw ApiException.conflict("NO_PENDING_EXTENSION", "案件没有待审批的延期申请 / no pending extension request");
        }
        Instant now = now();
        if (!approved) {
            CaseRecord refused = c.toBuilder().extensionState(CaseRecord.ExtensionState.REFUSED).build();
            cases.update(refused);
            events.record(CaseEventType.EXTENSION_REFUSED, caseNumber, director, c.window(), now, opinion);
            return refused;
        }
        CaseRecord extended = c.toBuilder().extensionState(CaseRecord.ExtensionState.APPROVED)
                .extensionDays(c.extensionDays() + days)
                .deadline(planner.shiftWorkingDays(c.window(), c.deadline(), days))
                .warnAt(planner.shiftWorkingDays(c.window(), c.warnAt(), days)).build();
        clock.save(c, extended);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("延长时限", days + "个工作日");
        details.put("原办结时限", TIME.format(c.deadline().atZone(zone)));
        details.put("延长后办结时限", TIME.format(extended.deadline().atZone(zone)));
        details.put("延期理由", reason);
        details.put("批准人", userName(director));
        notices.issue(caseNumber, NoticeType.EXTENSION, now, director, List.of(), details);
        events.record(CaseEventType.EXTENSION_APPROVED, caseNumber, director, c.window(), now, days + "; " + reason);
        return extended;
    }

    // ---- delay notice (滞办反馈告知书) ----

    public record DelayRequest(LocalDate until, String reason, String contact) {
    }

    public DelayRequest checkDelay(String caseNumber, String until, String reason, String contact) {
        running(caseNumber);
        LocalDate day = parseDay(until);
        if (!day.isAfter(LocalDate.ofInstant(now(), zone))) {
            throw ApiException.invalidField("until", "滞办截止日期必须晚于今天", "must be after today");
        }
        return new DelayRequest(day, text("reason", reason, true), text("contact", contact, false));
    }

    /**
     * Asks the case's process for a delay notice ({@code case-delay}); the applicant's contact is
     * kept by the case, never by the engine.
     */
    @Transactional
    public void startDelay(String caseNumber, String until, String reason, String contact, String by) {
        DelayRequest request = checkDelay(caseNumber, until, reason, contact);
        delayContacts.save(caseNumber, request.contact());
        if (!processes.correlate(caseNumber, CaseProcesses.DELAY_REQUESTED, Map.of("delayUntil", request.until().toString(),
                "delayReason", request.reason(), "delayRequestedBy", by))) {
            throw notAtWork(caseNumber);
        }
    }

    @Transactional
    public void requestDelay(String caseNumber, DelayRequest request, String by) {
        CaseRecord c = running(caseNumber);
        if (request.contact() != null) {
            delayContacts.save(caseNumber, request.contact());
        }
        events.record(CaseEventType.DELAY_NOTICE_REQUESTED, caseNumber, by, c.window(), now(),
                request.until() + "; " + request.reason());
    }

    @Transactional
    public CaseRecord decideDelay(String caseNumber, DelayRequest request, boolean approved, String opinion, String director) {
        CaseRecord c = running(caseNumber);
        Instant now = now();
        if (!approved) {
            events.record(CaseEventType.DELAY_NOTICE_REFUSED, caseNumber, director, c.window(), now, opinion);
            return c;
        }
        CaseRecord delayed = c.toBuilder().delayNotice(true).build();
        cases.update(delayed);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("滞办时间", "至" + DAY.format(request.until()));
        details.put("滞办事项", c.itemName());
        details.put("滞办原因", request.reason());
        details.put("批准人", userName(director));
        String contact = request.contact() != null ? request.contact() : delayContacts.find(caseNumber).orElse(null);
        details.put("申请人联系方式", contact != null ? contact : c.applicant().maskedPhone());
        notices.issue(caseNumber, NoticeType.DELAY, now, director, List.of(), details);
        events.record(CaseEventType.DELAY_NOTICE_ISSUED, caseNumber, director, c.window(), now,
                request.until() + "; " + request.reason());
        return delayed;
    }

    // ---- withdrawal (撤回) and the district's result ----

    public void withdraw(String caseNumber, String reason, String by) {
        CaseRecord c = cases.find(caseNumber).orElseThrow(() -> SupplementService.unknownCase(caseNumber));
        if (c.state() != CaseState.IN_PROGRESS && c.state() != CaseState.WAITING_SUPPLEMENT) {
            throw ApiException.conflict("CASE_NOT_RUNNING", "案件已结束(" + c.state().label() + "), 不能撤回 / case already ended: "
                    + c.state());
        }
        String why = text("reason", reason, false);
        if (!processes.correlate(caseNumber, CaseProcesses.WITHDRAWN, Map.of("withdrawalReason", why == null ? "申请人撤回申请" : why,
                "withdrawnBy", by))) {
            throw notAtWork(caseNumber);
        }
    }

    public void reportDistrictResult(String caseNumber, Boolean approved, String note, String by) {
        CaseRecord c = running(caseNumber);
        if (c.caseType() != CaseType.FORWARDED) {
            throw ApiException.conflict("NOT_FORWARDED", "只有上报件有区级办理结果 / only forwarded cases have a district result");
        }
        if (approved == null) {
            throw ApiException.invalidField("approved", "必须说明区级部门是否批准", "is required (true or false)");
        }
        String text = text("note", note, false);
        if (!districtResult(caseNumber, approved, text)) {
            throw ApiException.conflict("NOT_WAITING_FOR_DISTRICT", "案件尚未报送区级部门或已登记结果 / the case is not waiting for the district's result");
        }
        events.record(CaseEventType.DISTRICT_RESULT_RECORDED, caseNumber, by, c.window(), now(),
                (approved ? "批准" : "不批准") + (text == null ? "" : ": " + text));
    }

    /** The district's result reaches the forwarded-case process the root called (its own boundary event waits for it). */
    private boolean districtResult(String caseNumber, boolean approved, String note) {
        return processes.instances(caseNumber).stream()
                .filter(instance -> instance.getProcessDefinitionId().startsWith(CaseType.FORWARDED.processKey() + ":"))
                .findFirst().map(instance -> {
                    Map<String, Object> result = Map.of("approved", Boolean.toString(approved), "handlingNote", note == null ? "" : note);
                    // a forwarded case of the earlier release waits under the message's earlier name
                    return processes.correlateTo(instance.getId(), CaseProcesses.DISTRICT_RESULT, result)
                            || processes.correlateTo(instance.getId(), LegacyCaseShapes.DISTRICT_RESULT, result);
                })
                .orElse(false);
    }

    private static ApiException notAtWork(String caseNumber) {
        return ApiException.conflict("CASE_NOT_AT_WORK", "案件当前不在办理环节, 无法受理此申请 / case " + caseNumber
                + " is not at a step that takes this request");
    }

    // ---- shared checks ----

    private CaseRecord running(String caseNumber) {
        CaseRecord c = cases.find(caseNumber).orElseThrow(() -> SupplementService.unknownCase(caseNumber));
        if (c.state() != CaseState.IN_PROGRESS) {
            throw ApiException.conflict("CASE_NOT_RUNNING", "案件不在办理中(" + c.state().label() + ") / case is not in progress: "
                    + c.state());
        }
        return c;
    }

    private static String text(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.invalidField(field, "不能为空", "is required");
            }
            return null;
        }
        if (value.strip().length() > MAX_TEXT) {
            throw ApiException.invalidField(field, "长度不能超过" + MAX_TEXT + "个字符", "must be at most " + MAX_TEXT + " characters");
        }
        return value.strip();
    }

    private LocalDate parseDay(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalidField("until", "不能为空", "is required");
        }
        try {
            return text.length() <= 10 ? LocalDate.parse(text.strip())
                    : OffsetDateTime.parse(text.strip()).atZoneSameInstant(zone).toLocalDate();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("until", "日期格式应为 2026-12-10", "must be a date like 2026-12-10");
        }
    }

    private String userName(String userId) {
        return String.valueOf(staff.name(userId));
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
