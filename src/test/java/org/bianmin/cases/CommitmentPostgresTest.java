package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.bianmin.hallduties.HallDutyLimits;
import org.bianmin.notices.NoticeType;
import org.bianmin.sla.SlaPlanner;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 告知承诺制: for an item the catalogue marks (WJ-002), the applicant's signed 告知承诺书 replaces the
 * proofs still missing; the case is accepted and worked as usual; once approved, its window checks the
 * commitment within the hall-duty limit, and an untrue one revokes the approval with a notice.
 * Refused (400, nothing stored) for an item without the mark and together with 容缺受理.
 */
class CommitmentPostgresTest extends CaseProcessTestSupport {

    /** Without 子女出生医学证明, which the commitment replaces. */
    static final List<String> WITHOUT_BIRTH_CERT = List.of("ID_CARD", "HOUSEHOLD_REGISTER", "PHOTO");

    @Autowired SlaPlanner planner;
    @Autowired HallDutyLimits limits;

    @Test
    void anApprovalOnACommitmentFoundUntrueIsRevokedWithANotice() {
        String caseNumber = registerOnCommitment();
        CaseRecord accepted = record(caseNumber);
        assertThat(accepted.disposition()).isEqualTo(Disposition.ACCEPTED);
        assertThat(accepted.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(accepted.commitment()).isTrue();
        assertThat(accepted.missingMaterials()).as("the commitment replaces them: nothing is owed").isEmpty();
        assertThat(accepted.supplementDue()).isNull();
        assertThat(notices.find(caseNumber, NoticeType.COMMITMENT, null).orElseThrow().materials()).containsExactly("BIRTH_CERT");
        assertThat(noticeHtml(caseNumber, "commitment")).contains("告知承诺书", "子女出生医学证明", "核查期限", "20个工作日",
                "国办发〔2020〕42号", "申请人(签字)");
        assertThat(noticeHtml(caseNumber, "acceptance")).contains("实行告知承诺制", "《告知承诺书》").doesNotContain("补报材料");
        assertThat(timelineNotes(caseNumber, "CASE_REGISTERED")).containsExactly("受理件, 承诺件, 告知承诺");

        approve(caseNumber);
        CaseRecord approved = record(caseNumber);
        assertThat(approved.state()).isEqualTo(CaseState.COMPLETED);
        ProcessInstance check = instance(caseNumber, CommitmentVerification.PROCESS);
        Task verify = openTask(check, "verifyCommitment");
        assertThat(candidateGroups(verify)).containsExactly("window-health");
        assertThat(verify.getDueDate().toInstant()).as("20 working days after the approval")
                .isEqualTo(planner.calendar("window-health").afterWorkingDays(approved.endedAt(), 20));
        assertThat(runtime.getVariable(check.getId(), "caseSummary").toString()).contains("以承诺代替的材料", "子女出生医学证明");

        completeAs("health-a", verify, Map.of("truthful", "false", "checkNote", "经向医院核实, 未查到子女出生医学证明记录"));

        BpmnAwareTests.assertThat(check).isEnded().hasPassed("recordCheck", "decisionRevoked");
        CaseRecord revoked = record(caseNumber);
        assertThat(revoked.state()).isEqualTo(CaseState.REVOKED);
        assertThat(events(caseNumber, "COMMITMENT_FALSE")).containsExactly("经向医院核实, 未查到子女出生医学证明记录");
        assertThat(notices.find(caseNumber, NoticeType.REVOCATION, null).orElseThrow().details())
                .containsEntry("核查情况", "经向医院核实, 未查到子女出生医学证明记录").containsEntry("核查人", "赵丽");
        assertThat(noticeHtml(caseNumber, "revocation")).contains("撤销决定告知书", "撤销该准予决定", "行政复议");
        JsonNode file = details(caseNumber);
        assertThat(file.path("stateLabel").asText()).isEqualTo("承诺不实, 已撤销");
        assertThat(timelineNotes(caseNumber, "COMMITMENT_FALSE")).hasSize(1);
    }

    @Test
    void aTrueCommitmentLeavesTheApprovalAndIsNoted() {
        String caseNumber = registerOnCommitment();
        approve(caseNumber);
        ProcessInstance check = instance(caseNumber, CommitmentVerification.PROCESS);
        completeAs("health-b", openTask(check, "verifyCommitment"), Map.of("truthful", "true", "checkNote", "已核实出生医学证明"));

        BpmnAwareTests.assertThat(check).isEnded().hasPassed("commitmentTrue");
        assertThat(record(caseNumber).state()).isEqualTo(CaseState.COMPLETED);
        assertThat(events(caseNumber, "COMMITMENT_VERIFIED")).containsExactly("已核实出生医学证明");
        assertThat(notices.find(caseNumber, NoticeType.REVOCATION, null)).isEmpty();
    }

    @Test
    void aCommitmentIsRefusedWhereItDoesNotApplyAndNothingIsStored() {
        long before = jdbc.queryForObject("select count(*) from case_record", Long.class);
        JsonNode unmarked = assertError(post("/api/cases", application("MZ-002", List.of("APPLICATION_FORM", "ID_CARD"), false), CLERK),
                400, "INVALID_FIELD");
        assertThat(unmarked.path("message").asText()).contains("commitment", "不适用告知承诺制");
        JsonNode both = assertError(post("/api/cases", application("WJ-002", WITHOUT_BIRTH_CERT, true), CLERK), 400, "INVALID_FIELD");
        assertThat(both.path("message").asText()).contains("告知承诺与容缺受理只能选择其一");
        JsonNode noMain = assertError(post("/api/cases", application("WJ-002", List.of("ID_CARD"), false), CLERK), 400, "INVALID_FIELD");
        assertThat(noMain.path("message").asText()).contains("主件齐全");
        assertThat(jdbc.queryForObject("select count(*) from case_record", Long.class)).isEqualTo(before);
        assertThat(limits.limit(HallDutyLimits.COMMITMENT_VERIFICATION).value()).isEqualTo(20);
    }

    private String registerOnCommitment() {
        HttpResponse<String> response = post("/api/cases", application("WJ-002", WITHOUT_BIRTH_CERT, false), CLERK);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String caseNumber = read(response).path("caseNumber").asText();
        track(caseNumber);
        return caseNumber;
    }

    /** The case's work to its approval: hand-over, review, the director's decision. */
    private void approve(String caseNumber) {
        ProcessInstance committed = instance(caseNumber, "committed-case");
        completeAs(CLERK, openTask(committed, "handOver"), Map.of("handlingNote", "已移交卫生健康办"));
        completeAs("health-a", openTask(committed, "review"), Map.of("reviewOutcome", "PASS", "handlingNote", "按承诺审核"));
        completeAs("director", openTask(committed, "decide"), Map.of("approved", "true", "handlingNote", "准予办理"));
        BpmnAwareTests.assertThat(committed).isEnded();
    }

    private String application(String item, List<String> materials, boolean alsoOnPromise) {
        return jsonBody(Map.of("itemCode", item, "materials", materials, "commitment", true, "acceptOnPromise", alsoOnPromise,
                "applicant", Map.of("name", "孙小红", "idNumber", CaseRegistrationPostgresTest.idNumber("11010519880808123"),
                        "phone", "13800138123")));
    }

    private List<String> timelineNotes(String caseNumber, String type) {
        return StreamSupport.stream(details(caseNumber).path("timeline").spliterator(), false)
                .filter(entry -> entry.path("type").asText().equals(type)).map(entry -> entry.path("note").asText()).toList();
    }
}
