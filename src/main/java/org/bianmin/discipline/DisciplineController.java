package org.bianmin.discipline;

import jakarta.validation.Valid;

import org.bianmin.web.Text;
import org.bianmin.web.TimeText;

import org.bianmin.identity.Action;
import org.bianmin.identity.Authorized;
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

    record DisciplineRequest(@Text(max = 64) String staff, @Text(max = 40) String type, @TimeText String occurredAt,
                             @Text(max = 1000, multiline = true) String note) {
    }

    private final DisciplineService discipline;

    DisciplineController(DisciplineService discipline) {
        this.discipline = discipline;
    }

    /** Supervisors (and directors) record attendance and discipline events. */
    @Authorized(Action.DISCIPLINE_RECORD)
    @PostMapping("/api/discipline-events")
    ResponseEntity<DisciplineEvent> record(@Valid @RequestBody DisciplineRequest request, CurrentUser user) {
        if (request == null) {
            throw ApiException.missingBody();
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(discipline.record(request.staff(), request.type(), request.occurredAt(), request.note(), user.id()));
    }
}
