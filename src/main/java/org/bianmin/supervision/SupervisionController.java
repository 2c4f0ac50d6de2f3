package org.bianmin.supervision;

import java.util.List;
import org.bianmin.cases.CaseEventWording;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.staff.StaffDirectory;
import org.bianmin.identity.Action;
import org.bianmin.identity.Authorized;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Data of the Cockpit time-limit board and the supervisor dashboard: supervisors and directors only. */
@RestController
@RequestMapping("/api/supervision")
class SupervisionController {

    private final SlaBoardService board;
    private final DashboardService dashboard;
    private final CaseEventRepository events;

    private final StaffDirectory staff;

    private final org.bianmin.web.InputWindow window;

    SupervisionController(SlaBoardService board, DashboardService dashboard, CaseEventRepository events, StaffDirectory staff,
                          org.bianmin.web.InputWindow window) {
        this.window = window;
        this.staff = staff;
        this.board = board;
        this.dashboard = dashboard;
        this.events = events;
    }

    @Authorized(Action.SUPERVISION_READ)
    @GetMapping("/sla-board")
    SlaBoard slaBoard(CurrentUser user) {
        return board.board();
    }

    /** An entry of a case's escalation history, in words: what happened, to whom, with what note. */
    record Escalation(java.time.Instant occurredAt, String type, String label, String staff, String staffName, String note) {
    }

    /** A case's escalation history: warnings, overdue steps and the case's deadline, extensions and delay notices. */
    @Authorized(Action.SUPERVISION_READ)
    @GetMapping("/cases/{caseNumber}/escalations")
    List<Escalation> escalations(@PathVariable String caseNumber, CurrentUser user) {
        return events.forCase(caseNumber).stream().filter(e -> e.type().name().endsWith("_OVERDUE")
                || e.type().name().equals("CASE_WARNING") || e.type().name().startsWith("EXTENSION")
                || e.type().name().startsWith("DELAY_NOTICE") || e.type().name().startsWith("SUPERVISION_")
                || e.type() == org.bianmin.events.CaseEventType.CASE_SUPERVISED
                || e.type() == org.bianmin.events.CaseEventType.LATE_REGISTRATION)
                .map(e -> new Escalation(e.occurredAt(), e.type().name(), e.type().label(), e.staff(), names(e.staff()),
                        CaseEventWording.note(e.type(), e.details())))
                .toList();
    }

    /** The people an event names (one id, or several joined by commas), by name. */
    private String names(String ids) {
        return ids == null || ids.isBlank() ? null : java.util.Arrays.stream(ids.split(","))
                .map(String::strip).map(staff::name).collect(java.util.stream.Collectors.joining("、"));
    }

    @Authorized(Action.SUPERVISION_READ)
    @GetMapping("/dashboard")
    DashboardService.Dashboard dashboard(@RequestParam(defaultValue = "6") int months, @RequestParam(required = false) String month,
                                         CurrentUser user) {
        return dashboard.dashboard(Math.max(1, Math.min(months, 24)), month == null || month.isBlank() ? null : window.month("month", month));
    }
}
