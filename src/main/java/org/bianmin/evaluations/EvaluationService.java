package org.bianmin.evaluations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.bianmin.calendar.CalendarService;
import org.bianmin.cases.CaseRecord;
import org.bianmin.cases.CaseRepository;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.evaluations.EvaluationRepository.Evaluation;
import org.bianmin.evaluations.EvaluationRepository.State;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.bianmin.hallduties.HallDutyLimits;
import org.bianmin.staff.StaffDirectory;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Good/bad evaluations (好差评): one rating per ended case; a bad rating (1-2) opens a review
 * ({@code bad-evaluation}) with a rectification limit from the rule table; a confirmed bad rating
 * and a late rectification are accountability events; satisfaction rates per window per month.
 */
@Service
public class EvaluationService {

    public static final String REVIEW_PROCESS = "bad-evaluation";
    static final List<String> LABELS = List.of("非常不满意", "不满意", "基本满意", "满意", "非常满意");

    public record EvaluationView(String caseNumber, int rating, String ratingLabel, String comment, String state) {
    }

    /** 满意率 (satisfied ÷ ratings) and 差评整改率 (rectified ÷ confirmed bad ratings, null without any) of a window's month. */
    public record Satisfaction(String window, String windowName, int ratings, int satisfied, BigDecimal rate, int badConfirmed,
                               int rectified, BigDecimal rectificationRate) {
    }

    private final EvaluationRepository evaluations;
    private final CaseRepository cases;
    private final CaseEventRepository events;
    private final HallDutyLimits limits;
    private final RuntimeService runtime;
    private final SystemAuthority system;
    private final StaffDirectory directory;
    private final CalendarService calendars;

    EvaluationService(EvaluationRepository evaluations, CaseRepository cases, CaseEventRepository events, HallDutyLimits limits,
                      RuntimeService runtime, SystemAuthority system, StaffDirectory directory, CalendarService calendars) {
        this.evaluations = evaluations;
        this.cases = cases;
        this.events = events;
        this.limits = limits;
        this.runtime = runtime;
        this.system = system;
        this.directory = directory;
        this.calendars = calendars;
    }

    /** Records the applicant's rating of an ended case; refuses a case not ended (409) and a second rating (409). */
    @Transactional
    public EvaluationView rate(String caseNumber, Object ratingValue, String comment, String recordedBy) {
        CaseRecord record = cases.find(caseNumber == null ? "" : caseNumber.strip()).orElseThrow(() ->
                ApiException.invalidField("caseNumber", "案件不存在: " + caseNumber, "no such case"));
        int rating = rating(ratingValue);
        if (comment != null && comment.length() > 1000) {
            throw ApiException.invalidField("comment", "意见不能超过1000字", "at most 1000 characters");
        }
        if (!record.state().isEnded()) {
            throw ApiException.conflict("CASE_NOT_ENDED", "案件尚未办结(" + record.state().label() + "), 办结后才能评价 / "
                    + "the case has not ended yet");
        }
        if (evaluations.find(record.caseNumber()).isPresent()) {
            throw ApiException.conflict("ALREADY_RATED", "该案件已评价, 每件只能评价一次 / the case was already rated");
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        boolean bad = rating <= 2;
        Instant due = bad ? limits.after(HallDutyLimits.EVALUATION_RECTIFICATION, now) : null;
        evaluations.insert(new Evaluation(record.caseNumber(), rating, blankToNull(comment), now, recordedBy,
                bad ? State.UNDER_REVIEW : State.RECORDED, null, due));
        if (bad) {
            String summary = "**差评核实 " + record.caseNumber() + "**  \n事项: " + record.itemName()
                    + "  \n窗口: " + directory.windowName(record.window()) + "  \n经办人: " + directory.name(record.registeredBy())
                    + "  \n评价: " + LABELS.get(rating - 1) + "(" + rating + "分)"
                    + (comment == null || comment.isBlank() ? "" : "  \n意见: " + comment.strip())
                    + "  \n整改时限: " + limits.describe(HallDutyLimits.EVALUATION_RECTIFICATION);
            system.run(() -> runtime.startProcessInstanceByKey(REVIEW_PROCESS, record.caseNumber(), Variables.createVariables()
                    .putValue("caseNumber", record.caseNumber()).putValue("staff", record.registeredBy())
                    .putValue("window", record.window()).putValue("rectificationDue", Date.from(due))
                    .putValue("summary", summary)));
        }
        return view(evaluations.find(record.caseNumber()).orElseThrow());
    }

    /** The review's verdict: CONFIRMED → accountability event; MISTAKEN or MALICIOUS → annulled with the reason. */
    public void review(String caseNumber, String outcome, String note, String staff, String window) {
        if ("CONFIRMED".equals(outcome)) {
            evaluations.review(caseNumber, State.CONFIRMED, note);
            events.record(CaseEventType.BAD_EVALUATION_CONFIRMED, caseNumber, staff, window, now(), "差评经核实属实: " + note);
        } else {
            evaluations.review(caseNumber, State.ANNULLED, ("MALICIOUS".equals(outcome) ? "恶意差评" : "误评") + ", 差评作废: " + note);
        }
    }

    public void rectified(String caseNumber, String rectification, String reply) {
        evaluations.review(caseNumber, State.RECTIFIED, "整改: " + rectification + "; 回复申请人: " + reply);
    }

    public void rectificationOverdue(String caseNumber, String staff, String window) {
        events.record(CaseEventType.EVALUATION_RECTIFICATION_OVERDUE, caseNumber, staff, window, now(),
                "差评未在" + limits.describe(HallDutyLimits.EVALUATION_RECTIFICATION) + "内完成整改回复 / rectification overdue");
    }

    public List<Satisfaction> satisfaction(YearMonth month) {
        ZoneId zone = calendars.calendar().zone();
        return evaluations.satisfaction(month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()).stream()
                .map(w -> new Satisfaction(w.window(), directory.windowName(w.window()), w.ratings(), w.satisfied(),
                        percent(w.satisfied(), w.ratings()), w.badConfirmed(), w.rectified(), percent(w.rectified(), w.badConfirmed())))
                .toList();
    }

    private static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    EvaluationView view(Evaluation e) {
        return new EvaluationView(e.caseNumber(), e.rating(), LABELS.get(e.rating() - 1), e.comment(), e.state().name());
    }

    private static int rating(Object value) {
        try {
            int rating = value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).strip());
            if (rating >= 1 && rating <= 5) {
                return rating;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalidField("rating", "评价必须是1到5的整数(5=非常满意, 1=非常不满意)", "must be a whole number from 1 to 5");
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
