package org.bianmin.assessment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.bianmin.calendar.CalendarService;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.hallduties.HallDutyLimits;
import org.bianmin.staff.StaffDirectory;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 申诉: after a month is published a person may appeal against his line within the hall-duty limit
 * {@code assessment.appeal}; a supervisor answers in Tasklist (process {@code assessment-appeal});
 * an upheld appeal corrects the published month with a recorded correction.
 */
@Service
public class AssessmentAppeals {

    public static final String PROCESS = "assessment-appeal";
    static final int MAX_TEXT = 2000;

    public enum State {
        SUBMITTED("待处理"), UPHELD("申诉成立"), REJECTED("申诉不成立");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Appeal(long id, String month, String staff, String staffName, String text, OffsetDateTime submittedAt,
                         State state, String stateLabel, String answer, BigDecimal points, String decidedByName,
                         OffsetDateTime decidedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final AssessmentService assessments;
    private final AssessmentRepository repository;
    private final HallDutyLimits limits;
    private final RuntimeService runtime;
    private final SystemAuthority system;
    private final StaffDirectory staff;
    private final ZoneId zone;

    AssessmentAppeals(NamedParameterJdbcTemplate jdbc, AssessmentService assessments, AssessmentRepository repository,
                      HallDutyLimits limits, RuntimeService runtime, SystemAuthority system, StaffDirectory staff,
                      CalendarService calendars) {
        this.jdbc = jdbc;
        this.assessments = assessments;
        this.repository = repository;
        this.limits = limits;
        this.runtime = runtime;
        this.system = system;
        this.staff = staff;
        this.zone = calendars.calendar().zone();
    }

    @Transactional
    public Appeal submit(YearMonth month, String person, String text) {
        AssessmentRepository.MonthRow row = repository.month(month.toString()).filter(m -> "PUBLISHED".equals(m.state()))
                .orElseThrow(() -> ApiException.conflict("NOT_PUBLISHED", month + " 的考核尚未发布, 发布后才能申诉 / not published"));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant due = limits.after(HallDutyLimits.ASSESSMENT_APPEAL, row.publishedAt());
        if (now.isAfter(due)) {
            throw ApiException.conflict("APPEAL_CLOSED", "申诉期限已过(" + java.time.format.DateTimeFormatter.ofPattern("M月d日 HH:mm")
                    .format(due.atZone(zone)) + "前) / the time for an appeal has passed");
        }
        AssessmentSheet.StaffScore line = assessments.sheet(month).staff().stream().filter(s -> s.staff().equals(person)).findFirst()
                .orElseThrow(() -> ApiException.forbidden("本月考核中没有您的得分 / you have no line in this month's sheet"));
        if (!of(month, person).stream().filter(a -> a.state() == State.SUBMITTED).toList().isEmpty()) {
            throw ApiException.conflict("APPEAL_PENDING", "您对本月考核的申诉尚在处理中 / an appeal of yours is still open");
        }
        String appeal = text == null ? "" : text.strip();
        if (appeal.isEmpty() || appeal.length() > MAX_TEXT) {
            throw ApiException.invalidField("text", "请写明申诉的事实和理由(不超过" + MAX_TEXT + "字)", "a text of at most " + MAX_TEXT
                    + " characters is required");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into assessment_appeal (assessed_month, staff, text, submitted_at, state)
                values (:m, :staff, :text, :at, 'SUBMITTED')""", new MapSqlParameterSource("m", month.toString())
                .addValue("staff", person).addValue("text", appeal).addValue("at", Timestamp.from(now)), keys, new String[] {"id"});
        long id = keys.getKey().longValue();
        system.run(() -> runtime.startProcessInstanceByKey(PROCESS, "申诉-" + id, Variables.createVariables()
                .putValue("appealId", id).putValue("staff", person).putValue("caseSummary", summary(month, line, appeal))));
        return find(id);
    }

    /** A supervisor's answer; an upheld appeal with points corrects the published month. */
    @Transactional
    public Appeal decide(long id, boolean upheld, BigDecimal points, String answer, String by) {
        Appeal appeal = find(id);
        if (by != null && by.equals(appeal.staff())) {
            throw ApiException.forbidden("不能处理本人的申诉, 请由其他督查处理 / nobody decides his own appeal");
        }
        if (appeal.state() != State.SUBMITTED) {
            throw ApiException.conflict("ALREADY_DECIDED", "该申诉已处理 / already decided");
        }
        if (answer == null || answer.isBlank() || answer.length() > 1000) {
            throw ApiException.invalidField("answer", "请写明处理意见(不超过1000字)", "an answer of at most 1000 characters is required");
        }
        if (upheld && points != null && points.signum() != 0) {
            repository.addCorrection(appeal.month(), appeal.staff(), points, "申诉成立: " + answer.strip(), by,
                    ClockUtil.getCurrentTime().toInstant());
        }
        jdbc.update("""
                update assessment_appeal set state = :state, answer = :answer, points = :points, decided_by = :by, decided_at = :at
                where id = :id""", new MapSqlParameterSource("id", id).addValue("state", upheld ? "UPHELD" : "REJECTED")
                .addValue("answer", answer.strip()).addValue("points", upheld ? points : null).addValue("by", by)
                .addValue("at", Timestamp.from(ClockUtil.getCurrentTime().toInstant())));
        return find(id);
    }

    public List<Appeal> of(YearMonth month, String person) {
        var params = new MapSqlParameterSource("m", month.toString());
        String sql = "select * from assessment_appeal where assessed_month = :m";
        if (person != null) {
            sql += " and staff = :staff";
            params.addValue("staff", person);
        }
        return jdbc.query(sql + " order by submitted_at, id", params, mapper());
    }

    public Appeal find(long id) {
        return jdbc.query("select * from assessment_appeal where id = :id", new MapSqlParameterSource("id", id), mapper()).stream()
                .findFirst().orElseThrow(() -> ApiException.notFound("UNKNOWN_APPEAL", "申诉不存在 / no such appeal: " + id));
    }

    private String summary(YearMonth month, AssessmentSheet.StaffScore line, String appeal) {
        StringBuilder md = new StringBuilder("**考核申诉**: ").append(AssessmentSheet.title(month)).append("  \n**申诉人**: ")
                .append(line.name()).append(line.windowName() == null ? "" : " (" + line.windowName() + ")").append("  \n**本月得分**: ")
                .append(line.score().stripTrailingZeros().toPlainString()).append("\n\n");
        line.lines().forEach(l -> md.append("- ").append(l.points().stripTrailingZeros().toPlainString()).append(" ")
                .append(l.description()).append('\n'));
        return md.append("\n**申诉理由**: ").append(appeal).toString();
    }

    private RowMapper<Appeal> mapper() {
        return (rs, i) -> new Appeal(rs.getLong("id"), rs.getString("assessed_month"), rs.getString("staff"),
                staff.name(rs.getString("staff")), rs.getString("text"), offset(rs.getTimestamp("submitted_at")),
                State.valueOf(rs.getString("state")), State.valueOf(rs.getString("state")).label(), rs.getString("answer"),
                rs.getBigDecimal("points"), rs.getString("decided_by") == null ? null : staff.name(rs.getString("decided_by")),
                offset(rs.getTimestamp("decided_at")));
    }

    private OffsetDateTime offset(Timestamp t) {
        return t == null ? null : t.toInstant().atZone(zone).toOffsetDateTime();
    }
}
