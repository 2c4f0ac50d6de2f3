package org.bianmin.staff;

import org.bianmin.web.Text;
import org.bianmin.web.TimeText;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.bianmin.calendar.CalendarService;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.identity.Action;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records absences and starts a {@code staff-absence} process for each: its timers hand the A
 * person's tasks to the B person when the absence begins and give them back when it ends.
 */
@Service
public class AbsenceService {

    public static final String PROCESS = "staff-absence";
    /** Where an absence recorded outside its Tasklist form enters the process: after 登记离岗. */
    static final String RECORDED = "alreadyAbsent";
    static final int MAX_NOTE = 1000;

    public record AbsenceRequest(@Text(max = 64) String staff, @Text(max = 16) String kind, @TimeText String from, @TimeText String until,
                                 @Text(max = 1000, multiline = true) String note) {
    }

    public record AbsenceView(long id, String staff, String staffName, AbsenceKind kind, String kindLabel,
                              OffsetDateTime from, OffsetDateTime until, String note, String recordedBy) {
    }

    private final AbsenceRepository absences;
    private final StaffDirectory directory;
    private final RuntimeService runtime;
    private final SystemAuthority system;
    private final CalendarService calendars;

    AbsenceService(AbsenceRepository absences, StaffDirectory directory, RuntimeService runtime, SystemAuthority system,
                   CalendarService calendars) {
        this.absences = absences;
        this.directory = directory;
        this.runtime = runtime;
        this.system = system;
        this.calendars = calendars;
    }

    /**
     * Supervisors, directors or the person themself record an absence ({@code POST /api/absences});
     * overlapping absences are refused. Its process starts where the Tasklist form's would go on.
     */
    @Transactional
    public AbsenceView record(AbsenceRequest request, CurrentUser user) {
        Absence absence = insertValid(request, user);
        system.run(() -> runtime.createProcessInstanceByKey(PROCESS).businessKey(businessKey(absence))
                .setVariables(variables(absence)).startBeforeActivity(RECORDED).execute());
        return view(absence);
    }

    /** The same from the Tasklist start form: the instance the form started becomes the absence's process. */
    @Transactional
    public AbsenceView record(AbsenceRequest request, CurrentUser user, DelegateExecution execution) {
        Absence absence = insertValid(request, user);
        execution.setProcessBusinessKey(businessKey(absence));
        execution.setVariables(variables(absence));
        return view(absence);
    }

    private Absence insertValid(AbsenceRequest request, CurrentUser user) {
        if (request == null) {
            throw ApiException.missingBody();
        }
        String staff = directory.requireUser("staff", "工作人员", request.staff());
        if (!staff.equals(user.id()) && !user.isWatcher()) {
            throw ApiException.forbidden("办事员只能登记本人的请假外出 / clerks record only their own absences");
        }
        AbsenceKind kind = kind(request.kind());
        Instant from = HallTime.parse("from", request.from());
        Instant until = HallTime.parse("until", request.until());
        if (!until.isAfter(from)) {
            throw ApiException.invalidField("until", "返岗时间必须晚于离岗时间", "must be after from");
        }
        if (request.note() != null && request.note().length() > MAX_NOTE) {
            throw ApiException.invalidField("note", "说明不能超过" + MAX_NOTE + "字", "at most " + MAX_NOTE + " characters");
        }
        List<Absence> overlapping = absences.overlapping(staff, from, until);
        if (!overlapping.isEmpty()) {
            Absence other = overlapping.get(0);
            throw ApiException.badRequest("ABSENCE_OVERLAP", "与已登记的" + other.kind().label() + "(" + show(other.from())
                    + " 至 " + show(other.until()) + ")时间重叠 / overlaps the absence " + other.id() + " already recorded");
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        long id = absences.insert(staff, kind, from, until, blankToNull(request.note()), user.id(), now);
        return absences.find(id).orElseThrow();
    }

    private static String businessKey(Absence absence) {
        return "absence-" + absence.id();
    }

    private static VariableMap variables(Absence absence) {
        return Variables.createVariables()
                .putValue("absenceId", absence.id()).putValue("staff", absence.staff())
                .putValue("absenceFrom", Date.from(absence.from())).putValue("absenceUntil", Date.from(absence.until()))
                .putValue("absenceBegun", !absence.from().isAfter(ClockUtil.getCurrentTime().toInstant()));
    }

    /** Absences of a person (or everyone) overlapping a day (or from today on). */
    public List<AbsenceView> list(String staff, LocalDate date) {
        ZoneId zone = calendars.calendar().zone();
        LocalDate day = date != null ? date : LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant until = date != null ? day.plusDays(1).atStartOfDay(zone).toInstant() : Instant.parse("9999-12-31T00:00:00Z");
        String who = staff == null || staff.isBlank() ? null : staff.strip();
        return absences.overlapping(who, from, until).stream().map(this::view).toList();
    }

    AbsenceView view(Absence a) {
        ZoneId zone = calendars.calendar().zone();
        return new AbsenceView(a.id(), a.staff(), directory.name(a.staff()), a.kind(), a.kind().label(),
                HallTime.local(a.from(), zone), HallTime.local(a.until(), zone), a.note(), a.recordedBy());
    }

    String show(Instant at) {
        return HallTime.show(at, calendars.calendar().zone());
    }

    private static AbsenceKind kind(String value) {
        try {
            return AbsenceKind.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("kind", "类型必须是 LEAVE(请假)、BUSINESS(公出) 或 TEMPORARY(临时外出)",
                    "must be LEAVE, BUSINESS or TEMPORARY");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
