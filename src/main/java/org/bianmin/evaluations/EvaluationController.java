package org.bianmin.evaluations;

import org.bianmin.cases.CaseAccess;
import java.time.YearMonth;
import java.util.List;
import org.bianmin.identity.Action;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The applicant's rating of an ended case and the monthly satisfaction rates per window. */
@RestController
class EvaluationController {

    private final EvaluationService evaluations;
    private final CaseAccess access;

    EvaluationController(EvaluationService evaluations, CaseAccess access) {
        this.evaluations = evaluations;
        this.access = access;
    }

    record RatingRequest(Object rating, String comment) {
    }

    @PostMapping("/api/cases/{caseNumber}/evaluation")
    ResponseEntity<EvaluationService.EvaluationView> rate(@PathVariable String caseNumber, @RequestBody RatingRequest request,
                                                          CurrentUser user) {
        access.require(user, Action.CASE_EVALUATION, caseNumber);
        return ResponseEntity.status(HttpStatus.CREATED).body(evaluations.rate(caseNumber,
                request == null ? null : request.rating(), request == null ? null : request.comment(), user.id()));
    }

    @GetMapping("/api/evaluations/satisfaction")
    List<EvaluationService.Satisfaction> satisfaction(@RequestParam YearMonth month, CurrentUser user) {
        user.require(Action.SATISFACTION_READ);
        return evaluations.satisfaction(month);
    }
}
