package org.bianmin.cases;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.Valid;

import org.bianmin.web.Text;
import org.bianmin.web.TimeText;
import jakarta.validation.constraints.Size;

import java.util.List;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Action;
import org.bianmin.identity.Authorized;
import org.bianmin.notices.Notice;
import org.bianmin.notices.NoticeRenderer;
import org.bianmin.notices.NoticeRepository;
import org.bianmin.notices.NoticeType;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseRegistrationService registration;
    private final CaseRepository cases;
    private final CaseViews views;
    private final SupplementService supplements;
    private final NoticeRepository notices;
    private final NoticeRenderer renderer;
    private final TaskService tasks;
    private final CaseAdjustments adjustments;
    private final CaseAccess access;
    private final IdempotentRegistration idempotent;
    private final CaseSearch search;
    private final CaseActions actions;
    private final NoticeReissue reissue;

    CaseController(CaseRegistrationService registration, CaseRepository cases, CaseViews views,
                   SupplementService supplements, NoticeRepository notices, NoticeRenderer renderer, TaskService tasks,
                   CaseAdjustments adjustments, CaseAccess access, IdempotentRegistration idempotent,
                   CaseSearch search, CaseActions actions, NoticeReissue reissue) {
        this.actions = actions;
        this.reissue = reissue;
        this.idempotent = idempotent;
        this.search = search;
        this.registration = registration;
        this.cases = cases;
        this.views = views;
        this.supplements = supplements;
        this.notices = notices;
        this.renderer = renderer;
        this.tasks = tasks;
        this.adjustments = adjustments;
        this.access = access;
    }

    @Authorized(Action.CASE_REGISTER)
    @PostMapping
    ResponseEntity<?> register(@Valid @RequestBody RegistrationRequest request,
                               @RequestHeader(name = IdempotentRegistration.HEADER, required = false) String key,
                               CurrentUser user) {
        if (key == null) {
            return ResponseEntity.status(HttpStatus.CREATED).body(registration.register(request, user.id()));
        }
        IdempotentRegistration.checkKey(key);
        IdempotentRegistration.Answer answer;
        try {
            answer = idempotent.register(request, user.id(), key);
        } catch (org.springframework.dao.DuplicateKeyException concurrentRetry) {
            answer = idempotent.afterConcurrentClaim(request, user.id(), key);
        }
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", String.valueOf(answer.replayed())).body(answer.json());
    }

    /**
     * 案件查询: by case number, applicant name, or the last 4 or more digits of the ID number or phone;
     * by item, window, state and registration day. Paged, newest first, masked for the clerks who do not
     * belong to a case.
     */
    @Authorized(Action.CASE_SEARCH)
    @GetMapping
    CaseSearch.Answer search(@RequestParam(required = false) String q, @RequestParam(required = false) String itemCode,
                             @RequestParam(required = false) String window, @RequestParam(required = false) String state,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String page, @RequestParam(required = false) String size,
                             CurrentUser user) {
        return search.search(new CaseSearch.Query(q, itemCode, window, state, from, to, page, size), user);
    }

    @Authorized(Action.CASE_READ)
    @GetMapping("/{caseNumber}")
    CaseDetails details(@PathVariable String caseNumber, CurrentUser user) {
        CaseRecord c = access.find(caseNumber);
        return views.details(c, access.belongs(user, c), actions.of(user, c));
    }

    record SupplementRequest(@Size(max = 100) List<@NotNull @Text(max = 64) String> materials) {
    }

    /** The applicant brings materials: completes the case's open supplement task, as the clerk's form does. */
    @Authorized(Action.CASE_SUPPLEMENT)
    @PostMapping("/{caseNumber}/supplements")
    CaseDetails supplement(@PathVariable String caseNumber, @Valid @RequestBody SupplementRequest request, CurrentUser user) {
        CaseRecord owing = supplements.check(caseNumber, request == null ? null : request.materials());
        if (SupplementService.isPromiseOwed(owing)) {
            // 容缺受理: no wait and no task, the work runs; the materials go straight to the case
            supplements.receive(caseNumber, request.materials(), user.id());
            return views.details(find(caseNumber));
        }
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(CaseProcesses.SUPPLEMENT).taskDefinitionKey("receiveSupplement").singleResult();
        if (task == null) {
            throw ApiException.conflict("NOT_WAITING_FOR_SUPPLEMENT", "案件没有待办的补正任务 / the case has no open supplement task");
        }
        // the clerk who received the materials is the one who did the step (the case file's timeline says so)
        if (task.getAssignee() == null) {
            tasks.claim(task.getId(), user.id());
        }
        tasks.complete(task.getId(), Variables.createVariables()
                .putValue("suppliedMaterials", Variables.objectValue(List.copyOf(request.materials()))
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create())
                .putValue("receivedBy", user.id()));
        return views.details(find(caseNumber));
    }

    record ExtensionRequest(Integer days, @Text(max = 500, multiline = true) String reason) {
    }

    /** A clerk asks to extend the case once; a director decides in Tasklist (process case-extension). */
    @Authorized(Action.CASE_EXTENSION)
    @PostMapping("/{caseNumber}/extensions")
    ResponseEntity<CaseDetails> requestExtension(@PathVariable String caseNumber, @Valid @RequestBody ExtensionRequest request,
                                                 CurrentUser user) {
        if (request == null) {
            throw ApiException.missingBody();
        }
        adjustments.checkExtension(caseNumber, request.days(), request.reason());
        adjustments.startExtension(caseNumber, request.days(), request.reason(), user.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(views.details(find(caseNumber)));
    }

    record DelayNoticeRequest(@TimeText(TimeText.Kind.DAY) String until, @Text(max = 500, multiline = true) String reason, @Text(max = 100) String contact) {
    }

    /** A case held for special reasons: the delay notice is issued once a director approves it. */
    @Authorized(Action.CASE_DELAY_NOTICE)
    @PostMapping("/{caseNumber}/delay-notices")
    ResponseEntity<CaseDetails> requestDelayNotice(@PathVariable String caseNumber, @Valid @RequestBody DelayNoticeRequest request,
                                                   CurrentUser user) {
        if (request == null) {
            throw ApiException.missingBody();
        }
        adjustments.startDelay(caseNumber, request.until(), request.reason(), request.contact(), user.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(views.details(find(caseNumber)));
    }

    record WithdrawalRequest(@Text(max = 500, multiline = true) String reason) {
    }

    /** The applicant withdraws (撤回): the case ends with its timers. */
    @Authorized(Action.CASE_WITHDRAWAL)
    @PostMapping("/{caseNumber}/withdrawal")
    CaseDetails withdraw(@PathVariable String caseNumber, @Valid @RequestBody(required = false) WithdrawalRequest request,
                         CurrentUser user) {
        adjustments.withdraw(caseNumber, request == null ? null : request.reason(), user.id());
        return views.details(find(caseNumber));
    }

    record DistrictResult(Boolean approved, @Text(max = 1000, multiline = true) String note) {
    }

    /** The district department's result of a forwarded case, reported by its system or a clerk. */
    @Authorized(Action.CASE_DISTRICT_RESULT)
    @PostMapping("/{caseNumber}/district-result")
    CaseDetails districtResult(@PathVariable String caseNumber, @Valid @RequestBody DistrictResult request, CurrentUser user) {
        if (request == null) {
            throw ApiException.missingBody();
        }
        adjustments.reportDistrictResult(caseNumber, request.approved(), request.note(), user.id());
        return views.details(find(caseNumber));
    }

    record ReissueRequest(@Text(max = 32) String type) {
    }

    /** A notice that states the deadline, issued again after a calendar change moved it. */
    @Authorized(Action.CASE_NOTICE_REISSUE)
    @PostMapping("/{caseNumber}/notices/reissue")
    ResponseEntity<RegistrationResult.NoticeView> reissue(@PathVariable String caseNumber, @Valid @RequestBody ReissueRequest request,
                                                          CurrentUser user) {
        if (request == null) {
            throw ApiException.missingBody();
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(views.noticeView(reissue.reissue(caseNumber, request.type(), user.id())));
    }

    @Authorized(Action.CASE_NOTICE_PRINT)
    @GetMapping(value = "/{caseNumber}/notices/{type}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> notice(@PathVariable String caseNumber, @PathVariable String type,
                                  @RequestParam(required = false) Integer sequence, CurrentUser user) {
        CaseRecord record = access.find(caseNumber);
        NoticeType noticeType = NoticeType.parse(type).orElseThrow(() -> ApiException.notFound("UNKNOWN_NOTICE_TYPE",
                "告知单类型不存在 / unknown notice type: " + type));
        Notice notice = notices.find(caseNumber, noticeType, sequence).orElseThrow(() -> ApiException.notFound(
                "NOTICE_NOT_ISSUED", "本案未出具" + noticeType.title() + " / no " + noticeType.slug() + " notice was issued for " + caseNumber));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(renderer.render(views.noticeDocument(record, notice)));
    }

    private CaseRecord find(String caseNumber) {
        return cases.find(caseNumber).orElseThrow(() -> SupplementService.unknownCase(caseNumber));
    }
}
