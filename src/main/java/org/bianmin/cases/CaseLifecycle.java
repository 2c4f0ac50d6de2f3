package org.bianmin.cases;

import java.time.Instant;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ends a case: completion, rejection or withdrawal. */
@Service
public class CaseLifecycle {

    private final CaseRepository cases;
    private final CaseEventRepository events;

    public CaseLifecycle(CaseRepository cases, CaseEventRepository events) {
        this.cases = cases;
        this.events = events;
    }

    @Transactional
    public CaseRecord end(String caseNumber, CaseState finalState, String by) {
        if (!finalState.isEnded()) {
            throw new IllegalArgumentException(finalState + " is not a final state");
        }
        CaseRecord c = cases.lock(caseNumber).orElseThrow(() -> SupplementService.unknownCase(caseNumber));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        CaseRecord ended = new CaseRecord(c.caseNumber(), c.itemCode(), c.itemName(), c.department(), c.window(),
                c.disposition(), c.caseType(), finalState, c.applicant(), c.lawful(), c.petition(), c.major(),
                c.submittedMaterials(), c.missingMaterials(), c.reason(), c.basis(), c.receivedAt(), c.registeredAt(),
                c.registeredBy(), c.limitDays(), c.limitMinutes(), c.extensionMaxDays(), c.deadline(), c.warnAt(),
                null, c.pausedMinutes(), c.classificationVersion(), c.timeLimitVersion(), c.firedRules(), now);
        cases.update(ended);
        events.record(CaseEventType.CASE_COMPLETED, caseNumber, by, c.window(), now, finalState.name());
        return ended;
    }
}
