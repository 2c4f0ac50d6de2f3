package org.bianmin.complaints;

import org.bianmin.web.Text;
import jakarta.validation.Valid;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bianmin.calendar.CalendarService;
import org.bianmin.cases.CaseRepository;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.bianmin.hallduties.HallDutyLimits;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.bianmin.privacy.PersonalData;
import org.bianmin.staff.HallTime;
import org.bianmin.staff.StaffDirectory;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints (投诉): registered, handled in {@code complaint-handling} (assign, investigate, reply
 * within the rule-table limit, escalated to the directors when late); a verified complaint is an
 * accountability event for the staff complained about. The complainant's identity is shown only
 * to supervisors and directors.
 */
@Service
public class ComplaintService {

    public static final String PROCESS = "complaint-handling";
    static final List<String> CHANNELS = List.of("WINDOW", "PHONE", "LETTER", "EMAIL", "PORTAL", "HOTLINE");

    public record Complainant(@Text(max = 100) String name, @Text(max = 20) String phone) {
    }

    public record ComplaintRequest(@Text(max = 16) String channel, @Valid Complainant complainant, @Text(max = 64) String aboutStaff,
                                   @Text(max = 64) String aboutWindow, @Text(max = 32) String caseNumber, @Text(max = 2000, multiline = true) String matter) {
    }

    /** A complaint as the caller may see it: complainant null unless the caller is a supervisor or director. */
    public record ComplaintView(long id, String channel, Complainant complainant, String aboutStaff, String aboutWindow,
                                String caseNumber, String matter, String state, Boolean verified, String finding, String reply,
                                OffsetDateTime registeredAt, OffsetDateTime replyDue, OffsetDateTime repliedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final StaffDirectory directory;
    private final CaseRepository cases;
    private final CaseEventRepository events;
    private final HallDutyLimits limits;
    private final RuntimeService runtime;
    private final SystemAuthority system;
    private final CalendarService calendars;

    ComplaintService(NamedParameterJdbcTemplate jdbc, StaffDirectory directory, CaseRepository cases, CaseEventRepository events,
                     HallDutyLimits limits, RuntimeService runtime, SystemAuthority system, CalendarService calendars) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.cases = cases;
        this.events = events;
        this.limits = limits;
        this.runtime = runtime;
        this.system = system;
        this.calendars = calendars;
    }

    @Transactional
    public ComplaintView register(ComplaintRequest request, CurrentUser user) {
        if (request == null) {
            throw ApiException.missingBody();
        }
        String channel = request.channel() == null ? "" : request.channel().strip();
        if (!CHANNELS.contains(channel)) {
            throw ApiException.invalidField("channel", "渠道必须是 " + CHANNELS + " 之一", "must be one of " + CHANNELS);
        }
        Complainant complainant = request.complainant();
        if (complainant == null || complainant.name() == null || complainant.name().isBlank()) {
            throw ApiException.invalidField("complainant.name", "投诉人姓名不能为空", "is required");
        }
        if (complainant.phone() != null && !complainant.phone().isBlank() && !PersonalData.isValidPhone(complainant.phone())) {
            throw ApiException.invalidField("complainant.phone", "电话号码格式不正确", "not a valid phone number");
        }
        String staff = request.aboutStaff() == null || request.aboutStaff().isBlank() ? null
                : directory.requireUser("aboutStaff", "被投诉人", request.aboutStaff());
        String window = request.aboutWindow() != null && !request.aboutWindow().isBlank()
                ? directory.requireWindow("aboutWindow", request.aboutWindow())
                : staff == null ? null : directory.windowOf(staff).orElse(null);
        String caseNumber = request.caseNumber() == null || request.caseNumber().isBlank() ? null : request.caseNumber().strip();
        if (caseNumber != null && cases.find(caseNumber).isEmpty()) {
            throw ApiException.invalidField("caseNumber", "案件不存在: " + caseNumber, "no such case");
        }
        if (request.matter() == null || request.matter().isBlank() || request.matter().length() > 2000) {
            throw ApiException.invalidField("matter", "投诉事项不能为空且不超过2000字", "is required, at most 2000 characters");
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant due = limits.after(HallDutyLimits.COMPLAINT_REPLY, now);
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into complaint (channel, complainant_name, complainant_phone, about_staff, about_window, case_number, matter,
                  state, registered_by, registered_at, reply_due)
                values (:channel, :name, :phone, :staff, :window, :caseNumber, :matter, 'OPEN', :by, :at, :due)""",
                new MapSqlParameterSource("channel", channel).addValue("name", complainant.name().strip())
                        .addValue("phone", complainant.phone()).addValue("staff", staff).addValue("window", window)
                        .addValue("caseNumber", caseNumber).addValue("matter", request.matter().strip()).addValue("by", user.id())
                        .addValue("at", Timestamp.from(now)).addValue("due", Timestamp.from(due)), keys, new String[] {"id"});
        long id = keys.getKey().longValue();
        String summary = "**投诉 第" + id + "号**  \n投诉人: " + complainant.name().strip() + " "
                + (complainant.phone() == null ? "" : PersonalData.maskPhone(complainant.phone()))
                + "  \n被投诉人: " + (staff == null ? "未指明" : directory.name(staff)) + "  \n窗口: "
                + (window == null ? "未指明" : directory.windowName(window))
                + (caseNumber == null ? "" : "  \n案件: " + caseNumber) + "  \n投诉事项: " + request.matter().strip()
                + "  \n答复期限: " + HallTime.show(due, zone()) + "(" + limits.describe(HallDutyLimits.COMPLAINT_REPLY) + ")";
        system.run(() -> runtime.startProcessInstanceByKey(PROCESS, "complaint-" + id, Variables.createVariables()
                .putValue("complaintId", id).putValue("replyDue", Date.from(due)).putValue("summary", summary)));
        return find(id, user);
    }

    public ComplaintView find(long id, CurrentUser user) {
        boolean confidential = !user.isInAny(Groups.SUPERVISORS, Groups.DIRECTORS);
        return jdbc.query("select * from complaint where id = :id", new MapSqlParameterSource("id", id), (rs, i) -> new ComplaintView(
                rs.getLong("id"), rs.getString("channel"),
                confidential ? null : new Complainant(rs.getString("complainant_name"), rs.getString("complainant_phone")),
                rs.getString("about_staff"), rs.getString("about_window"), rs.getString("case_number"), rs.getString("matter"),
                rs.getString("state"), (Boolean) rs.getObject("verified"), rs.getString("finding"), rs.getString("reply"),
                local(rs.getTimestamp("registered_at")), local(rs.getTimestamp("reply_due")), local(rs.getTimestamp("replied_at"))))
                .stream().findFirst().orElseThrow(() -> ApiException.notFound("UNKNOWN_COMPLAINT", "投诉不存在 / no such complaint: " + id));
    }

    /** The investigation's finding; a verified complaint is an event for the staff complained about. */
    public void recordFinding(long id, boolean verified, String finding) {
        update(id, "update complaint set verified = :verified, finding = :finding, state = 'INVESTIGATED' where id = :id",
                Map.of("verified", verified, "finding", finding == null ? "" : finding));
        if (verified) {
            var row = jdbc.queryForMap("select about_staff, about_window, case_number from complaint where id = :id",
                    new MapSqlParameterSource("id", id));
            events.record(CaseEventType.COMPLAINT_VERIFIED, (String) row.get("case_number"), (String) row.get("about_staff"),
                    (String) row.get("about_window"), now(), "投诉第" + id + "号经调查属实: " + finding);
        }
    }

    public void recordReply(long id, String reply) {
        update(id, "update complaint set reply = :reply, replied_at = :at, state = 'REPLIED' where id = :id",
                Map.of("reply", reply == null ? "" : reply, "at", Timestamp.from(now())));
    }

    public void replyOverdue(long id) {
        var row = jdbc.queryForMap("select about_staff, about_window, case_number from complaint where id = :id",
                new MapSqlParameterSource("id", id));
        events.record(CaseEventType.COMPLAINT_REPLY_OVERDUE, (String) row.get("case_number"), (String) row.get("about_staff"),
                (String) row.get("about_window"), now(), "投诉第" + id + "号未在" + limits.describe(HallDutyLimits.COMPLAINT_REPLY)
                        + "内答复投诉人 / complaint reply overdue");
    }

    private void update(long id, String sql, Map<String, ?> values) {
        jdbc.update(sql, new MapSqlParameterSource(values).addValue("id", id));
    }

    private ZoneId zone() {
        return calendars.calendar().zone();
    }

    private OffsetDateTime local(Timestamp at) {
        return at == null ? null : HallTime.local(at.toInstant(), zone());
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
