package org.bianmin.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bianmin.calendar.CalendarService;
import org.bianmin.catalogue.CatalogueService;
import org.bianmin.catalogue.Material;
import org.bianmin.cases.classification.Classification;
import org.bianmin.cases.classification.Classifier;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.bianmin.inquiries.Inquiry;
import org.bianmin.inquiries.InquiryRepository;
import org.bianmin.notices.Notice;
import org.bianmin.notices.NoticeRepository;
import org.bianmin.notices.NoticeType;
import org.bianmin.sla.SlaPlan;
import org.bianmin.sla.SlaPlanner;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers an application — one service behind the REST API and the Tasklist intake form:
 * validate, classify with the rule tables, number, time, issue notices, start the next process.
 * All in one transaction: a refusal leaves no case, no notice, no process and no used number.
 */
@Service
public class CaseRegistrationService {

    private static final Logger log = LoggerFactory.getLogger(CaseRegistrationService.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final RegistrationValidator validator;
    private final Classifier classifier;
    private final SlaPlanner planner;
    private final CaseRepository cases;
    private final NoticeRepository notices;
    private final InquiryRepository inquiries;
    private final CaseEventRepository events;
    private final CaseProcesses processes;
    private final CaseViews views;
    private final CatalogueService catalogue;
    private final CalendarService calendars;
    private final ZoneId zone;
    private final SupplementDeadline supplementDeadline;
    private final CommitmentVerification commitments;
    private final JustRegistered justRegistered;

    public CaseRegistrationService(RegistrationValidator validator, Classifier classifier, SlaPlanner planner,
                                   CaseRepository cases, NoticeRepository notices, InquiryRepository inquiries,
                                   CaseEventRepository events, CaseProcesses processes, CaseViews views,
                                   CatalogueService catalogue, CalendarService calendars,
                                   SupplementDeadline supplementDeadline, CommitmentVerification commitments,
                                   JustRegistered justRegistered) {
        this.justRegistered = justRegistered;
        this.supplementDeadline = supplementDeadline;
        this.commitments = commitments;
        this.validator = validator;
        this.classifier = classifier;
        this.planner = planner;
        this.cases = cases;
        this.notices = notices;
        this.inquiries = inquiries;
        this.events = events;
        this.processes = processes;
        this.views = views;
        this.catalogue = catalogue;
        this.calendars = calendars;
        this.zone = calendars.calendar().zone();
    }

    /** Registers through the API: the case's root process starts after its registration step. */
    @Transactional
    public RegistrationResult register(RegistrationRequest request, String registeredBy) {
        return register(request, registeredBy, processes::launch);
    }

    /** Registers and hands the case to its process: {@code launch} starts it or attaches it to the running intake. */
    @Transactional
    public RegistrationResult register(RegistrationRequest request, String registeredBy, CaseProcesses.Launch launch) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        RegistrationValidator.ValidApplication app = validator.validate(request, now);
        Classification decided = classifier.classify(new Classifier.Application(app.item(), app.materials(),
                app.lawful(), app.consultationOnly(), app.petition(), app.major()));

        if (decided.disposition() == Disposition.CONSULTATION) {
            long inquiryId = inquiries.insert(new Inquiry(null, app.receivedAt() == null ? now : app.receivedAt(),
                    "WINDOW", app.applicant().name(), app.applicant().organization(), app.applicant().phone(),
                    app.item().code(), app.matter() == null ? "咨询: " + app.item().name() : app.matter(),
                    app.answer() == null ? decided.reason() : app.answer(), null, registeredBy));
            log.info("Consultation about {} logged as inquiry {} by {}", app.item().code(), inquiryId, registeredBy);
            return new RegistrationResult(null, decided.disposition(), decided.disposition().label(), null, null, null,
                    null, null, List.of(), decided.reason(), decided.basis(), List.of(), inquiryId, List.of());
        }

        if (app.acceptOnPromise() && decided.disposition() != Disposition.SUPPLEMENT) {
            throw ApiException.invalidField("acceptOnPromise", decided.disposition() == Disposition.ACCEPTED
                            ? "材料齐全, 无需容缺受理" : "容缺受理只适用于申请合法、主件齐全而次要材料欠缺的申请(本申请: "
                            + decided.disposition().label() + ")",
                    "acceptance on a promise is only for a lawful application with its main materials (this one: "
                            + decided.disposition() + ")");
        }
        if (app.commitment() && decided.disposition() != Disposition.SUPPLEMENT && decided.disposition() != Disposition.ACCEPTED) {
            throw ApiException.invalidField("commitment", "告知承诺制只适用于申请合法、主件齐全的申请(本申请: "
                    + decided.disposition().label() + ")", "a commitment is only for a lawful application with its main materials");
        }
        // 容缺受理: accepted with the clock running; the missing materials are owed by the promised date
        boolean onPromise = app.acceptOnPromise();
        // 告知承诺制: accepted on the written commitment, which replaces the proofs still missing; checked after the decision
        boolean onCommitment = app.commitment();
        List<String> committed = onCommitment ? decided.missingMaterials().stream().map(Material::code).toList() : List.of();
        Disposition disposition = onPromise || onCommitment ? Disposition.ACCEPTED : decided.disposition();
        Instant receivedAt = app.receivedAt() == null ? now : app.receivedAt();
        String caseNumber = "BM" + DAY.format(now.atZone(zone)) + "-"
                + String.format("%04d", cases.nextNumber(LocalDate.ofInstant(now, zone)));
        SlaPlan plan = decided.timeLimit() == null ? null : planner.plan(app.item().window(), receivedAt, decided.timeLimit());
        CaseState state = switch (disposition) {
            case RETURNED -> CaseState.RETURNED;
            case SUPPLEMENT -> CaseState.WAITING_SUPPLEMENT;
            default -> CaseState.IN_PROGRESS;
        };
        CaseRecord record = CaseRecord.builder()
                .caseNumber(caseNumber).itemCode(app.item().code()).itemName(app.item().name())
                .department(app.item().department()).window(app.item().window())
                .disposition(disposition).caseType(decided.caseType()).state(state)
                .applicant(app.applicant()).lawful(app.lawful()).petition(app.petition()).major(app.major())
                .submittedMaterials(new ArrayList<>(app.materials()))
                .missingMaterials(onCommitment ? List.of() : decided.missingMaterials().stream().map(Material::code).toList())
                .commitment(onCommitment)
                .reason(onCommitment ? CommitmentVerification.REASON : decided.reason())
                .basis(onCommitment ? commitments.basis() : decided.basis())
                .receivedAt(receivedAt).registeredAt(now).registeredBy(registeredBy)
                .limitDays(decided.timeLimit() == null ? null : decided.timeLimit().days())
                .limitMinutes(decided.timeLimit() == null ? null : decided.timeLimit().minutes())
                .extensionMaxDays(decided.timeLimit() == null ? 0 : decided.timeLimit().extensionMaxDays())
                .extensionMaxCount(decided.timeLimit() == null ? 0 : decided.timeLimit().extensionMaxCount())
                .escalateToDirectors(decided.timeLimit() != null && decided.timeLimit().escalateToDirectors())
                .handoverMinutes(decided.timeLimit() == null ? null : decided.timeLimit().handoverMinutes())
                .partPercent(decided.timeLimit() == null ? null : decided.timeLimit().partPercent())
                .deadline(plan == null ? null : plan.deadline()).warnAt(plan == null ? null : plan.warnAt())
                .pausedSince(state == CaseState.WAITING_SUPPLEMENT ? now : null)
                .supplementDue(state == CaseState.WAITING_SUPPLEMENT ? supplementDeadline.from(app.item().window(), now)
                        : onPromise ? supplementDeadline.promised(app.item().window(), now, plan == null ? null : plan.deadline()) : null)
                .classificationVersion(decided.classificationVersion()).timeLimitVersion(decided.timeLimitVersion())
                .firedRules(decided.firedRules()).endedAt(state == CaseState.RETURNED ? now : null)
                .catalogueVersion(catalogue.version()).calendarVersion(calendars.version())
                .build();
        cases.insert(record);

        List<String> missing = record.missingMaterials();
        List<Notice> issued = new ArrayList<>();
        NoticeIssuer issue = (type, materials, details) -> issued.add(notices.issueFirst(caseNumber, type, now, registeredBy, materials, details));
        switch (disposition) {
            case ACCEPTED -> {
                if (onPromise) {
                    issue.accept(NoticeType.ACCEPTANCE, missing, supplementDeadline.promiseDetails(record));
                    issue.accept(NoticeType.PROMISE, missing, supplementDeadline.noticeDetails(record));
                } else if (onCommitment) {
                    issue.accept(NoticeType.ACCEPTANCE, List.of(), commitments.acceptanceDetails());
                    issue.accept(NoticeType.COMMITMENT, committed, commitments.noticeDetails());
                } else {
                    issue.accept(NoticeType.ACCEPTANCE, List.of(), Map.of());
                }
            }
            case SUPPLEMENT -> {
                issue.accept(NoticeType.ACCEPTANCE, missing, Map.of());
                issue.accept(NoticeType.SUPPLEMENT, missing, supplementDeadline.noticeDetails(record));
            }
            case RETURNED -> issue.accept(NoticeType.NON_ACCEPTANCE, missing, Map.of());
            default -> throw new IllegalStateException(decided.disposition().name());
        }
        // the applicant takes home what the centre received, whatever the outcome
        issue.accept(NoticeType.RECEIPT, record.submittedMaterials(), Map.of());
        events.record(CaseEventType.CASE_REGISTERED, caseNumber, registeredBy, app.item().window(), now,
                disposition + (decided.caseType() == null ? "" : "/" + decided.caseType()) + (onPromise ? " " + CaseEventWording.PROMISE : "")
                        + (onCommitment ? " " + CaseEventWording.COMMITMENT : ""));
        if (record.lateAtRegistration()) {
            // nobody's ordinary overdue: the time passed before the application reached the window
            events.record(CaseEventType.LATE_REGISTRATION, caseNumber, null, app.item().window(), now, lateRegistrationNote(record));
        }
        justRegistered.remember(record, issued);
        launch.registered(record, processes.registrationVariables(record, issued));
        log.info("Registered {} ({} {}) for {} by {}: {} rules {}", caseNumber, app.item().code(), decided.disposition(),
                app.applicant().display(), registeredBy, decided.caseType(), decided.firedRules());
        return views.registrationResult(record, issued);
    }

    /** One notice of the case being registered: the first of its type. */
    @FunctionalInterface
    private interface NoticeIssuer {
        void accept(NoticeType type, List<String> materials, Map<String, String> details);
    }

    private String lateRegistrationNote(CaseRecord c) {
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("M月d日 HH:mm");
        java.time.ZoneId zone = calendars.calendar().zone();
        return "收件" + time.format(c.receivedAt().atZone(zone)) + ", 登记" + time.format(c.registeredAt().atZone(zone)) + ": 自收件起算的时限"
                + (c.overdueAtRegistration() ? "在登记前已届满(" + time.format(c.deadline().atZone(zone)) + ")"
                : "在登记时已进入预警期(" + time.format(c.warnAt().atZone(zone)) + "预警, " + time.format(c.deadline().atZone(zone)) + "届满)")
                + ", 超期责任由督查确定, 不计为登记人的超期办件";
    }
}
