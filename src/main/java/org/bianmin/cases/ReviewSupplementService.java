package org.bianmin.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bianmin.catalogue.CatalogueService;
import org.bianmin.catalogue.ServiceItem;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.bianmin.notices.Notice;
import org.bianmin.notices.NoticeRepository;
import org.bianmin.notices.NoticeType;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reviewer asks for materials during review. The clock stops until they arrive (the SLA timers
 * are suspended and move on by the paused working time, {@link CaseClock}); every material
 * the first supplement notice did not name (一次性告知) is a breach by the clerk who took the
 * application in, recorded as {@code SUPPLEMENT_NOT_NOTIFIED}.
 */
@Service
public class ReviewSupplementService {

    private final CaseRepository cases;
    private final CatalogueService catalogue;
    private final NoticeRepository notices;
    private final CaseEventRepository events;
    private final CaseClock clock;
    private final SupplementDeadline supplementDeadline;
    private final CaseProcesses processes;

    public ReviewSupplementService(CaseRepository cases, CatalogueService catalogue, NoticeRepository notices,
                                   CaseEventRepository events, CaseClock clock, SupplementDeadline supplementDeadline,
                                   CaseProcesses processes) {
        this.processes = processes;
        this.supplementDeadline = supplementDeadline;
        this.cases = cases;
        this.catalogue = catalogue;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CaseRecord request(String caseNumber, Collection<String> materials, String reviewer) {
        CaseRecord c = cases.lock(caseNumber).orElseThrow(() -> SupplementService.unknownCase(caseNumber));
        if (c.state() != CaseState.IN_PROGRESS || c.pausedSince() != null) {
            throw ApiException.conflict("CASE_NOT_RUNNING", "案件不在办理中或已在等待补正 / the case is not running or already waits");
        }
        ServiceItem item = catalogue.find(c.itemCode()).orElseThrow();
        if (materials == null || materials.isEmpty()) {
            throw ApiException.invalidField("requestedMaterials", "请选择需补正的材料", "choose the materials to supplement");
        }
        Set<String> requested = new LinkedHashSet<>();
        for (String code : materials) {
            if (item.material(code).isEmpty()) {
                throw ApiException.invalidField("requestedMaterials", "事项没有材料 " + code, "item has no material " + code);
            }
            requested.add(code);
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        List<String> firstNotice = notices.find(caseNumber, NoticeType.SUPPLEMENT, 1).map(Notice::materials).orElse(List.of());
        for (String code : requested) {
            if (!firstNotice.contains(code)) {
                events.record(CaseEventType.SUPPLEMENT_NOT_NOTIFIED, caseNumber, c.registeredBy(), c.window(), now,
                        "审核中要求补正首次告知未列明的材料 " + code + " (" + reviewer + ")");
            }
        }
        // the same 补正期限 as at intake: past it, committed-case's timer on the wait ends the case (逾期未补正)
        Instant due = supplementDeadline.from(c.window(), now);
        // 容缺受理: the materials promised at acceptance stay owed beside the new ones — one list, one 补正期限
        // (the later one), and the root's promise watch waits for that same date
        boolean promised = SupplementService.isPromiseOwed(c);
        Set<String> owed = new LinkedHashSet<>(promised ? c.missingMaterials() : List.of());
        owed.addAll(requested);
        if (promised && c.supplementDue().isAfter(due)) {
            due = c.supplementDue();
        }
        Instant supplementDue = due;
        CaseRecord paused = clock.pause(c, now, b -> b.missingMaterials(List.copyOf(owed)).supplementDue(supplementDue));
        if (promised) {
            clock.movePromiseDue(caseNumber, supplementDue);
        }
        notices.issue(caseNumber, NoticeType.SUPPLEMENT, now, reviewer, List.copyOf(owed),
                supplementDeadline.noticeDetails(paused));
        return paused;
    }

    @Transactional
    public CaseRecord receive(String caseNumber, Collection<String> materials, String by) {
        CaseRecord c = cases.lock(caseNumber).orElseThrow(() -> SupplementService.unknownCase(caseNumber));
        if (c.pausedSince() == null || c.state() != CaseState.IN_PROGRESS) {
            throw ApiException.conflict("NOT_WAITING_FOR_SUPPLEMENT", "案件不在等待补正 / the case is not waiting for a supplement");
        }
        Set<String> supplied = materials == null ? Set.of() : new LinkedHashSet<>(materials);
        List<String> stillMissing = c.missingMaterials().stream().filter(m -> !supplied.contains(m)).toList();
        if (!stillMissing.isEmpty()) {
            throw ApiException.invalidField("suppliedMaterials", "仍缺材料: " + stillMissing, "still missing: " + stillMissing);
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Set<String> submitted = new LinkedHashSet<>(c.submittedMaterials());
        submitted.addAll(supplied);
        CaseRecord resumed = clock.resume(c, now, b -> b.submittedMaterials(List.copyOf(submitted)).missingMaterials(List.of())
                .supplementDue(null));
        events.record(CaseEventType.SUPPLEMENT_RECEIVED, caseNumber, by, c.window(), now, String.join(",", supplied));
        // 容缺受理: the promised materials came in with the rest; the root's promise watch, if it waits, ends
        if (processes.waitsFor(caseNumber, CaseProcesses.PROMISE_KEPT)) {
            processes.correlate(caseNumber, CaseProcesses.PROMISE_KEPT, java.util.Map.of());
        }
        return resumed;
    }
}
