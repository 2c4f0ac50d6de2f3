package org.bianmin.accountability;

import jakarta.validation.Valid;

import org.bianmin.web.Text;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.bianmin.identity.Action;
import org.bianmin.identity.Authorized;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.bianmin.web.ApiException;
import org.bianmin.web.InputWindow;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accountability")
class AccountabilityController {

    private final AccountabilityService accountability;
    private final InputWindow window;

    private final AccountabilityRegister register;

    AccountabilityController(AccountabilityService accountability, InputWindow window, AccountabilityRegister register) {
        this.register = register;
        this.accountability = accountability;
        this.window = window;
    }

    /** Supervisors and directors see all records; a clerk sees their own. */
    @Authorized(Action.ACCOUNTABILITY_READ)
    @GetMapping
    List<AccountabilityRecord> search(@RequestParam(required = false) String caseNumber,
                                      @RequestParam(required = false) String staff,
                                      @RequestParam(required = false) String month,
                                      @RequestParam(required = false) String state, CurrentUser user) {
        String who = staff;
        if (!user.isWatcher()) {
            if (staff != null && !staff.equals(user.id())) {
                throw ApiException.forbidden("只能查看本人的问责记录 / clerks see only their own records");
            }
            who = user.id();
        }
        if (state != null && !List.of("PROPOSED", "CONFIRMED", "DISMISSED").contains(state)) {
            throw ApiException.invalidField("state", "状态必须是 PROPOSED/CONFIRMED/DISMISSED", "must be PROPOSED, CONFIRMED or DISMISSED");
        }
        return accountability.search(blank(caseNumber), blank(who), parseMonth(month), state);
    }

    /** The register of records as a workbook: supervisors and directors, by month and state. */
    @Authorized(Action.ACCOUNTABILITY_DECIDE)
    @GetMapping("/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> export(@RequestParam(required = false) String month,
                                                           @RequestParam(required = false) String state, CurrentUser user) {
        List<AccountabilityRecord> records = search(null, null, month, state, user);
        YearMonth m = parseMonth(month);
        return org.bianmin.web.Downloads.xlsx(register.xlsx(records, m, blank(state)), "accountability" + (m == null ? "" : "-" + m) + ".xlsx");
    }

    @Authorized(Action.ACCOUNTABILITY_READ)
    @GetMapping("/{id}")
    AccountabilityRecord find(@PathVariable long id, CurrentUser user) {
        AccountabilityRecord record = accountability.find(id);
        if (!user.isWatcher() && !user.id().equals(record.staff())) {
            throw ApiException.forbidden("无权查看 / not allowed");
        }
        return record;
    }

    record Statement(@Text(max = 2000, multiline = true) String text) {
    }

    /** 陈述申辩: the person a proposed record names answers it before a supervisor decides. */
    @Authorized(Action.ACCOUNTABILITY_STATEMENT)
    @PostMapping("/{id}/statement")
    AccountabilityRecord statement(@PathVariable long id, @Valid @RequestBody Statement statement, CurrentUser user) {
        if (statement == null) {
            throw ApiException.missingBody();
        }
        return accountability.statement(id, statement.text(), user.id());
    }

    record Decision(Boolean confirm, @Text(max = 500, multiline = true) String reason) {
    }

    /** A supervisor confirms or dismisses a record with a reason (completes its Tasklist review task). */
    @Authorized(Action.ACCOUNTABILITY_DECIDE)
    @PostMapping("/{id}/decision")
    AccountabilityRecord decide(@PathVariable long id, @Valid @RequestBody Decision decision, CurrentUser user) {
        if (user.id().equals(accountability.find(id).staff())) {
            throw ApiException.forbidden("不能审核本人的问责记录, 请由其他督查处理 / nobody decides their own accountability record");
        }
        if (decision == null || decision.confirm() == null) {
            throw ApiException.invalidField("confirm", "请选择确认或撤销", "true (confirm) or false (dismiss) is required");
        }
        if (decision.reason() == null || decision.reason().isBlank()) {
            throw ApiException.invalidField("reason", "确认或撤销都须说明理由", "a reason is required");
        }
        accountability.decideByTask(id, decision.confirm(), decision.reason(), user.id());
        return accountability.find(id);
    }

    private YearMonth parseMonth(String month) {
        return month == null || month.isBlank() ? null : window.month("month", month);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
