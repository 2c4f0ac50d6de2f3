package org.bianmin.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import java.net.http.HttpResponse;
import org.bianmin.support.HallDutyTestSupport;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A/B cover: the roster, absences, hand-over of existing and new tasks and their return, vacancies. */
class AbCoverPostgresTest extends HallDutyTestSupport {

    @Autowired VacancyChecker vacancies;
    @Autowired HistoryService history;

    @Override
    protected Instant startClock() {
        return at("2026-09-16T09:00"); // a Wednesday
    }

    @Test
    void rosterListsTheDemoWindowsWithTheirABPersonsAndPresence() {
        JsonNode roster = getJson("/api/roster", "clerk");
        JsonNode general = generalPost(roster);
        assertThat(general.path("post").asText()).isEqualTo("综合受理岗");
        assertThat(general.path("a").asText()).isEqualTo("clerk");
        assertThat(general.path("b").asText()).isEqualTo("clerk2");
        assertThat(general.path("aName").asText()).isEqualTo("王芳");
        assertThat(general.path("aPresent").asBoolean()).isTrue();
        assertThat(roster).hasSize(7);
    }

    @Test
    void rosterChangesAreValidatedAndOnlyForSupervisors() {
        assertThat(send("PUT", "/api/roster/window-general", Map.of("a", "clerk2", "b", "clerk"), "clerk").statusCode()).isEqualTo(403);
        assertError(send("PUT", "/api/roster/window-nowhere", Map.of("a", "clerk", "b", "clerk2"), "supervisor"), 400, "INVALID_FIELD");
        assertError(send("PUT", "/api/roster/window-general", Map.of("a", "nobody", "b", "clerk2"), "supervisor"), 400, "INVALID_FIELD");
        assertError(send("PUT", "/api/roster/window-general", Map.of("a", "civil-a", "b", "clerk2"), "supervisor"), 400, "INVALID_FIELD");
        try {
            var swapped = send("PUT", "/api/roster/window-general", Map.of("a", "clerk2", "b", "clerk"), "supervisor");
            assertThat(swapped.statusCode()).as(swapped.body()).isEqualTo(200);
            assertThat(read(swapped).get(0).path("a").asText()).isEqualTo("clerk2");
        } finally {
            send("PUT", "/api/roster/window-general", Map.of("a", "clerk", "b", "clerk2"), "supervisor");
        }
    }

    @Test
    void badAbsencesAreRefusedAndNothingIsStored() {
        int before = count("select count(*) from staff_absence");
        assertError(post("/api/absences", absence("nobody", "2026-09-16T10:00", "2026-09-16T12:00"), "supervisor"), 400, "INVALID_FIELD");
        assertError(post("/api/absences", Map.of("staff", "clerk", "kind", "HOLIDAY", "from", iso("2026-09-16T10:00"),
                "until", iso("2026-09-16T12:00")), "supervisor"), 400, "INVALID_FIELD");
        assertError(post("/api/absences", absence("clerk", "2026-09-16T12:00", "2026-09-16T10:00"), "supervisor"), 400, "INVALID_FIELD");
        assertError(post("/api/absences", Map.of("staff", "clerk", "kind", "LEAVE", "from", "2026-09-16 10:00",
                "until", iso("2026-09-16T12:00")), "supervisor"), 400, "INVALID_FIELD");
        // a clerk records only their own absence
        assertThat(post("/api/absences", absence("clerk", "2026-09-16T10:00", "2026-09-16T12:00"), "clerk2").statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from staff_absence")).isEqualTo(before);

        created(post("/api/absences", absence("clerk", "2026-09-16T10:00", "2026-09-16T12:00"), "clerk"));
        assertError(post("/api/absences", absence("clerk", "2026-09-16T11:00", "2026-09-16T14:00"), "supervisor"), 400, "ABSENCE_OVERLAP");
        assertThat(count("select count(*) from staff_absence")).isEqualTo(before + 1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("staff-absence").count()).isEqualTo(1);

        JsonNode listed = getJson("/api/absences?staff=clerk&date=2026-09-16", "supervisor");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("kindLabel").asText()).isEqualTo("请假");
        assertThat(getJson("/api/absences?staff=clerk&date=2026-09-17", "supervisor")).isEmpty();
    }

    @Test
    void theTasklistFormRecordsAnAbsenceAsTheApiDoesWithTheSameChecks() {
        int before = count("select count(*) from staff_absence");
        // a clerk who leaves 工作人员 empty records their own leave, as Tasklist submits the start form
        HttpResponse<String> own = post("/engine-rest/process-definition/key/staff-absence/submit-form", startForm(null, "BUSINESS",
                "2026-09-16T14:00", "2026-09-16T16:00", "区政务服务中心业务培训"), "clerk");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        ProcessInstance started = runtime.createProcessInstanceQuery().processInstanceId(read(own).path("id").asText()).singleResult();
        JsonNode listed = getJson("/api/absences?staff=clerk&date=2026-09-16", "supervisor");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("kindLabel").asText()).isEqualTo("公出");
        assertThat(listed.get(0).path("note").asText()).isEqualTo("区政务服务中心业务培训");
        assertThat(listed.get(0).path("recordedBy").asText()).isEqualTo("clerk");
        assertThat(started.getBusinessKey()).as("one process per absence, named by it")
                .isEqualTo("absence-" + listed.get(0).path("id").asLong());
        BpmnAwareTests.assertThat(started).isWaitingAt("absenceBegins");

        // the same refusals as the API, in Chinese, and nothing stored
        HttpResponse<String> forSomeoneElse = post("/engine-rest/process-definition/key/staff-absence/submit-form",
                startForm("clerk", "LEAVE", "2026-09-17T09:00", "2026-09-17T12:00", null), "clerk2");
        assertThat(forSomeoneElse.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(forSomeoneElse.body()).contains("办事员只能登记本人的请假外出");
        HttpResponse<String> overlapping = post("/engine-rest/process-definition/key/staff-absence/submit-form",
                startForm("clerk", "LEAVE", "2026-09-16T15:00", "2026-09-16T17:00", null), "supervisor");
        assertThat(overlapping.body()).contains("时间重叠");
        assertThat(count("select count(*) from staff_absence")).isEqualTo(before + 1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("staff-absence").count()).isEqualTo(1);
    }

    private static Map<String, Object> startForm(String staff, String kind, String from, String until, String note) {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        if (staff != null) {
            variables.put("staff", Map.of("value", staff));
        }
        variables.put("kind", Map.of("value", kind));
        variables.put("leaveFrom", Map.of("value", iso(from)));
        variables.put("leaveUntil", Map.of("value", iso(until)));
        if (note != null) {
            variables.put("note", Map.of("value", note));
        }
        return Map.of("variables", variables);
    }

    @Test
    void existingAndNewTasksOfAbsentAGoToBWithAHandoverNoteAndComeBack() {
        Task assigned = referralTask(referral("clerk"));
        Task offered = referralTask(referral(null));
        tasks.addCandidateUser(offered.getId(), "clerk");
        Task groupTask = referralTask(referral(null));

        JsonNode leave = created(post("/api/absences", Map.of("staff", "clerk", "kind", "LEAVE", "from", iso("2026-09-16T10:00"),
                "until", iso("2026-09-17T09:00"), "note", "病假"), "supervisor"));
        ProcessInstance absence = instance("staff-absence", "absence-" + leave.path("id").asLong());
        fire(timer(absence, "absenceBegins"));

        Task moved = tasks.createTaskQuery().taskId(assigned.getId()).singleResult();
        assertThat(moved.getAssignee()).isEqualTo("clerk2");
        String note = (String) tasks.getVariableLocal(assigned.getId(), TaskCover.HANDOVER_NOTE);
        assertThat(note).contains("交接说明", "A岗 王芳", "请假", "病假", "2026-09-17 09:00", "B岗 李强").doesNotContain("(clerk");
        assertThat(comments(assigned)).containsExactly(note);
        assertThat(candidateUsers(offered)).containsExactly("clerk2");
        assertThat(tasks.getVariableLocal(groupTask.getId(), TaskCover.HANDOVER_NOTE)).isNull();
        assertThat(generalPost(getJson("/api/roster", "clerk2")).path("aPresent").asBoolean()).isFalse();

        // a task created for A during the absence goes straight to B, by any process
        Task created = referralTask(referral("clerk"));
        assertThat(created.getAssignee()).isEqualTo("clerk2");
        assertThat((String) tasks.getVariableLocal(created.getId(), TaskCover.HANDOVER_NOTE)).contains("交接说明");
        assertThat(tasks.createTaskQuery().taskAssignee("clerk").count()).isZero();

        fire(timer(absence, "absenceEnds"));
        for (Task task : List.of(assigned, created)) {
            assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("clerk");
            assertThat((String) tasks.getVariableLocal(task.getId(), TaskCover.HANDOVER_NOTE)).contains("返岗交回");
            assertThat(comments(task)).hasSize(2);
        }
        assertThat(candidateUsers(offered)).containsExactly("clerk");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(absence.getId()).count()).isZero();
        // the hand-over and the return stay with the task as its two comments (above); the engine keeps no identity-link history
    }

    @Test
    void nothingMovesWhenBIsAbsentOrWhenBIsAlsoAway() {
        Task task = referralTask(referral("clerk"));
        created(post("/api/absences", absence("clerk2", "2026-09-16T09:00", "2026-09-16T17:00"), "supervisor"));
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("clerk");
        // A leaves too: nobody present to cover, the task stays with A (and the post is vacant)
        created(post("/api/absences", absence("clerk", "2026-09-16T09:00", "2026-09-16T12:00"), "supervisor"));
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("clerk");
        assertThat(events("POST_VACANT")).singleElement().satisfies(e -> assertThat(e).startsWith("clerk|window-general|综合受理岗"));
    }

    @Test
    void aVacancyIsRecordedOncePerPostAndDayDuringOfficeHoursOnly() {
        clock(at("2026-11-18T08:00"));
        created(post("/api/absences", absence("clerk", "2026-11-18T11:00", "2026-11-18T16:00"), "supervisor"));
        created(post("/api/absences", absence("clerk2", "2026-11-18T11:00", "2026-11-18T16:00"), "supervisor"));
        created(post("/api/absences", absence("clerk", "2026-10-01T08:00", "2026-10-01T18:00"), "supervisor"));
        created(post("/api/absences", absence("clerk2", "2026-10-01T08:00", "2026-10-01T18:00"), "supervisor"));
        created(post("/api/absences", absence("clerk", "2026-11-21T08:00", "2026-11-21T18:00"), "supervisor"));
        created(post("/api/absences", absence("clerk2", "2026-11-21T08:00", "2026-11-21T18:00"), "supervisor"));
        suspendJobs();

        assertThat(vacancies.check(at("2026-11-18T10:30"))).isEmpty(); // both present
        assertThat(vacancies.check(at("2026-11-18T12:30"))).isEmpty(); // lunch
        assertThat(vacancies.check(at("2026-10-01T10:00"))).isEmpty(); // National Day
        assertThat(vacancies.check(at("2026-11-21T10:00"))).isEmpty(); // Saturday
        assertThat(events("POST_VACANT")).isEmpty();

        assertThat(vacancies.check(at("2026-11-18T13:30"))).extracting(RosterPost::window).containsExactly("window-general");
        assertThat(vacancies.check(at("2026-11-18T15:00"))).isEmpty(); // once a day
        assertThat(events("POST_VACANT")).singleElement().satisfies(e ->
                assertThat(e).startsWith("clerk|window-general|").contains("王芳", "李强", "均不在岗"));
        Task warning = tasks.createTaskQuery().processDefinitionKey(VacancyChecker.PROCESS).taskCandidateGroup("supervisors").singleResult();
        assertThat(warning).isNotNull();
        assertThat((String) runtime.getVariable(warning.getProcessInstanceId(), "summary")).contains("岗位空缺", "综合受理窗口");
    }

    private static JsonNode generalPost(JsonNode roster) {
        return StreamSupport.stream(roster.spliterator(), false)
                .filter(p -> p.path("window").asText().equals("window-general")).findFirst().orElseThrow();
    }

    private Map<String, String> absence(String staff, String from, String until) {
        return Map.of("staff", staff, "kind", "LEAVE", "from", iso(from), "until", iso(until));
    }

    /** A first inquiry referred to window-general (and to a person): the referred task is a real process task. */
    private long referral(String person) {
        var body = new java.util.HashMap<String, String>(Map.of("name", "钱多多", "channel", "PHONE", "phone", "13912345678",
                "matter", "个体户营业执照变更需要什么材料", "referredTo", "window-general"));
        if (person != null) {
            body.put("referredPerson", person);
        }
        return created(post("/api/inquiries", body, "civil-a")).path("id").asLong();
    }

    private Task referralTask(long inquiryId) {
        return openTask(instance("inquiry-referral", "inquiry-" + inquiryId), "answerReferral");
    }

    private List<String> comments(Task task) {
        return tasks.getTaskComments(task.getId()).stream().map(Comment::getFullMessage).toList();
    }

    private List<String> candidateUsers(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
                .map(IdentityLink::getUserId).toList();
    }

}
