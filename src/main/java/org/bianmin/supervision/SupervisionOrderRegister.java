package org.bianmin.supervision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
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
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("督办登记簿");
            sheet.createRow(0).createCell(0).setCellValue((month == null ? "" : month.getYear() + "年" + month.getMonthValue() + "月 ") + "督办单登记簿");
            sheet.createRow(1).createCell(0).setCellValue("范围: " + (window == null ? "全部窗口" : staff.windowName(window)) + ", "
                    + (state == null ? "全部状态" : state.label()) + "; 生成时间: " + TIME.format(ClockUtil.getCurrentTime().toInstant().atZone(zone))
                    + "; 共" + rows.size() + "件");
            Row header = sheet.createRow(3);
            for (int i = 0; i < TITLES.length; i++) {
                header.createCell(i).setCellValue(TITLES[i]);
                sheet.setColumnWidth(i, WIDTHS[i] * 2 * 256);
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
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String time(OffsetDateTime at) {
        return at == null ? "" : TIME.format(at);
    }
}
