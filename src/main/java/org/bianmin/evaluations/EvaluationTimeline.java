package org.bianmin.evaluations;

import java.util.List;
import org.bianmin.calendar.CalendarService;
import org.bianmin.cases.CaseTimelineEntry;
import org.bianmin.cases.CaseTimelineSource;
import org.bianmin.staff.StaffDirectory;
import org.springframework.stereotype.Component;

/** The applicant's rating (好差评) in the case file. */
@Component
class EvaluationTimeline implements CaseTimelineSource {

    private static final String[] RATINGS = {"", "非常不满意", "不满意", "基本满意", "满意", "非常满意"};

    private final EvaluationRepository evaluations;
    private final StaffDirectory directory;
    private final CalendarService calendars;

    EvaluationTimeline(EvaluationRepository evaluations, StaffDirectory directory, CalendarService calendars) {
        this.evaluations = evaluations;
        this.directory = directory;
        this.calendars = calendars;
    }

    @Override
    public List<CaseTimelineEntry> entries(String caseNumber) {
        return evaluations.find(caseNumber).map(e -> List.of(new CaseTimelineEntry(
                e.ratedAt().atZone(calendars.calendar().zone()).toOffsetDateTime(), "EVALUATION",
                "申请人评价: " + (e.rating() >= 1 && e.rating() <= 5 ? RATINGS[e.rating()] : String.valueOf(e.rating())),
                e.recordedBy(), directory.name(e.recordedBy()), e.comment(), null))).orElse(List.of());
    }
}
