package org.bianmin.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bianmin.catalogue.CatalogueService;
import org.bianmin.catalogue.Material;
import org.bianmin.catalogue.ServiceItem;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.bianmin.notices.NoticeRepository;
import org.bianmin.notices.NoticeType;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant brings missing materials. While anything is still missing the clock stays paused
 * and a new supplement notice names exactly what is still missing; once complete the clock runs
 * again ({@link CaseClock#resume}, the same as after a review supplement) and the case's process goes
 * on to its work.
 */
@Service
public class SupplementService {

    private final CaseRepository cases;
    private final CatalogueService catalogue;
    private final NoticeRepository notices;
    private final CaseEventRepository events;
    private final CaseClock clock;
    private final CaseProcesses processes;
    private final SupplementDeadline supplementDeadline;

    public SupplementService(CaseRepository cases, CatalogueService catalogue, NoticeRepository notices,
                             CaseEventRepository events, CaseClock clock, CaseProcesses processes,
                             SupplementDeadline supplementDeadline) {
        this.processes = processes;
        this.supplementDeadline = supplementDeadline;
        this.cases = cases;
        this.catalogue = catalogue;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    /** Checks a supplement without changing anything: the case waits, and every code is one of its missing materials. */
    public CaseRecord check(String caseNumber, Collection<String> materials) {
        CaseRecord record = cases.find(caseNumber).orElseThrow(() -> unknownCase(caseNumber));
        if (!owesMaterials(record)) {
            throw ApiException.conflict("NOT_WAITING_FOR_SUPPLEMENT", "案件 " + caseNumber + " 当前状态为" + record.state().label()
                    + ", 不在等待补正 / case is not waiting for a supplement (state " + record.state() + ")");
        }
        if (materials == null || materials.isEmpty()) {
            throw ApiException.invalidField("materials", "至少补交一项材料", "at least one material is required");
        }
        int i = 0;
        for (String code : materials) {
            if (code == null || !record.missingMaterials().contains(code.strip())) {
                throw ApiException.invalidField("materials[" + i + "]", "不是本案待补正的材料: " + code,
                        "not one of the case's missing materials: " + code + " (missing: " + record.missingMaterials() + ")");
            }
            i++;
        }
        return record;
    }

    @Transactional
    public CaseRecord receive(String caseNumber, Collection<String> materials, String receivedBy) {
        check(caseNumber, materials);
        CaseRecord c = cases.lock(caseNumber).orElseThrow(() -> unknownCase(caseNumber));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Set<String> submitted = new LinkedHashSet<>(c.submittedMaterials());
        materials.forEach(m -> submitted.add(m.strip()));
        ServiceItem item = catalogue.find(c.itemCode()).orElseThrow();
        List<String> stillMissing = item.materials().stream().map(Material::code)
                .filter(code -> !submitted.contains(code)).toList();
        events.record(CaseEventType.SUPPLEMENT_RECEIVED, caseNumber, receivedBy, c.window(), now,
                String.join(",", materials) + (stillMissing.isEmpty() ? "" : "; still missing " + String.join(",", stillMissing)));
        CaseRecord updated;
        if (isPromiseOwed(c)) {
            // 容缺受理: the work runs meanwhile; once all is in, the promise watch ends
            updated = clock.save(c, c.toBuilder().submittedMaterials(new ArrayList<>(submitted)).missingMaterials(stillMissing)
                    .supplementDue(stillMissing.isEmpty() ? null : c.supplementDue()).build());
            if (stillMissing.isEmpty()) {
                processes.correlate(caseNumber, CaseProcesses.PROMISE_KEPT, java.util.Map.of());
            } else {
                notices.issue(caseNumber, NoticeType.PROMISE, now, receivedBy, stillMissing, supplementDeadline.noticeDetails(updated));
            }
        } else if (stillMissing.isEmpty()) {
            // complete: the clock, stopped since registration, runs again (the root process goes on to the work)
            updated = clock.resume(c, now, b -> b.state(CaseState.IN_PROGRESS).submittedMaterials(new ArrayList<>(submitted))
                    .missingMaterials(List.of()).supplementDue(null));
            if (processes.isLegacy(caseNumber)) {
                processes.handOver(updated, "prepareWork");
            }
        } else {
            updated = clock.save(c, c.toBuilder().submittedMaterials(new ArrayList<>(submitted)).missingMaterials(stillMissing).build());
            notices.issue(caseNumber, NoticeType.SUPPLEMENT, now, receivedBy, stillMissing, supplementDeadline.noticeDetails(updated));
        }
        return updated;
    }

    /** Waiting for the materials (clock paused), or accepted on the promise to bring them (容缺受理, clock running). */
    static boolean owesMaterials(CaseRecord c) {
        return c.state() == CaseState.WAITING_SUPPLEMENT || isPromiseOwed(c);
    }

    /**
     * The 补正期限 of the materials the case still owes — waiting at intake, on the applicant's promise,
     * or asked for by the reviewer (clock paused) — or null when it owes none (ended, or all brought).
     */
    static java.time.Instant supplementDueWhileOwed(CaseRecord c) {
        return owesMaterials(c) || c.pausedSince() != null ? c.supplementDue() : null;
    }

    /** 容缺受理 with materials still owed; a review supplement (clock paused) is the reviewer's step, not this one. */
    static boolean isPromiseOwed(CaseRecord c) {
        return c.state() == CaseState.IN_PROGRESS && c.supplementDue() != null && c.pausedSince() == null;
    }

    static ApiException unknownCase(String caseNumber) {
        return ApiException.notFound("UNKNOWN_CASE", "案件不存在 / no such case: " + caseNumber);
    }
}
