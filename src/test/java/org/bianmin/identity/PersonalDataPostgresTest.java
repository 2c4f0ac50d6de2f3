package org.bianmin.identity;

import org.bianmin.support.RegisteredCases;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.privacy.PersonalData;
import org.bianmin.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Personal data stays out of the engine: a case registered through the Tasklist form (Camunda's
 * submit-form, as Tasklist sends it) and one through the REST API, with a delay notice whose
 * contact is a phone; then every engine variable and history endpoint, read as each role, and the
 * engine's tables themselves hold no ID number or phone in clear.
 */
class PersonalDataPostgresTest extends PostgresIntegrationTest {

    private static final String[] ROLES = {"clerk", "civil-a", "hrss-a", "supervisor", "director", "ruleadmin", "admin"};

    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    @RegisterExtension
    final RegisteredCases cases = RegisteredCases.eachTest(this::send, this::endInstance);



    @Test
    void noRoleReadsAnUnmaskedIdNumberOrPhoneThroughTheEngine() {
        String formId = RegisteredCases.idNumber("32010219800101234");
        String formPhone = "13611112222";
        String restId = RegisteredCases.idNumber("32010219800101235");
        String restPhone = "13633334444";
        String contactPhone = "13655556666";

        // 1. the Tasklist intake form, submitted as Tasklist does
        String variables = "{\"variables\":{\"itemCode\":{\"value\":\"MZ-002\"},\"applicantName\":{\"value\":\"钱表单\"},"
                + "\"applicantIdNumber\":{\"value\":\"" + formId + "\"},\"applicantPhone\":{\"value\":\"" + formPhone + "\"},"
                + "\"materials_MZ_002\":{\"value\":\"[\\\"APPLICATION_FORM\\\",\\\"ID_CARD\\\",\\\"HARDSHIP_PROOF\\\"]\",\"type\":\"Json\"}}}";
        HttpResponse<String> submitted = send("POST", "/engine-rest/process-definition/key/case-intake/submit-form", variables,
                "civil-a", DEMO_PASSWORD);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        String intakeId = cases.read(submitted).path("id").asText();
        String formCase = runtime.createProcessInstanceQuery().processInstanceId(intakeId).singleResult().getBusinessKey();
        cases.track(formCase);

        // 2. the REST API, and a delay notice whose applicant contact is a phone
        String restCase = cases.registerCivilCase("civil-a", DEMO_PASSWORD, restId, restPhone);
        HttpResponse<String> delay = send("POST", "/api/cases/" + restCase + "/delay-notices",
                "{\"until\":\"2026-12-31\",\"reason\":\"等待上级批复\",\"contact\":\"" + contactPhone + "\"}", "civil-a", DEMO_PASSWORD);
        assertThat(delay.statusCode()).as(delay.body()).isEqualTo(201);
        // the director issues it: the notice carries the contact the clerk entered
        Task approval = tasks.createTaskQuery().processInstanceBusinessKey(restCase).taskDefinitionKey("approveDelay").singleResult();
        completeAs("director", approval, java.util.Map.of("approved", "true", "opinion", "同意"));
        assertThat(get("/api/cases/" + restCase + "/notices/delay", "civil-a", DEMO_PASSWORD, "text/html").body())
                .contains(contactPhone);

        List<String> secrets = List.of(formId, formPhone, restId, restPhone, contactPhone);
        List<String> instances = new ArrayList<>();
        for (String caseNumber : List.of(formCase, restCase)) {
            history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
                    .map(HistoricProcessInstance::getId).forEach(instances::add);
        }
        assertThat(instances).hasSizeGreaterThanOrEqualTo(4);
        String ids = String.join(",", instances);

        List<String> paths = new ArrayList<>(List.of(
                "/engine-rest/variable-instance?variableName=applicantIdNumber",
                "/engine-rest/variable-instance?variableName=applicantPhone",
                "/engine-rest/variable-instance?variableName=contact",
                "/engine-rest/variable-instance?processInstanceIdIn=" + ids,
                "/engine-rest/history/variable-instance?variableName=applicantIdNumber&includeDeleted=true",
                "/engine-rest/history/variable-instance?variableName=applicantPhone&includeDeleted=true",
                "/engine-rest/history/variable-instance?variableName=contact&includeDeleted=true",
                "/engine-rest/history/variable-instance?processInstanceIdIn=" + ids,
                "/engine-rest/history/process-instance?processInstanceIds=" + ids));
        for (String instance : instances) {
            paths.add("/engine-rest/history/detail?processInstanceId=" + instance);
            paths.add("/engine-rest/history/user-operation?processInstanceId=" + instance);
            if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
                paths.add("/engine-rest/process-instance/" + instance + "/variables");
            }
        }
        for (Task task : tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list()) {
            paths.add("/engine-rest/task/" + task.getId() + "/variables");
            paths.add("/engine-rest/task/" + task.getId() + "/form-variables");
        }
        for (String role : ROLES) {
            for (String path : paths) {
                HttpResponse<String> response = get(path, role, password(role));
                assertThat(response.statusCode()).as(role + " " + path + ": " + response.body()).isLessThan(500);
                for (String secret : secrets) {
                    assertThat(response.body()).as(role + " " + path).doesNotContain(secret);
                }
            }
        }
        // the engine's history keeps no variable and no submitted form field at all (PersonalDataHistoryPlugin): nothing to unmask
        assertThat(get("/engine-rest/history/variable-instance?includeDeleted=true&processInstanceIdIn=" + ids, "supervisor",
                DEMO_PASSWORD).body()).isEqualTo("[]");
        assertThat(get("/engine-rest/history/detail?processInstanceId=" + intakeId, "supervisor", DEMO_PASSWORD).body()).isEqualTo("[]");
        assertThat(get("/engine-rest/history/process-instance?processInstanceIds=" + ids, "supervisor", DEMO_PASSWORD).body())
                .as("the instances' history is there").contains(intakeId);

        // and the engine's tables hold none of them in clear
        for (String secret : secrets) {
            for (String sql : List.of(
                    "select count(*) from act_ru_variable where text_ like ? or text2_ like ?",
                    "select count(*) from act_hi_varinst where text_ like ? or text2_ like ?",
                    "select count(*) from act_hi_detail where text_ like ? or text2_ like ?",
                    "select count(*) from act_hi_op_log where org_value_ like ? or new_value_ like ?")) {
                assertThat(jdbc.queryForObject(sql, Long.class, "%" + secret + "%", "%" + secret + "%")).as(sql + " " + secret)
                        .isZero();
            }
            assertThat(jdbc.queryForObject("select count(*) from act_ge_bytearray where position(convert_to(?, 'UTF8') in bytes_) > 0",
                    Long.class, secret)).as("byte arrays " + secret).isZero();
        }
        // our own table keeps them, for the people of the case
        assertThat(jdbc.queryForObject("select applicant_id_number from case_record where case_number = ?", String.class, formCase))
                .isEqualTo(formId);
        assertThat(cases.read(get("/api/cases/" + formCase, "civil-a", DEMO_PASSWORD)).path("applicant").path("phone").asText())
                .isEqualTo(formPhone);
    }
}
