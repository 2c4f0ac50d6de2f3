package org.bianmin.accountability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bianmin.calendar.CalendarService;
import org.bianmin.staff.StaffDirectory;
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
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("问责记录登记簿");
            sheet.createRow(0).createCell(0).setCellValue((month == null ? "" : month.getYear() + "年" + month.getMonthValue() + "月 ")
                    + "问责记录登记簿");
            sheet.createRow(1).createCell(0).setCellValue("范围: " + (state == null ? "全部状态" : label(AccountabilityRecord.State.valueOf(state)))
                    + "; 生成时间: " + TIME.format(ClockUtil.getCurrentTime().toInstant().atZone(zone)) + "; 共" + records.size() + "条");
            Row header = sheet.createRow(3);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
                sheet.setColumnWidth(i, WIDTHS[i] * 2 * 256);
            }
            int r = 4;
            for (AccountabilityRecord a : records) {
                String[] cells = {String.valueOf(a.id()), AccountabilityService.eventLabel(a.triggerType()), String.valueOf(a.occurrence()),
                    a.staff() == null ? "待督查确定" : staff.name(a.staff()), a.window() == null ? "" : staff.windowName(a.window()),
                    a.caseNumber() == null ? "" : a.caseNumber(), TIME.format(a.occurredAt().atZone(zone)), a.measure(), label(a.state()),
                    a.statement() == null ? "" : a.statement(), a.reviewer() == null ? "" : staff.name(a.reviewer()),
                    a.reviewReason() == null ? "" : a.reviewReason()};
                Row row = sheet.createRow(r++);
                for (int i = 0; i < cells.length; i++) {
                    row.createCell(i).setCellValue(cells[i]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
