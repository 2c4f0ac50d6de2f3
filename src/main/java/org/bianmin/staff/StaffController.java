package org.bianmin.staff;

import jakarta.validation.Valid;

import java.time.LocalDate;
import java.util.List;
import org.bianmin.identity.Action;
import org.bianmin.identity.Authorized;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The A/B roster ({@code /api/roster}) and absences ({@code /api/absences}). */
@RestController
@RequestMapping("/api")
class StaffController {


    private final RosterService roster;
    private final AbsenceService absences;

    StaffController(RosterService roster, AbsenceService absences) {
        this.roster = roster;
        this.absences = absences;
    }

    @Authorized(Action.ROSTER_READ)
    @GetMapping("/roster")
    List<RosterService.PostView> roster(CurrentUser user) {
        return roster.overview();
    }

    @Authorized(Action.ROSTER_CHANGE)
    @PutMapping("/roster/{window}")
    List<RosterService.PostView> changeRoster(@PathVariable String window, @Valid @RequestBody RosterService.RosterChange change,
                                              CurrentUser user) {
        return roster.change(window, change, user.id());
    }

    @Authorized(Action.ABSENCE_RECORD)
    @PostMapping("/absences")
    ResponseEntity<AbsenceService.AbsenceView> recordAbsence(@Valid @RequestBody AbsenceService.AbsenceRequest request, CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(absences.record(request, user));
    }

    @Authorized(Action.ABSENCE_READ)
    @GetMapping("/absences")
    List<AbsenceService.AbsenceView> absences(@RequestParam(required = false) String staff,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                              CurrentUser user) {
        return absences.list(staff, date);
    }
}
