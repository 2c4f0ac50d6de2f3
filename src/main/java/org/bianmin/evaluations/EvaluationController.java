package org.bianmin.evaluations;

import org.bianmin.web.InputWindow;
import jakarta.validation.Valid;

import org.bianmin.web.Text;

import java.time.YearMonth;
import java.util.List;
import org.bianmin.identity.Action;
import org.bianmin.identity.Authorized;
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
    private final InputWindow window;

    EvaluationController(EvaluationService evaluations, InputWindow window) {
        this.evaluations = evaluations;
        this.window = window;
    }

    record RatingRequest(Integer rating, @Text(max = 1000, multiline = true) String comment) {
    }

    @Authorized(Action.CASE_EVALUATION)
    @PostMapping("/api/cases/{caseNumber}/evaluation")
    ResponseEntity<EvaluationService.EvaluationView> rate(@PathVariable String caseNumber, @Valid @RequestBody RatingRequest request,
                                                          CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(evaluations.rate(caseNumber,
                request == null ? null : request.rating(), request == null ? null : request.comment(), user.id()));
    }

    @Authorized(Action.SATISFACTION_READ)
    @GetMapping("/api/evaluations/satisfaction")
    List<EvaluationService.Satisfaction> satisfaction(@RequestParam String month, CurrentUser user) {
        return evaluations.satisfaction(window.month("month", month));
    }
}
