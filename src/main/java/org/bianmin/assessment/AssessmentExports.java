package org.bianmin.assessment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.bianmin.calendar.CalendarService;
import org.bianmin.web.RegisterWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * A month's sheet as files people open: a title (2026年12月 窗口工作人员月度考核汇总表), its state
 * (草稿 or 已发布, by whom), when the file was made, names rather than account ids, readable widths.
 */
@Component
class AssessmentExports {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final String[] PEOPLE = {"姓名", "窗口", "得分", "加扣分", "说明", "依据规则"};
    static final String[] RANKING = {"名次", "窗口", "得分", "红旗窗口", "评优资格"};
    private static final int HEADER_ROW = RegisterWorkbook.HEADER_ROW;

    private final ZoneId zone;

    AssessmentExports(CalendarService calendars) {
        this.zone = calendars.calendar().zone();
    }

    /** 状态: 已发布(2026-06-02 11:00 周平发布); 生成时间: …; 规则: … */
    String stateLine(AssessmentSheet sheet) {
        return "状态: " + sheet.stateLabel() + (sheet.publishedAt() == null ? "" : "(" + time(sheet.publishedAt()) + " "
                + sheet.publishedByName() + "发布)") + "; 生成时间: " + time(ClockUtil.getCurrentTime().toInstant())
                + "; 依据规则: " + sheet.ruleVersion();
    }

    byte[] csv(AssessmentSheet sheet) {
        StringBuilder text = new StringBuilder("\uFEFF");
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.DEFAULT)) {
            csv.printRecord(sheet.title());
            csv.printRecord(stateLine(sheet));
            csv.printRecord();
            csv.printRecord("类型", "姓名/窗口", "窗口", "得分", "名次", "红旗窗口", "评优资格", "加扣分", "说明", "依据规则");
            for (AssessmentSheet.StaffScore s : sheet.staff()) {
                csv.printRecord("个人", s.name(), nullToEmpty(s.windowName()), s.score(), "", "", "", "", "", "");
                for (AssessmentSheet.Line l : s.lines()) {
                    csv.printRecord("明细", s.name(), nullToEmpty(s.windowName()), "", "", "", "", l.points(), l.description(),
                            nullToEmpty(l.rule()));
                }
            }
            for (AssessmentSheet.WindowScore w : sheet.windows()) {
                csv.printRecord("窗口", w.name(), w.name(), w.score(), w.rank(), w.redFlag() ? "是" : "否",
                        w.awardEligible() ? "保留" : "取消", "", "", "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] xlsx(AssessmentSheet sheet) {
        try (RegisterWorkbook book = new RegisterWorkbook()) {
            Sheet people = book.sheet("个人得分", sheet.title(), stateLine(sheet), PEOPLE, new int[] {10, 16, 8, 8, 48, 36});
            int r = HEADER_ROW + 1;
            for (AssessmentSheet.StaffScore s : sheet.staff()) {
                Row row = people.createRow(r++);
                row.createCell(0).setCellValue(s.name());
                row.createCell(1).setCellValue(nullToEmpty(s.windowName()));
                row.createCell(2).setCellValue(s.score().doubleValue());
                for (AssessmentSheet.Line l : s.lines()) {
                    Row line = people.createRow(r++);
                    line.createCell(0).setCellValue(s.name());
                    line.createCell(3).setCellValue(l.points().doubleValue());
                    line.createCell(4).setCellValue(l.description());
                    line.createCell(5).setCellValue(nullToEmpty(l.rule()));
                }
            }
            Sheet windows = book.sheet("窗口排名", sheet.title(), stateLine(sheet), RANKING, new int[] {6, 18, 8, 10, 10});
            r = HEADER_ROW + 1;
            for (AssessmentSheet.WindowScore w : sheet.windows()) {
                Row row = windows.createRow(r++);
                row.createCell(0).setCellValue(w.rank());
                row.createCell(1).setCellValue(w.name());
                row.createCell(2).setCellValue(w.score().doubleValue());
                row.createCell(3).setCellValue(w.redFlag() ? "是" : "否");
                row.createCell(4).setCellValue(w.awardEligible() ? "保留" : "取消");
            }
            return book.bytes();
        }
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
