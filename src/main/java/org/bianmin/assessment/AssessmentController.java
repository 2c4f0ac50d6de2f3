package org.bianmin.assessment;

import jakarta.validation.Valid;

import org.bianmin.web.Text;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.bianmin.identity.Action;
import org.bianmin.identity.Authorized;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.bianmin.web.ApiException;
import org.bianmin.web.Downloads;
import org.bianmin.web.InputWindow;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/assessments")
class AssessmentController {


    private final AssessmentService assessments;
    private final InputWindow window;
    private final AssessmentExports exports;
    private final AssessmentAppeals appeals;

    AssessmentController(AssessmentService assessments, InputWindow window, AssessmentExports exports, AssessmentAppeals appeals) {
        this.appeals = appeals;
        this.exports = exports;
        this.assessments = assessments;
        this.window = window;
    }

    /** Computes the month's draft (idempotent; a published month is returned unchanged). */
    @Authorized(Action.ASSESSMENT_MANAGE)
    @PostMapping("/{month}/run")
    AssessmentSheet run(@PathVariable String month, CurrentUser user) {
        YearMonth m = parse(month);
        if (m.isAfter(YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai"))))) {
            throw ApiException.invalidField("month", "不能计算将来的月份", "cannot assess a future month");
        }
        return assessments.run(m);
    }

    @Authorized(Action.ASSESSMENT_READ)
    @GetMapping("/{month}")
    AssessmentSheet sheet(@PathVariable String month, CurrentUser user) {
        AssessmentSheet sheet = assessments.sheet(parse(month));
        if (user.isWatcher()) {
            return sheet;
        }
        // staff read their own line of a published month (and the ranking); a draft is the assessors' still
        if (!"PUBLISHED".equals(sheet.state())) {
            throw ApiException.notFound("NOT_PUBLISHED", month + " 的考核尚未发布, 发布后可查看本人得分 / not published yet");
        }
        return sheet.onlyOf(user.id());
    }

    record Correction(@Text(max = 64) String staff, BigDecimal points, @Text(max = 500, multiline = true) String reason) {
    }

    @Authorized(Action.ASSESSMENT_MANAGE)
    @PostMapping("/{month}/corrections")
    AssessmentSheet correct(@PathVariable String month, @Valid @RequestBody Correction correction, CurrentUser user) {
        if (correction == null) {
            throw ApiException.missingBody();
        }
        return assessments.correct(parse(month), correction.staff(), correction.points(), correction.reason(), user.id());
    }

    @Authorized(Action.ASSESSMENT_MANAGE)
    @PostMapping("/{month}/publish")
    AssessmentSheet publish(@PathVariable String month, CurrentUser user) {
        return assessments.publish(parse(month), user.id());
    }

    record AppealRequest(@Text(max = 2000, multiline = true) String text) {
    }

    /** 申诉: a person appeals against his own line of a published month. */
    @Authorized(Action.ASSESSMENT_APPEAL)
    @PostMapping("/{month}/appeals")
    ResponseEntity<AssessmentAppeals.Appeal> appeal(@PathVariable String month, @Valid @RequestBody AppealRequest request,
                                                    CurrentUser user) {
        if (request == null) {
            throw ApiException.missingBody();
        }
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(appeals.submit(parse(month), user.id(),
                request.text()));
    }

    /** The month's appeals: all of them for assessors, a person's own for staff. */
    @Authorized(Action.ASSESSMENT_READ)
    @GetMapping("/{month}/appeals")
    java.util.List<AssessmentAppeals.Appeal> appeals(@PathVariable String month, CurrentUser user) {
        return appeals.of(parse(month), user.isWatcher() ? null : user.id());
    }

    @Authorized(Action.ASSESSMENT_READ)
    @GetMapping("/years/{year}")
    AssessmentService.AnnualScores annual(@PathVariable int year, CurrentUser user) {
        AssessmentService.AnnualScores scores = assessments.annual(year);
        return user.isWatcher() ? scores : scores.onlyOf(user.id());
    }

    @Authorized(Action.ASSESSMENT_MANAGE)
    @GetMapping("/{month}/export.csv")
    ResponseEntity<byte[]> csv(@PathVariable String month, CurrentUser user) {
        AssessmentSheet sheet = assessments.sheet(parse(month));
        return Downloads.file(exports.csv(sheet), "assessment-" + sheet.month() + ".csv", "text/csv;charset=UTF-8");
    }

    @Authorized(Action.ASSESSMENT_MANAGE)
    @GetMapping("/{month}/export.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String month, CurrentUser user) {
        AssessmentSheet sheet = assessments.sheet(parse(month));
        return Downloads.xlsx(exports.xlsx(sheet), "assessment-" + sheet.month() + ".xlsx");
    }


    private YearMonth parse(String month) {
        return window.month("month", month);
    }
}
