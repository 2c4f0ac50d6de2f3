package org.bianmin.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bianmin.calendar.CalendarService;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.bianmin.notices.Notice;
import org.bianmin.notices.NoticeRepository;
import org.bianmin.notices.NoticeType;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A notice that told the applicant a deadline (受理告知单, 延期告知书) issued again once a calendar
 * change moved that deadline: the same notice with the deadline now and a line saying why.
 */
@Service
public class NoticeReissue {

    /** The notices that state the case's deadline. */
    static final Set<NoticeType> WITH_DEADLINE = Set.of(NoticeType.ACCEPTANCE, NoticeType.EXTENSION);
    private static final String REISSUED = "重新告知";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final CaseRepository cases;
    private final NoticeRepository notices;
    private final CaseEventRepository events;
    private final ZoneId zone;

    NoticeReissue(CaseRepository cases, NoticeRepository notices, CaseEventRepository events, CalendarService calendars) {
        this.cases = cases;
        this.notices = notices;
        this.events = events;
        this.zone = calendars.calendar().zone();
    }

    /** The notice types whose deadline a calendar change moved after they were last issued. */
    Set<NoticeType> outdated(CaseRecord c) {
        if (c.state().isEnded() || c.deadline() == null) {
            return Set.of();
        }
        Optional<Instant> replanned = events.forCase(c.caseNumber()).stream()
                .filter(e -> e.type() == CaseEventType.CALENDAR_REPLANNED).map(CaseEventRepository.CaseEvent::occurredAt)
                .max(Instant::compareTo);
        if (replanned.isEmpty()) {
            return Set.of();
        }
        Set<NoticeType> outdated = new java.util.LinkedHashSet<>();
        for (NoticeType type : WITH_DEADLINE) {
            // issued before the change (at the same instant, unless it is the reissue itself)
            notices.find(c.caseNumber(), type, null).filter(n -> n.issuedAt().isBefore(replanned.get())
                    || n.issuedAt().equals(replanned.get()) && !n.details().containsKey(REISSUED)).ifPresent(n -> outdated.add(type));
        }
        return outdated;
    }

    @Transactional
    public Notice reissue(String caseNumber, String type, String by) {
        NoticeType noticeType = NoticeType.parse(type).filter(WITH_DEADLINE::contains).orElseThrow(() -> ApiException.invalidField(
                "type", "只能重新出具受理告知单(acceptance)或延期告知书(extension)", "must be acceptance or extension"));
        CaseRecord c = cases.lock(caseNumber).orElseThrow(() -> SupplementService.unknownCase(caseNumber));
        if (c.state().isEnded() || c.deadline() == null) {
            throw ApiException.conflict("CASE_NOT_RUNNING", "案件已结束或没有办结时限, 无需重新告知 / the case has ended or has no deadline");
        }
        Notice last = notices.find(caseNumber, noticeType, null).orElseThrow(() -> ApiException.conflict("NOTICE_NEVER_ISSUED",
                "本案未出具过" + noticeType.title() + " / the case was never given this notice"));
        Map<String, String> details = new LinkedHashMap<>(last.details());
        String deadline = TIME.format(c.deadline().atZone(zone));
        if (details.containsKey("延长后办结时限")) {
            details.put("延长后办结时限", deadline);
        }
        details.put(REISSUED, "因工作日历调整, 办结时限调整为" + deadline + ", 以本告知单为准");
        return notices.issue(caseNumber, noticeType, ClockUtil.getCurrentTime().toInstant(), by, last.materials(), details);
    }
}
