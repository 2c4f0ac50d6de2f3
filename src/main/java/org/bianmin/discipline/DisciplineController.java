package org.bianmin.discipline;

import org.bianmin.identity.Action;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.bianmin.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DisciplineController {

    record DisciplineRequest(String staff, String type, String occurredAt, String note) {
    }

    private final DisciplineService discipline;

    DisciplineController(DisciplineService discipline) {
        this.discipline = discipline;
    }

    /** Supervisors (and directors) record attendance and discipline events. */
    @PostMapping("/api/discipline-events")
    ResponseEntity<DisciplineEvent> record(@RequestBody DisciplineRequest request, CurrentUser user) {
        user.require(Action.DISCIPLINE_RECORD);
        if (request == null) {
            throw ApiException.missingBody();
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(discipline.record(request.staff(), request.type(), request.occurredAt(), request.note(), user.id()));
    }
}
