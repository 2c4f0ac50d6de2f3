package org.bianmin.supervision;

import jakarta.validation.Valid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bianmin.identity.Action;
import org.bianmin.identity.Authorized;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.bianmin.staff.StaffDirectory;
import org.bianmin.web.ApiException;
import org.bianmin.web.InputWindow;
import org.bianmin.web.Text;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SupervisionOrders orders;
    private final InputWindow window;
    private final StaffDirectory staff;

    SupervisionOrderController(SupervisionOrders orders, InputWindow window, StaffDirectory staff) {
        this.orders = orders;
        this.window = window;
        this.staff = staff;
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
        List<SupervisionOrders.OrderView> rows = orders.register(s, blank(window), m);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("督办登记簿");
            sheet.createRow(0).createCell(0).setCellValue((m == null ? "" : m.getYear() + "年" + m.getMonthValue() + "月 ") + "督办单登记簿");
            sheet.createRow(1).createCell(0).setCellValue("范围: " + (blank(window) == null ? "全部窗口" : staff.windowName(window.strip()))
                    + ", " + (s == null ? "全部状态" : s.label()) + "; 生成时间: "
                    + TIME.format(ClockUtil.getCurrentTime().toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai"))) + "; 共" + rows.size() + "件");
            String[] titles = {"编号", "案件编号", "窗口", "督办人", "下达时间", "督办要求", "责任人", "回复时限", "状态", "回复时间", "回复内容",
                "二次督办意见"};
            int[] widths = {8, 18, 14, 10, 18, 40, 10, 18, 22, 18, 40, 30};
            Row header = sheet.createRow(3);
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(titles[i]);
                sheet.setColumnWidth(i, widths[i] * 256 + 512);
            }
            int r = 4;
            for (SupervisionOrders.OrderView o : rows) {
                Row row = sheet.createRow(r++);
                String[] cells = {String.valueOf(o.id()), o.caseNumber(), o.windowName(), o.issuedByName(), time(o.issuedAt()),
                    o.instruction(), o.toName(), time(o.replyDue()), o.stateLabel() + (o.repliedLate() ? "(逾期回复)" : ""),
                    time(o.repliedAt()), o.replyText(), o.secondNote()};
                for (int i = 0; i < cells.length; i++) {
                    row.createCell(i).setCellValue(cells[i] == null ? "" : cells[i]);
                }
            }
            workbook.write(out);
            return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=supervision-orders"
                            + (m == null ? "" : "-" + m) + ".xlsx")
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String time(java.time.OffsetDateTime at) {
        return at == null ? "" : TIME.format(at);
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
