package org.bianmin.cases.process;

import org.bianmin.engine.ActingUser;
import org.bianmin.cases.RegistrationRequest;
import org.bianmin.cases.RegistrationResult;
import org.bianmin.cases.CaseProcesses;
import org.bianmin.cases.CaseRegistrationService;
import org.bianmin.cases.CaseRepository;
import org.bianmin.cases.IdempotentRegistration;
import org.bianmin.cases.CaseSummary;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 受理登记 (intake, Tasklist): turns the clerk's start form into a registration — the same
 * service as {@code POST /api/cases} — and shows the result in the next task.
 */
@Component("registerCaseDelegate")
public class RegisterCaseDelegate implements JavaDelegate {

    /** The intake form's fields that hold personal data. */
    static final java.util.List<String> PERSONAL_VARIABLES = java.util.List.of("applicantIdNumber", "applicantPhone");

    private final CaseRegistrationService registration;
    private final CaseRepository cases;
    private final CaseSummary summary;
    private final ActingUser actor;
    private final IdempotentRegistration submissions;

    public RegisterCaseDelegate(CaseRegistrationService registration, CaseRepository cases, CaseSummary summary,
                                ActingUser actor, IdempotentRegistration submissions) {
        this.submissions = submissions;
        this.registration = registration;
        this.cases = cases;
        this.summary = summary;
        this.actor = actor;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String itemCode = ProcessVariables.string(execution, "itemCode");
        String materialsKey = "materials_" + (itemCode == null ? "" : itemCode.replace('-', '_'));
        RegistrationRequest request = new RegistrationRequest(itemCode,
                new RegistrationRequest.ApplicantInput(ProcessVariables.string(execution, "applicantName"),
                        ProcessVariables.string(execution, "applicantIdNumber"),
                        ProcessVariables.string(execution, "applicantPhone"),
                        ProcessVariables.string(execution, "applicantOrganization")),
                ProcessVariables.stringList(execution, materialsKey),
                ProcessVariables.bool(execution, "lawful"), ProcessVariables.bool(execution, "consultationOnly"),
                ProcessVariables.bool(execution, "petition"), ProcessVariables.bool(execution, "major"), null,
                ProcessVariables.string(execution, "matter"), ProcessVariables.string(execution, "answer"),
                ProcessVariables.bool(execution, "acceptOnPromise"), ProcessVariables.bool(execution, "commitment"));
        // personal data lives in case_record only: the form's values leave the engine in this
        // transaction (history keeps masks, see PersonalDataHistoryPlugin)
        PERSONAL_VARIABLES.forEach(execution::removeVariable);
        String clerk = actor.of(execution, "registeredBy");
        // a double click on 开始 submits the same form twice: the second is refused, not a second case
        submissions.claimTasklistSubmission(request, clerk);
        RegistrationResult result = registration.register(request, clerk, CaseProcesses.attachedTo(execution));
        submissions.answerTasklistSubmission(request, clerk, result.caseNumber());

        execution.setVariable("disposition", result.disposition().name());
        if (result.caseNumber() == null) {
            execution.setVariable("caseSummary", "**咨询件**: 已登记到首问登记簿(编号 " + result.inquiryId() + "), 无需立案。  \n"
                    + "**答复**: " + (result.reason() == null ? "" : result.reason()));
            return;
        }
    }
}
