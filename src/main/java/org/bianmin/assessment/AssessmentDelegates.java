package org.bianmin.assessment;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import org.bianmin.calendar.CalendarService;
import org.bianmin.web.ApiException;
import org.bianmin.engine.ActingUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code monthly-assessment}: compute last month's draft, then apply corrections and publish. */
@Configuration
class AssessmentDelegates {

    /** 处理考核申诉: the supervisor's answer from the Tasklist form. */
    @Bean("decideAppealDelegate")
    JavaDelegate decideAppeal(AssessmentAppeals appeals, ActingUser actor) {
        return execution -> {
            Object points = execution.getVariable("points");
            appeals.decide(((Number) execution.getVariable("appealId")).longValue(),
                    "true".equals(String.valueOf(execution.getVariable("upheld"))),
                    points == null ? null : new BigDecimal(points.toString()), (String) execution.getVariable("answer"),
                    actor.current());
        };
    }

    @Bean("runAssessmentDelegate")
    JavaDelegate runAssessment(AssessmentService assessments, CalendarService calendars) {
        return execution -> {
            YearMonth month = month(execution, calendars.calendar().zone());
            execution.setVariable("month", month.toString());
            execution.setProcessBusinessKey("考核-" + month);
            AssessmentSheet sheet = assessments.run(month);
            execution.setVariable("caseSummary", summary(sheet));
        };
    }

    /** Corrections typed in the review form, one per line: {@code staff,points,reason}. */
    @Bean("publishAssessmentDelegate")
    JavaDelegate publishAssessment(AssessmentService assessments, ActingUser actor) {
        return execution -> {
            YearMonth month = YearMonth.parse((String) execution.getVariable("month"));
            String who = actor.current();
            Object corrections = execution.getVariable("corrections");
            if (corrections != null) {
                int line = 0;
                for (String text : corrections.toString().split("\\R")) {
                    line++;
                    if (text.isBlank()) {
                        continue;
                    }
                    String[] parts = text.split("[,，]", 3);
                    if (parts.length < 3) {
                        throw ApiException.invalidField("corrections", "第" + line + "行格式应为: 人员,分值,理由",
                                "line " + line + " must be staff,points,reason");
                    }
                    BigDecimal points;
                    try {
                        points = new BigDecimal(parts[1].strip());
                    } catch (NumberFormatException e) {
                        throw ApiException.invalidField("corrections", "第" + line + "行分值不是数字", "line " + line + ": points must be a number");
                    }
                    assessments.correct(month, parts[0].strip(), points, parts[2].strip(), who);
                }
            }
            assessments.publish(month, who);
        };
    }

    /** The month to assess: given when started by hand, else the month before the engine's date. */
    static YearMonth month(DelegateExecution execution, ZoneId zone) {
        Object given = execution.getVariable("month");
        return given != null ? YearMonth.parse(given.toString())
                : YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(zone)).minusMonths(1);
    }

    static String summary(AssessmentSheet sheet) {
        StringBuilder md = new StringBuilder("**考核月份**: ").append(sheet.month()).append(" (").append(sheet.state()).append(")  \n")
                .append("**规则版本**: ").append(sheet.ruleVersion()).append("  \n\n**窗口排名**:\n\n");
        sheet.windows().forEach(w -> md.append(w.rank()).append(". ").append(w.name()).append(" ").append(w.score())
                .append(w.redFlag() ? " 红旗窗口" : "").append(w.awardEligible() ? "" : " 取消当月评优资格").append('\n'));
        md.append("\n**个人得分**:\n\n");
        sheet.staff().forEach(s -> md.append("- ").append(s.name()).append(" (").append(s.staff()).append("): ").append(s.score())
                .append(s.lines().isEmpty() ? "" : ", " + s.lines().size() + "项加扣分").append('\n'));
        md.append("\n明细与导出: [CSV](/api/assessments/").append(sheet.month()).append("/export.csv) | [Excel](/api/assessments/")
                .append(sheet.month()).append("/export.xlsx)\n");
        return md.toString();
    }
}
