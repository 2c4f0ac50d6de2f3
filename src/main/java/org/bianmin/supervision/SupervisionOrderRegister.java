package org.bianmin.supervision;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.bianmin.calendar.CalendarService;
import org.bianmin.staff.StaffDirectory;
import org.bianmin.web.RegisterWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** 督办单登记簿 as a workbook: title and filter, the time it was made, names, readable widths. */
@Component
class SupervisionOrderRegister {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String[] TITLES = {"编号", "案件编号", "窗口", "督办人", "下达时间", "督办要求", "责任人", "回复时限", "状态",
        "回复时间", "回复内容", "二次督办意见"};
    private static final int[] WIDTHS = {4, 10, 7, 5, 9, 20, 5, 9, 11, 9, 20, 15};

    private final StaffDirectory staff;
    private final ZoneId zone;

    SupervisionOrderRegister(StaffDirectory staff, CalendarService calendars) {
        this.staff = staff;
        this.zone = calendars.calendar().zone();
    }

    byte[] xlsx(List<SupervisionOrders.OrderView> rows, SupervisionOrder.State state, String window, YearMonth month) {
        try (RegisterWorkbook book = new RegisterWorkbook()) {
            Sheet sheet = book.sheet("督办登记簿", (month == null ? "" : month.getYear() + "年" + month.getMonthValue() + "月 ") + "督办单登记簿",
                    "范围: " + (window == null ? "全部窗口" : staff.windowName(window)) + ", " + (state == null ? "全部状态" : state.label())
                            + "; 生成时间: " + TIME.format(ClockUtil.getCurrentTime().toInstant().atZone(zone)) + "; 共" + rows.size() + "件",
                    TITLES, WIDTHS);
            RegisterWorkbook.rows(sheet, rows.stream().map(o -> new String[] {String.valueOf(o.id()), o.caseNumber(), o.windowName(),
                o.issuedByName(), time(o.issuedAt()), o.instruction(), o.toName(), time(o.replyDue()),
                o.stateLabel() + (o.repliedLate() ? "(逾期回复)" : ""), time(o.repliedAt()), o.replyText(), o.secondNote()}).toList());
            return book.bytes();
        }
    }

    private static String time(OffsetDateTime at) {
        return at == null ? "" : TIME.format(at);
    }
}
