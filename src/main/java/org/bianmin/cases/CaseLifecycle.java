package org.bianmin.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.calendar.CalendarService;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.bianmin.notices.NoticeRepository;
import org.bianmin.notices.NoticeType;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a case — completed, refused, returned during review, withdrawn or not supplemented in time — with a clear final
 * state: the record, an event and the applicant's notice. The case's root process does the rest:
 * it ends with its timers and open side steps, or goes on to the denial filing after a refusal or
 * a return.
 */
@Service
public class CaseLifecycle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final CaseRepository cases;
    private final CaseEventRepository events;
    private final NoticeRepository notices;
    private final CaseClock clock;
    private final CaseProcesses processes;
    private final LegacyCaseShapes legacy;
    private final ZoneId zone;
    private final SupplementDeadline supplementDeadline;
    private final CommitmentVerification commitments;

    public CaseLifecycle(CaseRepository cases, CaseEventRepository events, NoticeRepository notices, CaseClock clock,
                         CaseProcesses processes, LegacyCaseShapes legacy, CalendarService calendars,
                         SupplementDeadline supplementDeadline, CommitmentVerification commitments) {
        this.supplementDeadline = supplementDeadline;
        this.commitments = commitments;
        this.processes = processes;
        this.legacy = legacy;
        this.cases = cases;
        this.events = events;
        this.notices = notices;
        this.clock = clock;
        this.zone = calendars.calendar().zone();
    }

    /** Ends the case; {@code note} is the result or reason the applicant is told. */
    @Transactional
    public CaseRecord end(String caseNumber, CaseState finalState, String by, String note) {
        if (!finalState.isEnded()) {
            throw new IllegalArgumentException(finalState + " is not a final state");
        }
        CaseRecord c = cases.lock(caseNumber).orElseThrow(() -> SupplementService.unknownCase(caseNumber));
        if (c.state().isEnded()) {
            throw new IllegalStateException("case " + caseNumber + " already ended as " + c.state());
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        CaseRecord.Builder ended = c.toBuilder().state(finalState).pausedSince(null).endedAt(now);
        if (finalState == CaseState.RETURNED && note != null) {
            ended.reason(note);
        }
        CaseRecord record = clock.save(c, ended.build());
        events.record(eventOf(finalState), caseNumber, by, c.window(), now, note);
        if (processes.isLegacy(caseNumber)) {
            legacy.ended(caseNumber, finalState);
            if (finalState == CaseState.REJECTED || finalState == CaseState.RETURNED) {
                processes.handOver(record, "denialFiling");
            }
        }

        switch (finalState) {
            case COMPLETED, REJECTED -> {
                notices.issue(caseNumber, NoticeType.COMPLETION, now, by, List.of(), result(record, note));
                commitments.ended(record); // an approval on a commitment is checked afterwards
            }
            case RETURNED -> notices.issue(caseNumber, NoticeType.NON_ACCEPTANCE, now, by, List.of());
            case TERMINATED -> notices.issue(caseNumber, NoticeType.TERMINATION, now, by, c.missingMaterials(),
                    supplementDeadline.noticeDetails(c));
            default -> { }
        }
        return record;
    }

    /**
     * 逾期未补正: ends the case once. A 容缺受理 case's review wait and the root's promise watch share one
     * 补正期限; the timer that fires second finds the case, locked, already ended.
     */
    @Transactional
    public void terminateUnsupplied(String caseNumber, String by) {
        CaseRecord c = cases.lock(caseNumber).orElseThrow(() -> SupplementService.unknownCase(caseNumber));
        if (c.state() != CaseState.TERMINATED) {
            end(caseNumber, CaseState.TERMINATED, by, "补正期限已过, 申请人未补齐材料");
        }
    }

    private Map<String, String> result(CaseRecord c, String note) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("办理结果", c.state() == CaseState.COMPLETED ? "准予办理" : "不予许可");
        if (note != null && !note.isBlank()) {
            details.put("办理意见", note);
        }
        details.put("办结时间", DAY.format(c.endedAt().atZone(zone)));
        if (c.deadline() != null) {
            details.put("承诺办结时限", DAY.format(c.deadline().atZone(zone)));
        }
        return details;
    }


    private static CaseEventType eventOf(CaseState state) {
        return switch (state) {
            case COMPLETED -> CaseEventType.CASE_COMPLETED;
            case REJECTED -> CaseEventType.CASE_REJECTED;
            case RETURNED -> CaseEventType.CASE_RETURNED;
            case WITHDRAWN -> CaseEventType.CASE_WITHDRAWN;
            case TERMINATED -> CaseEventType.CASE_TERMINATED;
            default -> throw new IllegalArgumentException(state.name());
        };
    }
}
