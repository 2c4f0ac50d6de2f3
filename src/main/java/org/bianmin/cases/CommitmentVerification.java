package org.bianmin.cases;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.calendar.CalendarService;
import org.bianmin.catalogue.CatalogueService;
import org.bianmin.catalogue.Material;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.bianmin.hallduties.HallDutyLimits;
import org.bianmin.notices.Notice;
import org.bianmin.notices.NoticeRepository;
import org.bianmin.notices.NoticeType;
import org.bianmin.sla.SlaPlanner;
import org.bianmin.staff.StaffDirectory;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 告知承诺制: a case of an item the catalogue marks may be accepted on the applicant's written
 * commitment (告知承诺书), which replaces the proofs still missing. Once it is approved, its window
 * checks the commitment within the hall-duty limit {@code commitment.verification} (process
 * {@code commitment-verification}, its own instance after the case, business key = case number);
 * a commitment found untrue revokes the approval (state REVOKED) with a 撤销决定告知书.
 */
@Service
public class CommitmentVerification {

    static final String PROCESS = "commitment-verification";
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final HallDutyLimits limits;
    private final SlaPlanner planner;
    private final RuntimeService runtime;
    private final SystemAuthority system;
    private final CaseRepository cases;
    private final CaseEventRepository events;
    private final NoticeRepository notices;
    private final CaseSummary summary;
    private final StaffDirectory staff;
    private final CatalogueService catalogue;
    private final java.time.ZoneId zone;

    CommitmentVerification(HallDutyLimits limits, SlaPlanner planner, RuntimeService runtime, SystemAuthority system,
                           CaseRepository cases, CaseEventRepository events, NoticeRepository notices, CaseSummary summary,
                           StaffDirectory staff, CatalogueService catalogue, CalendarService calendars) {
        this.catalogue = catalogue;
        this.zone = calendars.calendar().zone();
        this.limits = limits;
        this.planner = planner;
        this.runtime = runtime;
        this.system = system;
        this.cases = cases;
        this.events = events;
        this.notices = notices;
        this.summary = summary;
        this.staff = staff;
    }

    /** Why a case was accepted on a commitment, as the case and its notices state it. */
    static final String REASON = "申请合法、主件齐全, 申请人签署告知承诺书, 以承诺代替部分证明材料";

    /** The basis of accepting on a commitment: the hall-duty row of its check. */
    String basis() {
        return limits.limit(HallDutyLimits.COMMITMENT_VERIFICATION).basis();
    }

    /** What the acceptance notice of a case accepted on a commitment says besides the usual. */
    Map<String, String> acceptanceDetails() {
        return Map.of("告知承诺", "申请人已签署《告知承诺书》, 以承诺代替部分证明材料; 作出决定后核查承诺是否属实");
    }

    /** What the 告知承诺书 prints: when the commitment is checked and on what basis. */
    Map<String, String> noticeDetails() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("核查期限", "作出准予决定后" + limits.describe(HallDutyLimits.COMMITMENT_VERIFICATION) + "内");
        details.put("核查依据", basis());
        return details;
    }

    /** After a case's end: an approval given on a commitment is checked by its window, due within the limit. */
    void ended(CaseRecord c) {
        if (!c.commitment() || c.state() != CaseState.COMPLETED) {
            return;
        }
        Instant due = limits.after(HallDutyLimits.COMMITMENT_VERIFICATION, c.endedAt(), planner.calendar(c.window()));
        String committed = String.join("、", committedNames(c));
        system.run(() -> runtime.startProcessInstanceByKey(PROCESS, c.caseNumber(), Variables.createVariables()
                .putValue("caseNumber", c.caseNumber()).putValue("window", c.window()).putValue("verifyDue", Date.from(due))
                .putValue("caseSummary", "**以承诺代替的材料**: " + (committed.isEmpty() ? "无(承诺符合条件)" : committed)
                        + "  \n**核查期限**: " + TIME.format(due.atZone(zone)) + "  \n\n" + summary.markdown(c))));
    }

    /** The window's conclusion: a true commitment is noted; an untrue one revokes the approval. */
    @Transactional
    public CaseRecord recordCheck(String caseNumber, boolean truthful, String note, String by) {
        CaseRecord c = cases.lock(caseNumber).orElseThrow(() -> SupplementService.unknownCase(caseNumber));
        if (!c.commitment() || c.state() != CaseState.COMPLETED) {
            throw ApiException.conflict("NOT_APPROVED_ON_COMMITMENT", "案件不是按告知承诺作出准予决定的 / not approved on a commitment");
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String text = note == null ? "" : note.strip();
        if (truthful) {
            events.record(CaseEventType.COMMITMENT_VERIFIED, caseNumber, by, c.window(), now, text);
            return c;
        }
        CaseRecord revoked = c.toBuilder().state(CaseState.REVOKED).build();
        cases.update(revoked);
        events.record(CaseEventType.COMMITMENT_FALSE, caseNumber, by, c.window(), now, text);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("核查情况", text);
        details.put("撤销决定", "撤销本中心按告知承诺作出的准予决定");
        details.put("核查人", staff.name(by));
        notices.issue(caseNumber, NoticeType.REVOCATION, now, by, codesCommitted(caseNumber), details);
        return revoked;
    }

    private List<String> codesCommitted(String caseNumber) {
        return notices.find(caseNumber, NoticeType.COMMITMENT, null).map(Notice::materials).orElse(List.of());
    }

    private List<String> committedNames(CaseRecord c) {
        return catalogue.find(c.itemCode()).map(item -> codesCommitted(c.caseNumber()).stream()
                .map(code -> item.material(code).map(Material::name).orElse(code)).toList()).orElse(codesCommitted(c.caseNumber()));
    }
}
