package org.bianmin.cases;

import org.bianmin.web.InputWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bianmin.calendar.CalendarService;
import org.bianmin.identity.Action;
import org.bianmin.identity.Authorized;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly denial-filing report (否定报备月报) for the discipline committee: every application
 * returned or refused in the month, with its filing (who, when, whether in time).
 */
@RestController
public class DenialReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;
    private final InputWindow window;

    public DenialReport(NamedParameterJdbcTemplate jdbc, CalendarService calendars, InputWindow window) {
        this.window = window;
        this.jdbc = jdbc;
        this.zone = calendars.calendar().zone();
    }

    public record Row(String caseNumber, String itemName, String window, String state, String reason, String registeredBy,
                      String deniedAt, String filedBy, String filedAt, String filing, boolean late) {
    }

    public List<Row> rows(YearMonth month) {
        var params = new MapSqlParameterSource()
                .addValue("from", java.sql.Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant()))
                .addValue("to", java.sql.Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
        return jdbc.query("""
                select c.case_number, c.item_name, c.window_group, c.state, c.reason, c.registered_by, c.ended_at,
                  (select max(e.staff) from case_event e where e.case_number = c.case_number and e.event_type = 'DENIAL_FILED') filed_by,
                  (select max(e.occurred_at) from case_event e where e.case_number = c.case_number and e.event_type = 'DENIAL_FILED') filed_at,
                  (select max(e.details) from case_event e where e.case_number = c.case_number and e.event_type = 'DENIAL_FILED') filing,
                  (select count(*) from case_event e where e.case_number = c.case_number and e.event_type = 'DENIAL_FILING_OVERDUE') late
                from case_record c
                where c.state in ('RETURNED', 'REJECTED') and c.ended_at >= :from and c.ended_at < :to
                order by c.ended_at, c.case_number""", params, (rs, i) -> new Row(rs.getString("case_number"),
                rs.getString("item_name"), rs.getString("window_group"), CaseState.valueOf(rs.getString("state")).label(),
                rs.getString("reason"), rs.getString("registered_by"), time(rs.getTimestamp("ended_at")),
                rs.getString("filed_by"), time(rs.getTimestamp("filed_at")), rs.getString("filing"), rs.getInt("late") > 0));
    }

    @Authorized(Action.DENIAL_REPORT)
    @GetMapping("/api/reports/denials/{month}/export.csv")
    ResponseEntity<byte[]> csv(@PathVariable String month, CurrentUser user) {
        YearMonth m = window.month("month", month);
        StringBuilder text = new StringBuilder("\uFEFF");
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.DEFAULT)) {
            csv.printRecord("案件编号", "申请事项", "窗口", "结果", "退回/不予许可理由", "经办人", "退回时间", "报备审批人", "报备时间", "报备意见", "逾期报备");
            for (Row r : rows(m)) {
                csv.printRecord(r.caseNumber(), r.itemName(), r.window(), r.state(), r.reason(), r.registeredBy(), r.deniedAt(),
                        r.filedBy(), r.filedAt(), r.filing(), r.late() ? "是" : "否");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=denials-" + m + ".csv")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** 汇总上月否定报备: the report task shows the month's counts and the export link. */
    @Bean("prepareDenialReportDelegate")
    static JavaDelegate prepareDenialReport(DenialReport report, CalendarService calendars,
                                            org.bianmin.hallduties.HallDutyLimits limits) {
        return execution -> {
            Object given = execution.getVariable("month");
            YearMonth month = given != null ? YearMonth.parse(given.toString()) : YearMonth.from(
                    org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().atZone(calendars.calendar().zone()))
                    .minusMonths(1);
            List<Row> rows = report.rows(month);
            long late = rows.stream().filter(Row::late).count();
            long unfiled = rows.stream().filter(r -> r.filedAt() == null).count();
            execution.setVariable("month", month.toString());
            execution.setProcessBusinessKey("否定报备-" + month);
            execution.setVariable("caseSummary", "**否定报备月报**: " + month + "  \n**退回/不予许可**: " + rows.size() + "件, 逾期报备 "
                    + late + "件, 未报备 " + unfiled + "件  \n**导出**: [CSV](/api/reports/denials/" + month + "/export.csv)  \n"
                    + "须于" + limits.dayOfNextMonth(org.bianmin.hallduties.HallDutyLimits.DENIAL_REPORT_BY, month)
                            .format(java.time.format.DateTimeFormatter.ofPattern("M月d日")) + "前报送纪委。");
        };
    }

    private String time(java.sql.Timestamp t) {
        return t == null ? null : TIME.format(t.toInstant().atZone(zone));
    }

}
