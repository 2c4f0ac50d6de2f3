package org.bianmin.accountability;

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

/** 问责记录登记簿 as a workbook: title and filter, the time it was made, names and Chinese labels, readable widths. */
@Component
class AccountabilityRegister {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String[] HEADERS = {"编号", "触发事件", "本月第几次", "责任人", "窗口", "案件编号", "发生时间", "建议措施",
        "状态", "陈述申辩", "审核人", "审核理由"};
    private static final int[] WIDTHS = {6, 14, 8, 8, 12, 18, 16, 24, 8, 36, 8, 36};

    private final StaffDirectory staff;
    private final ZoneId zone;

    AccountabilityRegister(StaffDirectory staff, CalendarService calendars) {
        this.staff = staff;
        this.zone = calendars.calendar().zone();
    }

    byte[] xlsx(List<AccountabilityRecord> records, YearMonth month, String state) {
        try (RegisterWorkbook book = new RegisterWorkbook()) {
            Sheet sheet = book.sheet("问责记录登记簿", (month == null ? "" : month.getYear() + "年" + month.getMonthValue() + "月 ") + "问责记录登记簿",
                    "范围: " + (state == null ? "全部状态" : label(AccountabilityRecord.State.valueOf(state))) + "; 生成时间: "
                            + TIME.format(ClockUtil.getCurrentTime().toInstant().atZone(zone)) + "; 共" + records.size() + "条",
                    HEADERS, WIDTHS);
            RegisterWorkbook.rows(sheet, records.stream().map(a -> new String[] {String.valueOf(a.id()),
                AccountabilityService.eventLabel(a.triggerType()), String.valueOf(a.occurrence()),
                a.staff() == null ? "待督查确定" : staff.name(a.staff()), a.window() == null ? null : staff.windowName(a.window()),
                a.caseNumber(), TIME.format(a.occurredAt().atZone(zone)), a.measure(), label(a.state()), a.statement(),
                a.reviewer() == null ? null : staff.name(a.reviewer()), a.reviewReason()}).toList());
            return book.bytes();
        }
    }

    static String label(AccountabilityRecord.State state) {
        return switch (state) {
            case PROPOSED -> "待审核";
            case CONFIRMED -> "已确认";
            case DISMISSED -> "已撤销";
        };
    }
}
