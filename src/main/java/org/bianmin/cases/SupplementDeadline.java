package org.bianmin.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bianmin.calendar.CalendarService;
import org.bianmin.hallduties.HallDutyLimits;
import org.springframework.stereotype.Component;

/**
 * 补正期限: the supplement notice tells the applicant until when the missing materials may be
 * brought (the hall-duty limit {@code supplement.deadline}, counted in working days from the
 * notice); past it the case ends as 逾期未补正. The deadline does not move when part of the
 * materials arrives: the notice that lists what is still missing repeats it.
 */
@Component
public class SupplementDeadline {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final HallDutyLimits limits;
    private final CalendarService calendars;
    private final ZoneId zone;

    public SupplementDeadline(HallDutyLimits limits, CalendarService calendars) {
        this.limits = limits;
        this.calendars = calendars;
        this.zone = calendars.calendar().zone();
    }

    /** The deadline of a supplement notice issued at {@code notifiedAt} for a case of the window (on its calendar). */
    public Instant from(String window, Instant notifiedAt) {
        return limits.after(HallDutyLimits.SUPPLEMENT_DEADLINE, notifiedAt, calendars.calendar().forWindow(window));
    }

    /**
     * The deadline of a promise (容缺受理): the same limit, but never after the case's own deadline,
     * since the result cannot be given on missing materials.
     */
    public Instant promised(String window, Instant acceptedAt, Instant caseDeadline) {
        Instant due = from(window, acceptedAt);
        return caseDeadline != null && caseDeadline.isBefore(due) ? caseDeadline : due;
    }

    /** What the acceptance notice of a case accepted on a promise says besides the usual. */
    public Map<String, String> promiseDetails(CaseRecord c) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("受理方式", "容缺受理(申请人书面承诺限期补齐次要材料, 办理时限照常计算)");
        details.putAll(noticeDetails(c));
        return details;
    }

    /** What a supplement, promise or termination notice prints about it; nothing for a case that owes no materials. */
    public Map<String, String> noticeDetails(CaseRecord c) {
        Map<String, String> details = new LinkedHashMap<>();
        if (c.supplementDue() != null) {
            details.put("补正期限", show(c.supplementDue()) + "前");
            details.put("补正期限依据", limits.limit(HallDutyLimits.SUPPLEMENT_DEADLINE).basis());
        }
        return details;
    }

    public String show(Instant at) {
        return TIME.format(at.atZone(zone));
    }
}
