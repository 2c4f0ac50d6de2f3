package org.bianmin.accountability;

import java.util.List;
import org.bianmin.calendar.CalendarService;
import org.bianmin.cases.CaseTimelineEntry;
import org.bianmin.cases.CaseTimelineSource;
import org.bianmin.events.CaseEventType;
import org.bianmin.staff.StaffDirectory;
import org.springframework.stereotype.Component;

/** The case's accountability records in its file: proposed when the event came, then confirmed or dismissed. */
@Component
class AccountabilityTimeline implements CaseTimelineSource {

    private final AccountabilityRepository records;
    private final StaffDirectory directory;
    private final CalendarService calendars;

    AccountabilityTimeline(AccountabilityRepository records, StaffDirectory directory, CalendarService calendars) {
        this.records = records;
        this.directory = directory;
        this.calendars = calendars;
    }

    @Override
    public List<CaseTimelineEntry> entries(String caseNumber) {
        var zone = calendars.calendar().zone();
        return records.search(caseNumber, null, null, null, null).stream().flatMap(r -> {
            String what = CaseEventType.labelOf(r.triggerType()) + "(本月第" + r.occurrence() + "次)";
            var proposed = new CaseTimelineEntry(r.createdAt().atZone(zone).toOffsetDateTime(), "ACCOUNTABILITY_PROPOSED",
                    "拟问责: " + what, r.staff(), r.staff() == null ? null : directory.name(r.staff()), r.measure(), null);
            var statement = r.statementAt() == null ? null : new CaseTimelineEntry(r.statementAt().atZone(zone).toOffsetDateTime(),
                    "ACCOUNTABILITY_STATEMENT", "陈述申辩: " + what, r.staff(), directory.name(r.staff()), r.statement(), null);
            if (r.decidedAt() == null) {
                return java.util.stream.Stream.of(proposed, statement).filter(java.util.Objects::nonNull);
            }
            var decided = new CaseTimelineEntry(r.decidedAt().atZone(zone).toOffsetDateTime(), "ACCOUNTABILITY_" + r.state(),
                    (r.state() == AccountabilityRecord.State.CONFIRMED ? "确认问责: " : "撤销问责: ") + what, r.reviewer(),
                    r.reviewer() == null ? null : directory.name(r.reviewer()), r.reviewReason(), null);
            return java.util.stream.Stream.of(proposed, statement, decided).filter(java.util.Objects::nonNull);
        }).toList();
    }
}
