package org.bianmin.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.support.HallDutyTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Appointments (预约): booking rules, reminder in working time, cancelled / missed / cannot serve, urgent off-hours approval. */
class AppointmentsPostgresTest extends HallDutyTestSupport {

    private static final String PHONE = "13912345678";

    private final List<Long> booked = new ArrayList<>();

    @Override
    protected Instant startClock() {
        return at("2026-09-16T10:00"); // Wednesday; Saturday Sep 19 is a rest day, office hours 8:30-12:00, 13:30-17:30
    }

    @AfterEach
    void deleteAppointments() {
        booked.forEach(id -> jdbc.update("delete from appointment where id = ?", id));
    }

    @Test
    void badBookingsAreRefusedAndAKeptOneRemindsThePersonInWorkingTime() {
        int before = count("select count(*) from appointment");
        assertError(post("/api/appointments", booking(b -> b.put("phone", "12345")), "clerk"), 400, "INVALID_FIELD");
        assertError(post("/api/appointments", booking(b -> b.put("channel", "FAX")), "clerk"), 400, "INVALID_FIELD");
        assertError(post("/api/appointments", booking(b -> b.put("window", "window-nowhere")), "clerk"), 400, "INVALID_FIELD");
        assertError(post("/api/appointments", booking(b -> b.put("person", "nobody")), "clerk"), 400, "INVALID_FIELD");
        assertError(post("/api/appointments", booking(b -> b.remove("person")), "clerk"), 400, "INVALID_FIELD");
        assertError(post("/api/appointments", booking(b -> b.put("person", "supervisor")), "clerk"), 400, "INVALID_FIELD"); // no window
        assertError(post("/api/appointments", booking(b -> b.put("at", iso("2026-09-15T10:00"))), "clerk"), 400, "INVALID_FIELD");
        assertError(post("/api/appointments", booking(b -> b.put("at", "2026-09-17 10:00")), "clerk"), 400, "INVALID_FIELD");
        assertError(post("/api/appointments", booking(b -> b.put("matter", "办".repeat(501))), "clerk"), 400, "INVALID_FIELD");
        assertError(post("/api/appointments", booking(b -> b.put("matter", " ")), "clerk"), 400, "INVALID_FIELD");
        assertError(post("/api/appointments", booking(b -> b.put("at", iso("2026-09-19T10:00"))), "clerk"), 400, "INVALID_FIELD");
        assertError(post("/api/appointments", booking(b -> b.put("at", iso("2026-09-17T12:30"))), "clerk"), 400, "INVALID_FIELD");
        assertError(post("/api/appointments", booking(b -> { }), "ruleadmin"), 403, "FORBIDDEN");
        assertThat(count("select count(*) from appointment")).isEqualTo(before);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AppointmentService.PROCESS).count()).isZero();

        JsonNode appointment = book(booking(b -> { }), "clerk2");
        assertThat(appointment.path("state").asText()).isEqualTo("BOOKED");
        assertThat(appointment.path("phone").asText()).isEqualTo("139****5678");
        assertThat(appointment.path("window").asText()).isEqualTo("window-general");
        assertThat(appointment.path("reminderAt").asText()).startsWith("2026-09-17T09:00"); // 60 working minutes before 10:00
        long id = appointment.path("id").asLong();
        assertThat(count("select count(*) from appointment")).isEqualTo(before + 1);

        ProcessInstance process = instance(AppointmentService.PROCESS, "appointment-" + id);
        assertThat(process).isWaitingAt("reminderDue");
        fire(timer(process, "reminderDue"));
        Task reminder = openTask(process, "serveAppointment");
        assertThat(reminder.getAssignee()).isEqualTo("clerk");
        assertThat(tasks.createTaskQuery().taskId(reminder.getId()).taskCandidateGroup("window-general").includeAssignedTasks().count()).isEqualTo(1);
        assertThat(reminder.getDueDate().toInstant()).isEqualTo(at("2026-09-17T10:00"));
        assertThat((String) runtime.getVariable(process.getId(), "summary"))
                .contains("钱多多", "139****5678", "2026-09-17 10:00", "食品经营许可证延续").doesNotContain(PHONE);

        JsonNode day = getJson("/api/appointments?date=2026-09-17&person=clerk", "supervisor");
        assertThat(day).anySatisfy(a -> assertThat(a.path("id").asLong()).isEqualTo(id));
        assertThat(day.toString()).doesNotContain(PHONE);
        assertThat(getJson("/api/appointments?date=2026-09-18&window=window-general", "clerk").toString()).doesNotContain("\"id\":" + id + ",");
        assertError(get("/api/appointments?date=17.09.2026", "clerk", password("clerk")), 400, "INVALID_FIELD");

        completeAs("clerk", reminder, Map.of("serviceNote", "已办理"));
        assertThat(process).isEnded();
        assertThat(getJson("/api/appointments/" + id, "clerk").path("state").asText()).isEqualTo("SERVED");

        // a window booking after lunch: reminded 60 working minutes earlier, lunch not counted (13:30 → 11:30)
        JsonNode window = book(booking(b -> {
            b.remove("person");
            b.put("window", "window-market");
            b.put("at", iso("2026-09-17T14:00"));
        }), "clerk");
        assertThat(window.path("reminderAt").asText()).startsWith("2026-09-17T11:30");
        long windowId = window.path("id").asLong();
        ProcessInstance cancelled = instance(AppointmentService.PROCESS, "appointment-" + windowId);
        assertError(post("/api/appointments/" + windowId + "/cancel", Map.of("reason", "有事", "by", "SOMEONE"), "clerk"), 400, "INVALID_FIELD");
        assertError(post("/api/appointments/" + windowId + "/cancel", Map.of("by", "APPLICANT"), "clerk"), 400, "INVALID_FIELD");
        JsonNode cancel = read(post("/api/appointments/" + windowId + "/cancel", Map.of("reason", "申请人来电取消", "by", "APPLICANT"), "clerk"));
        assertThat(cancel.path("state").asText()).as(cancel.toString()).isEqualTo("CANCELLED");
        assertThat(cancel.path("stateBy").asText()).isEqualTo("APPLICANT");
        assertThat(cancel.path("stateNote").asText()).isEqualTo("申请人来电取消");
        assertThat(cancelled).isEnded();
        assertThat(management.createJobQuery().processInstanceId(cancelled.getId()).count()).isZero();
        assertError(post("/api/appointments/" + windowId + "/cancel", Map.of("reason", "again", "by", "STAFF"), "clerk"), 409,
                "APPOINTMENT_STATE");
        assertError(get("/api/appointments/999999999", "clerk", password("clerk")), 404, "UNKNOWN_APPOINTMENT");
    }

    @Test
    void aBookingMissedByTheStaffIsAnEventAndAPersonWhoCannotServeMustContactTheApplicant() {
        long missedId = book(booking(b -> {
            b.put("person", "market-a");
            b.put("at", iso("2026-09-17T09:30"));
        }), "clerk").path("id").asLong();
        ProcessInstance missed = instance(AppointmentService.PROCESS, "appointment-" + missedId);
        assertError(post("/api/appointments/" + missedId + "/missed", Map.of("by", "STAFF"), "clerk"), 409, "NOT_YET_DUE");
        clock(at("2026-09-17T10:00"));
        assertError(post("/api/appointments/" + missedId + "/missed", Map.of("by", "NOBODY"), "clerk"), 400, "INVALID_FIELD");
        JsonNode m = read(post("/api/appointments/" + missedId + "/missed", Map.of("by", "STAFF"), "supervisor"));
        assertThat(m.path("state").asText()).as(m.toString()).isEqualTo("MISSED");
        assertThat(m.path("window").asText()).isEqualTo("window-market");
        assertThat(missed).isEnded();
        assertThat(events("APPOINTMENT_MISSED")).singleElement().satisfies(e ->
                assertThat(e).startsWith("market-a|window-market|").contains("139****5678").doesNotContain(PHONE));

        // missed by the applicant: recorded, no event
        long applicantMissed = book(booking(b -> b.put("at", iso("2026-09-17T11:15"))), "clerk").path("id").asLong(); // reminded 10:15
        clock(at("2026-09-17T11:30"));
        JsonNode byApplicant = read(post("/api/appointments/" + applicantMissed + "/missed", Map.of("by", "APPLICANT"), "clerk"));
        assertThat(byApplicant.path("stateBy").asText()).as(byApplicant.toString()).isEqualTo("APPLICANT");
        assertThat(events("APPOINTMENT_MISSED")).hasSize(1);

        long id = book(booking(b -> {
            b.put("person", "market-a");
            b.put("at", iso("2026-09-18T10:00"));
        }), "clerk").path("id").asLong();
        ProcessInstance process = instance(AppointmentService.PROCESS, "appointment-" + id);
        assertError(post("/api/appointments/" + id + "/cannot-serve", Map.of("reason", "外出"), "clerk"), 403, "FORBIDDEN");
        assertError(post("/api/appointments/" + id + "/cannot-serve", Map.of(), "market-a"), 400, "INVALID_FIELD");
        JsonNode cannot = read(post("/api/appointments/" + id + "/cannot-serve", Map.of("reason", "当日外出参加培训"), "market-a"));
        assertThat(cannot.path("state").asText()).as(cannot.toString()).isEqualTo("CANNOT_SERVE");
        // 4 working hours (limits.csv appointment.contact) from 11:30: 11:30-12:00 and 13:30-17:00
        assertThat(cannot.path("contactDue").asText()).startsWith("2026-09-17T17:00");
        assertThat(process).isWaitingAt("contactApplicant");
        Task contact = openTask(process, "contactApplicant");
        assertThat(contact.getAssignee()).isEqualTo("market-a");
        assertThat((String) runtime.getVariable(process.getId(), "summary")).contains("当日外出参加培训", "2026-09-17 17:00");
        assertThat(management.createJobQuery().processInstanceId(process.getId()).activityId("reminderDue").count()).isZero();

        fire(timer(process, "contactDue"));
        assertThat(tasks.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey("superviseAppointmentContact")
                .taskCandidateGroup("supervisors").count()).isEqualTo(1);
        assertThat(getJson("/api/appointments/" + id, "clerk").path("contactOverdue").asBoolean()).isTrue();
        completeAs("market-a", contact, Map.of("contactNote", "已电话联系, 改约9月21日上午"));
        JsonNode contacted = getJson("/api/appointments/" + id, "clerk");
        assertThat(contacted.path("state").asText()).isEqualTo("CONTACTED");
        assertThat(contacted.path("contactNote").asText()).contains("改约");
        assertThat(contacted.path("contactedAt").asText()).startsWith("2026-09-17T17:00");
    }

    @Test
    void anUrgentBookingOutsideOfficeHoursNeedsADirectorsApproval() {
        JsonNode refused = book(booking(b -> {
            b.put("at", iso("2026-09-19T10:00"));
            b.put("urgent", true);
        }), "clerk");
        assertThat(refused.path("state").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(refused.path("offHours").asBoolean()).isTrue();
        ProcessInstance first = instance(AppointmentService.PROCESS, "appointment-" + refused.path("id").asLong());
        Task approval = openTask(first, "approveAppointment");
        assertThat(tasks.createTaskQuery().taskId(approval.getId()).taskCandidateGroup("directors").count()).isEqualTo(1);
        completeAs("director", approval, Map.of("approvalOutcome", "REFUSED", "approvalNote", "周六无人值班, 请改约工作日"));
        JsonNode cancelled = getJson("/api/appointments/" + refused.path("id").asLong(), "clerk");
        assertThat(cancelled.path("state").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("stateNote").asText()).contains("周六无人值班");
        assertThat(cancelled.path("approvedBy").asText()).isEqualTo("director");
        Task inform = openTask(first, "informApplicant");
        assertThat(inform.getAssignee()).isEqualTo("clerk");
        completeAs("clerk", inform, Map.of("informNote", "已电话告知"));
        assertThat(first).isEnded();

        JsonNode approved = book(booking(b -> {
            b.put("at", iso("2026-09-19T09:00"));
            b.put("urgent", true);
        }), "clerk");
        // reminded 60 working minutes earlier: the Friday before, 16:30
        assertThat(approved.path("reminderAt").asText()).startsWith("2026-09-18T16:30");
        ProcessInstance second = instance(AppointmentService.PROCESS, "appointment-" + approved.path("id").asLong());
        completeAs("director", openTask(second, "approveAppointment"), Map.of("approvalOutcome", "APPROVED"));
        assertThat(getJson("/api/appointments/" + approved.path("id").asLong(), "clerk").path("state").asText()).isEqualTo("BOOKED");
        assertThat(second).isWaitingAt("reminderDue");
        assertThat(timer(second, "reminderDue").getDuedate().toInstant()).isEqualTo(at("2026-09-18T16:30"));
    }

    private JsonNode book(Map<String, Object> body, String user) {
        JsonNode appointment = created(post("/api/appointments", body, user));
        booked.add(appointment.path("id").asLong());
        return appointment;
    }

    private static Map<String, Object> booking(java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new HashMap<>();
        body.put("applicantName", "钱多多");
        body.put("phone", PHONE);
        body.put("channel", "PHONE");
        body.put("person", "clerk");
        body.put("at", iso("2026-09-17T10:00"));
        body.put("matter", "食品经营许可证延续");
        body.put("urgent", false);
        change.accept(body);
        return body;
    }
}
