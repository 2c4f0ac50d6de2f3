package org.bianmin.appointments;

import org.bianmin.web.Text;
import org.bianmin.web.TimeText;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bianmin.calendar.CalendarService;
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
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointments (预约): an applicant books a window or a person (by phone, letter, e-mail, in person
 * or through the portal). The lifecycle runs in {@code appointment}: a booking outside working
 * days or office hours is allowed only when urgent and then needs a director's approval (refused →
 * cancelled, the applicant is told); the booked person or window is reminded the rule-table time
 * before ({@code appointment.reminder}); cancelled and missed bookings are recorded (missed by the
 * staff → an {@code APPOINTMENT_MISSED} event); a person who cannot serve must contact the applicant
 * within {@code appointment.contact}, else the supervisors are asked to act. Phones are shown masked.
 */
@Service
public class AppointmentService {

    public static final String PROCESS = "appointment";
    static final Map<String, String> CHANNELS = Map.of("PHONE", "电话", "LETTER", "信函", "EMAIL", "电子邮件",
            "IN_PERSON", "现场", "PORTAL", "网上门户");
    static final List<String> PARTIES = List.of("APPLICANT", "STAFF");
    static final int MATTER_MAX = 500;

    public enum State {
        PENDING_APPROVAL("待审批"), BOOKED("已预约"), SERVED("已接待"), CANCELLED("已取消"), MISSED("已失约"),
        CANNOT_SERVE("不能接待, 待联系改约"), CONTACTED("已联系改约");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record BookingRequest(@Text(max = 100) String applicantName, @Text(max = 20) String phone, @Text(max = 16) String channel,
                                 @Text(max = 64) String window, @Text(max = 64) String person, @TimeText String at,
                                 @Text(max = 1000, multiline = true) String matter, Boolean urgent) {
    }

    public record CancelRequest(@Text(max = 500, multiline = true) String reason, @Text(max = 16) String by) {
    }

    public record MissedRequest(@Text(max = 16) String by) {
    }

    public record CannotServeRequest(@Text(max = 500, multiline = true) String reason) {
    }

    /** A booking as every list shows it: the applicant's phone masked. */
    public record AppointmentView(long id, String applicantName, String phone, String channel, String window, String windowName,
                                  String person, String personName, OffsetDateTime at, String matter, boolean urgent,
                                  boolean offHours, String state, String stateLabel, String stateNote, String stateBy,
                                  OffsetDateTime stateAt, String approvedBy, OffsetDateTime reminderAt, OffsetDateTime contactDue,
                                  OffsetDateTime contactedAt, String contactNote, boolean contactOverdue, String bookedBy,
                                  OffsetDateTime bookedAt) {
    }

    private record Row(long id, String applicantName, String phone, String channel, String window, String person, Instant at,
                       String matter, boolean urgent, boolean offHours, State state, String stateNote, String stateBy,
                       Instant stateAt, String approvedBy, Instant reminderAt, Instant contactDue, Instant contactedAt,
                       String contactNote, boolean contactOverdue, String bookedBy, Instant bookedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final StaffDirectory directory;
    private final CaseEventRepository events;
    private final HallDutyLimits limits;
    private final RuntimeService runtime;
    private final SystemAuthority system;
    private final CalendarService calendars;

    AppointmentService(NamedParameterJdbcTemplate jdbc, StaffDirectory directory, CaseEventRepository events, HallDutyLimits limits,
                       RuntimeService runtime, SystemAuthority system, CalendarService calendars) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.events = events;
        this.limits = limits;
        this.runtime = runtime;
        this.system = system;
        this.calendars = calendars;
    }

    @Transactional
    public AppointmentView book(BookingRequest request, CurrentUser user) {
        if (request == null) {
            throw ApiException.missingBody();
        }
        String name = required("applicantName", "申请人姓名", request.applicantName(), 100);
        String phone = request.phone() == null ? null : request.phone().strip();
        if (!PersonalData.isValidPhone(phone)) {
            throw ApiException.invalidField("phone", "电话号码缺失或格式不正确", "missing or not a valid phone number");
        }
        String channel = request.channel() == null ? "" : request.channel().strip();
        if (!CHANNELS.containsKey(channel)) {
            throw ApiException.invalidField("channel", "预约渠道必须是 PHONE, LETTER, EMAIL, IN_PERSON 或 PORTAL",
                    "must be one of PHONE, LETTER, EMAIL, IN_PERSON, PORTAL");
        }
        String person = blankToNull(request.person()) == null ? null : directory.requireUser("person", "被预约人", request.person());
        String window;
        if (blankToNull(request.window()) != null) {
            window = directory.requireWindow("window", request.window());
        } else if (person != null) {
            window = directory.windowOf(person).orElseThrow(() -> ApiException.invalidField("person",
                    "被预约人不属于任何窗口, 请同时指明窗口", "the person works at no window; name the window too"));
        } else {
            throw ApiException.invalidField("window", "须选择预约的窗口或人员", "a window or a person is required");
        }
        Instant at = HallTime.parse("at", request.at());
        Instant now = now();
        if (!at.isAfter(now)) {
            throw ApiException.invalidField("at", "预约时间必须晚于当前时间", "must be in the future");
        }
        String matter = required("matter", "办理事项", request.matter(), MATTER_MAX);
        boolean urgent = Boolean.TRUE.equals(request.urgent());
        // the window's own days and hours where it keeps other ones (窗口办公时间)
        boolean offHours = !calendars.calendar().forWindow(window).isOfficeTime(at);
        if (offHours && !urgent) {
            throw ApiException.invalidField("at", "预约时间不在该窗口的办公时间内; 非工作时间只受理紧急预约(请勾选「紧急」), 并须经中心领导审批",
                    "outside working days or office hours; only an urgent booking may be made then, with a director's approval");
        }
        Instant reminderAt = limits.before(HallDutyLimits.APPOINTMENT_REMINDER, at);
        State state = offHours ? State.PENDING_APPROVAL : State.BOOKED;
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into appointment (applicant_name, phone, channel, window_group, person, appointed_at, matter, urgent, off_hours,
                  state, booked_by, booked_at, reminder_at)
                values (:name, :phone, :channel, :window, :person, :at, :matter, :urgent, :offHours, :state, :by, :now, :reminderAt)""",
                new MapSqlParameterSource("name", name).addValue("phone", phone).addValue("channel", channel)
                        .addValue("window", window).addValue("person", person).addValue("at", Timestamp.from(at))
                        .addValue("matter", matter).addValue("urgent", urgent).addValue("offHours", offHours)
                        .addValue("state", state.name()).addValue("by", user.id()).addValue("now", Timestamp.from(now))
                        .addValue("reminderAt", Timestamp.from(reminderAt)), keys, new String[] {"id"});
        long id = keys.getKey().longValue();
        Row row = find(id);
        var variables = Variables.createVariables().putValue("appointmentId", id).putValue("needsApproval", offHours)
                .putValue("appointedAt", Date.from(at)).putValue("reminderAt", Date.from(reminderAt))
                .putValue("person", person).putValue("window", window).putValue("bookedBy", user.id())
                .putValue("summary", summary(row));
        system.run(() -> runtime.startProcessInstanceByKey(PROCESS, businessKey(id), variables));
        return view(row);
    }

    public AppointmentView get(long id) {
        return view(find(id));
    }

    public List<AppointmentView> list(String date, String person, String window) {
        StringBuilder sql = new StringBuilder("select * from appointment where 1 = 1");
        var params = new MapSqlParameterSource();
        if (blankToNull(date) != null) {
            LocalDate day;
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                throw ApiException.invalidField("date", "日期格式应为 yyyy-MM-dd", "must be a date like 2026-10-08");
            }
            sql.append(" and appointed_at >= :from and appointed_at < :to");
            params.addValue("from", Timestamp.from(day.atStartOfDay(zone()).toInstant()))
                    .addValue("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone()).toInstant()));
        }
        if (blankToNull(person) != null) {
            sql.append(" and person = :person");
            params.addValue("person", person.strip());
        }
        if (blankToNull(window) != null) {
            sql.append(" and window_group = :window");
            params.addValue("window", window.strip());
        }
        sql.append(" order by appointed_at, id");
        return jdbc.query(sql.toString(), params, (rs, i) -> row(rs)).stream().limit(1000).map(this::view).toList();
    }

    @Transactional
    public AppointmentView cancel(long id, CancelRequest request, CurrentUser user) {
        String reason = required("reason", "取消原因", request == null ? null : request.reason(), 500);
        String by = party(request.by());
        Row row = find(id);
        requireState(row, State.PENDING_APPROVAL, State.BOOKED);
        correlate(id, "预约已取消", "appointment-cancelled", Map.of("stateReason", reason, "stateBy", by, "actor", user.id()));
        return get(id);
    }

    @Transactional
    public AppointmentView missed(long id, MissedRequest request, CurrentUser user) {
        String by = party(request == null ? null : request.by());
        Row row = find(id);
        requireState(row, State.BOOKED);
        if (now().isBefore(row.at())) {
            throw ApiException.conflict("NOT_YET_DUE", "预约时间尚未到, 不能登记失约 / the appointment time has not come yet");
        }
        correlate(id, "预约未到", "appointment-missed", Map.of("stateBy", by, "actor", user.id()));
        return get(id);
    }

    @Transactional
    public AppointmentView cannotServe(long id, CannotServeRequest request, CurrentUser user) {
        String reason = required("reason", "不能接待的原因", request == null ? null : request.reason(), 500);
        Row row = find(id);
        if (!user.id().equals(row.person()) && !user.isIn(row.window()) && !user.isIn(Groups.SUPERVISORS)) {
            throw ApiException.forbidden("只有被预约人、预约窗口人员或督查可以登记不能接待 / only the booked person, the window or a supervisor");
        }
        requireState(row, State.BOOKED);
        correlate(id, "预约无法接待", "appointment-cannot-serve", Map.of("stateReason", reason, "actor", user.id()));
        return get(id);
    }

    // ------------------------------------------------------------ steps of the process

    public void recordApproval(long id, boolean approved, String note, String by) {
        if (approved) {
            update(id, "update appointment set state = 'BOOKED', approved_by = :by, state_note = :note where id = :id",
                    Map.of("by", by, "note", note == null ? "紧急预约已同意" : "紧急预约已同意: " + note));
        } else {
            update(id, """
                    update appointment set state = 'CANCELLED', approved_by = :by, state_by = 'STAFF', state_at = :at,
                      state_note = :note where id = :id""", Map.of("by", by, "at", Timestamp.from(now()),
                    "note", "紧急预约未获同意, 须告知申请人: " + (note == null ? "未说明理由 / no reason given" : note)));
        }
    }

    public void recordServed(long id, String note) {
        update(id, "update appointment set state = 'SERVED', state_at = :at, state_note = :note where id = :id",
                Map.of("at", Timestamp.from(now()), "note", note == null ? "" : note));
    }

    public void recordCancelled(long id, String by, String reason) {
        update(id, "update appointment set state = 'CANCELLED', state_by = :by, state_at = :at, state_note = :note where id = :id",
                Map.of("by", by, "at", Timestamp.from(now()), "note", reason));
    }

    /** A missed booking; missed by the staff it is an event for the booked person (or the window). */
    public void recordMissed(long id, String by) {
        Instant now = now();
        update(id, "update appointment set state = 'MISSED', state_by = :by, state_at = :at, state_note = :note where id = :id",
                Map.of("by", by, "at", Timestamp.from(now), "note", "APPLICANT".equals(by) ? "申请人未按约到场" : "工作人员未按约接待"));
        if ("STAFF".equals(by)) {
            Row row = find(id);
            events.record(CaseEventType.APPOINTMENT_MISSED, null, row.person(), row.window(), now, "预约第" + id + "号("
                    + HallTime.show(row.at(), zone()) + ", " + row.applicantName() + " " + PersonalData.maskPhone(row.phone())
                    + ")工作人员未按约接待 / appointment missed by the staff");
        }
    }

    /** The booked person cannot serve: the moment by which the applicant must be contacted. */
    public Instant recordCannotServe(long id, String reason) {
        Instant now = now();
        Instant due = limits.after(HallDutyLimits.APPOINTMENT_CONTACT, now);
        update(id, """
                update appointment set state = 'CANNOT_SERVE', state_at = :at, state_note = :note, contact_due = :due
                where id = :id""", Map.of("at", Timestamp.from(now), "note", reason, "due", Timestamp.from(due)));
        return due;
    }

    public void recordContact(long id, String note) {
        update(id, "update appointment set state = 'CONTACTED', contacted_at = :at, contact_note = :note where id = :id",
                Map.of("at", Timestamp.from(now()), "note", note == null ? "" : note));
    }

    public void recordContactOverdue(long id) {
        update(id, "update appointment set contact_overdue = true where id = :id", Map.of());
    }

    /** The text of the tasks: applicant (phone masked), time, matter, and what happened. */
    public String summary(long id) {
        return summary(find(id));
    }

    private String summary(Row r) {
        StringBuilder text = new StringBuilder("**预约 第" + r.id() + "号**  \n申请人: " + r.applicantName() + " "
                + PersonalData.maskPhone(r.phone()) + "  \n预约时间: " + HallTime.show(r.at(), zone())
                + (r.offHours() ? "(非工作时间, 紧急预约)" : "") + "  \n预约渠道: " + CHANNELS.get(r.channel())
                + "  \n窗口: " + directory.windowName(r.window())
                + "  \n被预约人: " + (r.person() == null ? "窗口值班人员" : directory.name(r.person()))
                + "  \n办理事项: " + r.matter());
        if (r.state() == State.CANNOT_SERVE && r.contactDue() != null) {
            text.append("  \n不能接待原因: ").append(r.stateNote()).append("  \n联系申请人期限: ")
                    .append(HallTime.show(r.contactDue(), zone())).append("(")
                    .append(limits.describe(HallDutyLimits.APPOINTMENT_CONTACT)).append("内)");
        }
        if (r.state() == State.CANCELLED) {
            text.append("  \n").append(r.stateNote());
        }
        return text.toString();
    }

    /** {@code earlierName}: what an appointment booked under the earlier release still waits for. */
    private void correlate(long id, String message, String earlierName, Map<String, Object> variables) {
        system.run(() -> {
            try {
                runtime.createMessageCorrelation(message).processInstanceBusinessKey(businessKey(id))
                        .setVariables(variables).correlateWithResult();
            } catch (MismatchingMessageCorrelationException notThisName) {
                runtime.createMessageCorrelation(earlierName).processInstanceBusinessKey(businessKey(id))
                        .setVariables(variables).correlateWithResult();
            }
        });
    }

    private void requireState(Row row, State... allowed) {
        if (!List.of(allowed).contains(row.state())) {
            throw ApiException.conflict("APPOINTMENT_STATE", "预约第" + row.id() + "号当前状态为" + row.state().label()
                    + ", 不能执行此操作 / not allowed in state " + row.state() + " (allowed: " + List.of(allowed) + ")");
        }
    }

    private static String party(String by) {
        String value = by == null ? "" : by.strip();
        if (!PARTIES.contains(value)) {
            throw ApiException.invalidField("by", "须为 APPLICANT(申请人) 或 STAFF(工作人员)", "must be APPLICANT or STAFF");
        }
        return value;
    }

    static String businessKey(long id) {
        return "appointment-" + id;
    }

    private Row find(long id) {
        return jdbc.query("select * from appointment where id = :id", new MapSqlParameterSource("id", id), (rs, i) -> row(rs))
                .stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("UNKNOWN_APPOINTMENT", "预约不存在 / no such appointment: " + id));
    }

    private void update(long id, String sql, Map<String, ?> values) {
        jdbc.update(sql, new MapSqlParameterSource(values).addValue("id", id));
    }

    private AppointmentView view(Row r) {
        return new AppointmentView(r.id(), r.applicantName(), PersonalData.maskPhone(r.phone()), r.channel(), r.window(),
                directory.windowName(r.window()), r.person(), r.person() == null ? null : directory.name(r.person()), local(r.at()),
                r.matter(), r.urgent(), r.offHours(), r.state().name(), r.state().label(), r.stateNote(), r.stateBy(),
                local(r.stateAt()), r.approvedBy(), local(r.reminderAt()), local(r.contactDue()), local(r.contactedAt()),
                r.contactNote(), r.contactOverdue(), r.bookedBy(), local(r.bookedAt()));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("applicant_name"), rs.getString("phone"), rs.getString("channel"),
                rs.getString("window_group"), rs.getString("person"), instant(rs.getTimestamp("appointed_at")), rs.getString("matter"),
                rs.getBoolean("urgent"), rs.getBoolean("off_hours"), State.valueOf(rs.getString("state")), rs.getString("state_note"),
                rs.getString("state_by"), instant(rs.getTimestamp("state_at")), rs.getString("approved_by"),
                instant(rs.getTimestamp("reminder_at")), instant(rs.getTimestamp("contact_due")),
                instant(rs.getTimestamp("contacted_at")), rs.getString("contact_note"), rs.getBoolean("contact_overdue"),
                rs.getString("booked_by"), instant(rs.getTimestamp("booked_at")));
    }

    private static String required(String field, String chinese, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, chinese + "不能为空", "is required");
        }
        if (value.strip().length() > max) {
            throw ApiException.invalidField(field, chinese + "不能超过" + max + "字", "at most " + max + " characters");
        }
        return value.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private ZoneId zone() {
        return calendars.calendar().zone();
    }

    private OffsetDateTime local(Instant at) {
        return HallTime.local(at, zone());
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
