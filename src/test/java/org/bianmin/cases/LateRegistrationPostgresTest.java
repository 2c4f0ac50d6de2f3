package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * 逾期登记: a postal application received on 09-01 and registered on 09-30 is overdue at once, since
 * its limit counts from receipt. Registration records it as an event of its own (LATE_REGISTRATION),
 * the overdue says so everywhere a person reads it, and the trigger table's row 登记时已超期 proposes
 * no record against the clerk who registered it; one registered inside its warning share is alike.
 */
class LateRegistrationPostgresTest extends CaseProcessTestSupport {

    @Test
    void aCaseOverdueWhenRegisteredIsMarkedSoAndNotBlamedOnTheRegisteringClerk() {
        // its timers are due at once: the job executor must leave them to this test
        management.suspendJobDefinitionByProcessDefinitionKey(CaseProcesses.ROOT, false);
        try {
            overdueAtOnce();
        } finally {
            management.activateJobDefinitionByProcessDefinitionKey(CaseProcesses.ROOT, false);
        }
    }

    private void overdueAtOnce() {
        RegistrationResult result = registration.register(new RegistrationRequest("SJ-002",
                new RegistrationRequest.ApplicantInput("邮寄件", CaseRegistrationPostgresTest.idNumber("11010519900307123"),
                        "13800138000", null), SJ_002, true, false, false, false, "2026-09-01T09:00:00+08:00", null, null), CLERK);
        String caseNumber = result.caseNumber();
        track(caseNumber);
        CaseRecord late = record(caseNumber);
        // 10 working days from Tue 09-01: 09-02 … 09-15, at the close of office hours
        assertThat(late.deadline()).isEqualTo(at("2026-09-15T17:30"));
        assertThat(late.overdueAtRegistration()).isTrue();

        ProcessInstance root = instance(caseNumber, CaseProcesses.ROOT);
        Instant registered = at("2026-09-30T10:00");
        fire(timer(root, "deadlineTime"), registered.plusSeconds(1));

        assertThat(jdbc.queryForObject("select details from case_event where case_number = ? and event_type = 'CASE_OVERDUE'",
                String.class, caseNumber)).contains("registeredLate=true");
        assertThat(jdbc.queryForObject("select count(*) from accountability_record where case_number = ?", Integer.class,
                caseNumber)).as("no record against the registering clerk").isZero();
        assertThat((String) runtime.getVariable(root.getId(), "caseSummary")).contains("登记时已超期");
        JsonNode overdue = null;
        for (JsonNode entry : details(caseNumber).path("timeline")) {
            if (entry.path("type").asText().equals("CASE_OVERDUE")) {
                overdue = entry;
            }
        }
        assertThat(overdue).as("the timeline's overdue entry").isNotNull();
        assertThat(overdue.path("note").asText() + overdue.path("label").asText()).contains("逾期登记");

        // 逾期登记 is an event of its own, at registration, held against nobody
        assertThat(jdbc.queryForList("select coalesce(staff, '-') || '|' || details from case_event where case_number = ?"
                + " and event_type = 'LATE_REGISTRATION'", String.class, caseNumber)).singleElement().asString()
                .startsWith("-|收件9月1日 09:00, 登记9月30日 10:00: 自收件起算的时限在登记前已届满(9月15日 17:30)")
                .contains("不计为登记人的超期办件");
        assertThat(details(caseNumber).path("timeline").findValuesAsText("label")).contains("逾期登记");
    }

    /**
     * Received Wed 09-16, registered Wed 09-30 10:00: SJ-002's ten working days from receipt run to
     * 09-30 17:30, so the case is not yet overdue, but its warning time (80 % of the limit, 09-28) has
     * passed: a late registration all the same.
     */
    @Test
    void aCaseRegisteredInsideItsWarningShareIsALateRegistrationToo() {
        management.suspendJobDefinitionByProcessDefinitionKey(CaseProcesses.ROOT, false);
        try {
            RegistrationResult result = registration.register(new RegistrationRequest("SJ-002",
                    new RegistrationRequest.ApplicantInput("邮寄件", CaseRegistrationPostgresTest.idNumber("11010519900307123"),
                            "13800138000", null), SJ_002, true, false, false, false, "2026-09-16T09:00:00+08:00", null, null), CLERK);
            String caseNumber = result.caseNumber();
            track(caseNumber);
            CaseRecord c = record(caseNumber);
            assertThat(c.deadline()).as("not yet overdue at registration").isEqualTo(at("2026-09-30T17:30"));
            assertThat(c.warnAt()).as("but inside its warning share").isBeforeOrEqualTo(c.registeredAt());
            assertThat(c.lateAtRegistration()).isTrue();
            assertThat(jdbc.queryForObject("select details from case_event where case_number = ? and event_type = 'LATE_REGISTRATION'",
                    String.class, caseNumber)).contains("在登记时已进入预警期");

            ProcessInstance root = instance(caseNumber, CaseProcesses.ROOT);
            fire(timer(root, "deadlineTime"), c.deadline().plusSeconds(60));
            assertThat(jdbc.queryForObject("select details from case_event where case_number = ? and event_type = 'CASE_OVERDUE'",
                    String.class, caseNumber)).contains("registeredLate=true");
            assertThat(jdbc.queryForObject("select count(*) from accountability_record where case_number = ?", Integer.class,
                    caseNumber)).as("the supervisor decides whom it concerns").isZero();
        } finally {
            management.activateJobDefinitionByProcessDefinitionKey(CaseProcesses.ROOT, false);
        }
    }
}
