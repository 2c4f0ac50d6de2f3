package org.bianmin.assessment;

import jakarta.validation.Valid;

import org.bianmin.web.Text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bianmin.identity.Action;
import org.bianmin.identity.Authorized;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.bianmin.web.ApiException;
import org.bianmin.web.InputWindow;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

    AssessmentController(AssessmentService assessments, InputWindow window) {
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
        return assessments.sheet(parse(month));
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

    @Authorized(Action.ASSESSMENT_READ)
    @GetMapping("/years/{year}")
    AssessmentService.AnnualScores annual(@PathVariable int year, CurrentUser user) {
        return assessments.annual(year);
    }

    @Authorized(Action.ASSESSMENT_MANAGE)
    @GetMapping("/{month}/export.csv")
    ResponseEntity<byte[]> csv(@PathVariable String month, CurrentUser user) {
        AssessmentSheet sheet = assessments.sheet(parse(month));
        StringBuilder text = new StringBuilder("\uFEFF");
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.DEFAULT)) {
            csv.printRecord("月份", "类型", "人员/窗口", "姓名/名称", "窗口", "得分", "名次", "红旗窗口", "评优资格", "加扣分", "说明", "依据规则");
            for (AssessmentSheet.StaffScore s : sheet.staff()) {
                csv.printRecord(sheet.month(), "个人", s.staff(), s.name(), s.window(), s.score(), "", "", "", "", "", "");
                for (AssessmentSheet.Line l : s.lines()) {
                    csv.printRecord(sheet.month(), "明细", s.staff(), s.name(), s.window(), "", "", "", "", l.points(), l.description(),
                            l.rule() == null ? "" : l.rule());
                }
            }
            for (AssessmentSheet.WindowScore w : sheet.windows()) {
                csv.printRecord(sheet.month(), "窗口", w.window(), w.name(), w.window(), w.score(), w.rank(), w.redFlag() ? "是" : "否",
                        w.awardEligible() ? "保留" : "取消", "", "", "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file(text.toString().getBytes(StandardCharsets.UTF_8), "assessment-" + sheet.month() + ".csv",
                "text/csv;charset=UTF-8");
    }

    @Authorized(Action.ASSESSMENT_MANAGE)
    @GetMapping("/{month}/export.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String month, CurrentUser user) {
        AssessmentSheet sheet = assessments.sheet(parse(month));
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet people = workbook.createSheet("个人得分");
            header(people, "人员", "姓名", "窗口", "得分", "加扣分", "说明", "依据规则");
            int r = 1;
            for (AssessmentSheet.StaffScore s : sheet.staff()) {
                Row row = people.createRow(r++);
                row.createCell(0).setCellValue(s.staff());
                row.createCell(1).setCellValue(s.name());
                row.createCell(2).setCellValue(s.window() == null ? "" : s.window());
                row.createCell(3).setCellValue(s.score().doubleValue());
                for (AssessmentSheet.Line l : s.lines()) {
                    Row line = people.createRow(r++);
                    line.createCell(0).setCellValue(s.staff());
                    line.createCell(4).setCellValue(l.points().doubleValue());
                    line.createCell(5).setCellValue(l.description());
                    line.createCell(6).setCellValue(l.rule() == null ? "" : l.rule());
                }
            }
            Sheet windows = workbook.createSheet("窗口排名");
            header(windows, "名次", "窗口", "名称", "得分", "红旗窗口", "评优资格");
            r = 1;
            for (AssessmentSheet.WindowScore w : sheet.windows()) {
                Row row = windows.createRow(r++);
                row.createCell(0).setCellValue(w.rank());
                row.createCell(1).setCellValue(w.window());
                row.createCell(2).setCellValue(w.name());
                row.createCell(3).setCellValue(w.score().doubleValue());
                row.createCell(4).setCellValue(w.redFlag() ? "是" : "否");
                row.createCell(5).setCellValue(w.awardEligible() ? "保留" : "取消");
            }
            workbook.write(out);
            return file(out.toByteArray(), "assessment-" + sheet.month() + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Sheet sheet, String... titles) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < titles.length; i++) {
            row.createCell(i).setCellValue(titles[i]);
        }
    }

    private static ResponseEntity<byte[]> file(byte[] body, String name, String type) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + name)
                .contentType(MediaType.parseMediaType(type)).body(body);
    }

    private YearMonth parse(String month) {
        return window.month("month", month);
    }
}
