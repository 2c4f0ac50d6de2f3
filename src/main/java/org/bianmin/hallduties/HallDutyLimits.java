package org.bianmin.hallduties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bianmin.rules.InForce;
import org.bianmin.calendar.CalendarService;
import org.bianmin.calendar.WorkingCalendar;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The hall-duty limits in force (rule table {@code rules/hall-duties/limits.csv}): how long a
 * complaint reply and the rectification of a bad rating may take, within how many hours a proxy
 * delivers a case, how long before an appointment the booked person is reminded and within how
 * long a person who cannot serve an appointment contacts the applicant.
 * BPMN timers call it by name, e.g. {@code ${hallDutyLimits.after('complaint.reply', registeredAt)}}.
 */
@Component("hallDutyLimits")
public class HallDutyLimits {

    public static final String COMPLAINT_REPLY = "complaint.reply";
    public static final String EVALUATION_RECTIFICATION = "evaluation.rectification";
    public static final String PROXY_DELIVERY = "proxy.delivery";
    public static final String APPOINTMENT_REMINDER = "appointment.reminder";
    public static final String APPOINTMENT_CONTACT = "appointment.contact";
    /** Limits of case and supervision steps that the processes' due dates read (by key, in the BPMN). */
    public static final String DENIAL_FILING = "denial.filing";
    public static final String EXTENSION_DECISION = "extension.decision";
    public static final String DELAY_DECISION = "delay.decision";
    public static final String ACCOUNTABILITY_REVIEW = "accountability.review";
    /** 补正期限: how long an applicant has to bring the materials a supplement notice lists. */
    public static final String SUPPLEMENT_DEADLINE = "supplement.deadline";
    /** 告知承诺制: within how long after an approval on a commitment its window checks the commitment. */
    public static final String COMMITMENT_VERIFICATION = "commitment.verification";
    /** 督办单: within how long the responsible person replies what was done; later, the directors are told (二次督办). */
    public static final String SUPERVISION_REPLY = "supervision.reply";
    /** 陈述申辩: within how long the person a proposed accountability record names may answer it before it is decided. */
    public static final String ACCOUNTABILITY_STATEMENT = "accountability.statement";
    /** Schedule and score of the monthly routines: the base score, and the days of the next month they are due by. */
    public static final String ASSESSMENT_BASE_SCORE = "assessment.base-score";
    public static final String ASSESSMENT_PUBLISH_BY = "assessment.publish-by";
    /** 申诉: within how long after a month's publication a person may appeal against his line. */
    public static final String ASSESSMENT_APPEAL = "assessment.appeal";
    public static final String DENIAL_REPORT_BY = "denial-report.due-by";
    /** How many calendar days after a case (or any process) ended the engine keeps its history; our tables keep the case file. */
    public static final String ENGINE_HISTORY_RETENTION = "engine-history.retention";

    static final String FILE = "limits.csv";

    /** What each key is, in Chinese, for the editor's dropdown. */
    public static final Map<String, String> KEY_LABELS = keyLabels();

    private static Map<String, String> keyLabels() {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        labels.put(COMPLAINT_REPLY, "投诉答复时限");
        labels.put(EVALUATION_RECTIFICATION, "差评核实整改时限");
        labels.put(PROXY_DELIVERY, "代办员送达时限");
        labels.put(APPOINTMENT_REMINDER, "预约提前提醒");
        labels.put(APPOINTMENT_CONTACT, "不能接待时联系申请人时限");
        labels.put(DENIAL_FILING, "否定报备时限");
        labels.put(EXTENSION_DECISION, "延期审批时限");
        labels.put(DELAY_DECISION, "滞办告知审批时限");
        labels.put(ACCOUNTABILITY_REVIEW, "问责记录审核时限");
        labels.put(SUPPLEMENT_DEADLINE, "补正期限");
        labels.put(COMMITMENT_VERIFICATION, "告知承诺核查时限");
        labels.put(SUPERVISION_REPLY, "督办单回复时限");
        labels.put(ACCOUNTABILITY_STATEMENT, "问责陈述申辩时限");
        labels.put(ASSESSMENT_BASE_SCORE, "月度考核基础分");
        labels.put(ASSESSMENT_PUBLISH_BY, "月度考核发布截止日");
        labels.put(ASSESSMENT_APPEAL, "考核申诉时限");
        labels.put(DENIAL_REPORT_BY, "否定报备月报报送截止日");
        labels.put(ENGINE_HISTORY_RETENTION, "流程引擎历史保留期");
        return java.util.Collections.unmodifiableMap(labels);
    }

    private final CalendarService calendars;
    private final InForce<Map<String, LimitTable.Limit>> inForce =
            new InForce<>("hall-duties", "bundled", LimitTable.parse(bundled()));

    public HallDutyLimits(CalendarService calendars) {
        this.calendars = calendars;
    }

    /**
     * For BPMN due dates and timers, {@code ${hallDutyLimits.due('denial.filing', deniedAt)}}: one name
     * with one signature, so the expression language never has to choose between overloads.
     */
    public Date due(String key, Date from) {
        return after(key, from);
    }

    /** The moment a limit counted from {@code from} runs out (working days end at the close of office hours). */
    public Date after(String key, Date from) {
        return Date.from(after(key, from.toInstant()));
    }

    public Instant after(String key, Instant from) {
        LimitTable.Limit limit = duration(key);
        if (limit.unit() == LimitTable.Unit.POINTS || limit.unit() == LimitTable.Unit.DAY_OF_NEXT_MONTH) {
            throw notADuration(limit);
        }
        return after(key, from, calendars.calendar());
    }

    /** On a given calendar: a case's window's, where the limit is the applicant's (补正期限). */
    public Instant after(String key, Instant from, WorkingCalendar calendar) {
        LimitTable.Limit limit = duration(key);
        return switch (limit.unit()) {
            case WORKING_DAYS -> calendar.afterWorkingDays(from, limit.value());
            case WORKING_HOURS -> calendar.afterWorkingMinutes(from, limit.value() * 60L);
            case WORKING_MINUTES -> calendar.afterWorkingMinutes(from, limit.value());
            case HOURS -> from.plus(Duration.ofHours(limit.value()));
            case MINUTES -> from.plus(Duration.ofMinutes(limit.value()));
            case POINTS, DAY_OF_NEXT_MONTH, DAYS -> throw notADuration(limit);
        };
    }

    /**
     * The moment a limit ends that runs out at {@code until}, e.g. a reminder 60 working minutes
     * before an appointment (working time counted backwards; office hours of working days only).
     */
    public Instant before(String key, Instant until) {
        LimitTable.Limit limit = duration(key);
        WorkingCalendar calendar = calendars.calendar();
        return switch (limit.unit()) {
            case WORKING_DAYS -> beforeWorkingMinutes(calendar, until, limit.value() * workingDayMinutes(calendar));
            case WORKING_HOURS -> beforeWorkingMinutes(calendar, until, limit.value() * 60L);
            case WORKING_MINUTES -> beforeWorkingMinutes(calendar, until, limit.value());
            case HOURS -> until.minus(Duration.ofHours(limit.value()));
            case MINUTES -> until.minus(Duration.ofMinutes(limit.value()));
            case POINTS, DAY_OF_NEXT_MONTH, DAYS -> throw notADuration(limit);
        };
    }

    /** A number of calendar days of the table, e.g. how long the engine keeps the history of an ended process. */
    public int days(String key) {
        LimitTable.Limit limit = limit(key);
        if (limit.unit() != LimitTable.Unit.DAYS) {
            throw new IllegalStateException(key + " is not a number of days");
        }
        return limit.value();
    }

    /** A score of the table, e.g. the assessment's base score. */
    public int points(String key) {
        LimitTable.Limit limit = limit(key);
        if (limit.unit() != LimitTable.Unit.POINTS) {
            throw new IllegalStateException(key + " is not a score");
        }
        return limit.value();
    }

    /** The day of the month after {@code month} a routine is due by, e.g. the 5th for the assessment. */
    public java.time.LocalDate dayOfNextMonth(String key, java.time.YearMonth month) {
        LimitTable.Limit limit = limit(key);
        if (limit.unit() != LimitTable.Unit.DAY_OF_NEXT_MONTH) {
            throw new IllegalStateException(key + " is not a day of the month");
        }
        return month.plusMonths(1).atDay(limit.value());
    }

    private LimitTable.Limit duration(String key) {
        LimitTable.Limit limit = limit(key);
        if (!limit.unit().isDuration()) {
            throw notADuration(limit);
        }
        return limit;
    }

    private static IllegalStateException notADuration(LimitTable.Limit limit) {
        return new IllegalStateException(limit.key() + " is not a duration but " + limit.unit());
    }

    private static long workingDayMinutes(WorkingCalendar calendar) {
        return calendar.officeHours().periods().stream().mapToLong(p -> Duration.between(p.start(), p.end()).toMinutes()).sum();
    }

    /** The latest minute from which {@code minutes} of office time pass until {@code until} (searching back at most a year). */
    private static Instant beforeWorkingMinutes(WorkingCalendar calendar, Instant until, long minutes) {
        long low = 0; // minutes back: not enough working time
        long high = Duration.ofDays(366).toMinutes();
        if (calendar.workingMinutesBetween(until.minus(Duration.ofMinutes(high)), until) < minutes) {
            throw new IllegalStateException("no " + minutes + " working minutes within a year before " + until);
        }
        while (high - low > 1) {
            long middle = (low + high) / 2;
            if (calendar.workingMinutesBetween(until.minus(Duration.ofMinutes(middle)), until) >= minutes) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return until.minus(Duration.ofMinutes(high));
    }

    /** "5个工作日", for texts shown to people. */
    public String describe(String key) {
        LimitTable.Limit limit = limit(key);
        return limit.value() + limit.unit().label();
    }

    public LimitTable.Limit limit(String key) {
        LimitTable.Limit limit = inForce.value().get(key);
        if (limit == null) {
            throw new IllegalStateException("hall-duty limit " + key + " is not in the rule table");
        }
        return limit;
    }


    public String version() {
        return inForce.label();
    }

    InForce<Map<String, LimitTable.Limit>> inForce() {
        return inForce;
    }

    static String bundled() {
        try (var in = new ClassPathResource("rules/hall-duties/" + FILE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules/hall-duties/" + FILE, e);
        }
    }
}
