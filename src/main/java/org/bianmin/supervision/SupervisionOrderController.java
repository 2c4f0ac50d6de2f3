package org.bianmin.supervision;

import jakarta.validation.Valid;
import java.time.YearMonth;
import java.util.List;
import org.bianmin.identity.Action;
import org.bianmin.identity.Authorized;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.bianmin.web.ApiException;
import org.bianmin.web.Downloads;
import org.bianmin.web.InputWindow;
import org.bianmin.web.Text;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 督办单: issued on a case by supervisors and directors, answered by the responsible person, listed in a register. */
@RestController
class SupervisionOrderController {

    private final SupervisionOrders orders;
    private final InputWindow window;
    private final SupervisionOrderRegister registerBook;

    SupervisionOrderController(SupervisionOrders orders, InputWindow window, SupervisionOrderRegister registerBook) {
        this.orders = orders;
        this.window = window;
        this.registerBook = registerBook;
    }

    record OrderRequest(@Text(max = 1000, multiline = true) String instruction, @Text(max = 64) String to,
                        Integer replyWithinWorkingDays) {
    }

    record ReplyRequest(@Text(max = 2000, multiline = true) String text) {
    }

    @Authorized(Action.SUPERVISION_ORDER)
    @PostMapping("/api/cases/{caseNumber}/supervision-orders")
    ResponseEntity<SupervisionOrders.OrderView> issue(@PathVariable String caseNumber, @Valid @RequestBody OrderRequest request,
                                                      CurrentUser user) {
        if (request == null) {
            throw ApiException.missingBody();
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(orders.issue(caseNumber, request.instruction(), request.to(), request.replyWithinWorkingDays(), user.id()));
    }

    @Authorized(Action.SUPERVISION_REPLY)
    @PostMapping("/api/supervision-orders/{id}/reply")
    SupervisionOrders.OrderView reply(@PathVariable long id, @Valid @RequestBody ReplyRequest request, CurrentUser user) {
        if (request == null) {
            throw ApiException.missingBody();
        }
        return orders.reply(id, request.text(), user.id(), user.isIn(Groups.CAMUNDA_ADMIN));
    }

    @Authorized(Action.SUPERVISION_READ)
    @GetMapping("/api/supervision-orders")
    List<SupervisionOrders.OrderView> register(@RequestParam(required = false) String state, @RequestParam(required = false) String window,
                                               @RequestParam(required = false) String month, CurrentUser user) {
        return orders.register(state(state), blank(window), month == null || month.isBlank() ? null : this.window.month("month", month));
    }

    /** The register as a workbook: title, filter, time of generation, names and readable widths. */
    @Authorized(Action.SUPERVISION_READ)
    @GetMapping("/api/supervision-orders/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String state, @RequestParam(required = false) String window,
                                  @RequestParam(required = false) String month, CurrentUser user) {
        YearMonth m = month == null || month.isBlank() ? null : this.window.month("month", month);
        SupervisionOrder.State s = state(state);
        String w = blank(window);
        return Downloads.xlsx(registerBook.xlsx(orders.register(s, w, m), s, w, m), "supervision-orders" + (m == null ? "" : "-" + m)
                + ".xlsx");
    }

    private static SupervisionOrder.State state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return SupervisionOrder.State.valueOf(state.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("state", "状态必须是 OPEN/ESCALATED/REPLIED/CLOSED 之一", "must be OPEN, ESCALATED, REPLIED or CLOSED");
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
