package org.bianmin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.bianmin.support.PostgresIntegrationTest;
import org.bianmin.support.RegisteredCases;
import org.bianmin.support.TableCounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14's hostile inputs as regression cases: each was a 500 or a silent coercion. Every one is
 * now a 400 naming the field (Chinese, then English) and changes nothing.
 */
class InputPolicyPostgresTest extends PostgresIntegrationTest {

    private static final String HUGE_YEAR = "+999999999-12-31T23:59:59Z";
    private static final String LONG = "长".repeat(100_000);

    @Autowired JdbcTemplate jdbc;

    @RegisterExtension
    final RegisteredCases cases = RegisteredCases.eachTest(this::send, this::endInstance);
    private TableCounts tables;
    private String caseNumber;

    @BeforeEach
    void setUp() {
        tables = new TableCounts(jdbc);
        caseNumber = cases.registerCivilCase("civil-a", DEMO_PASSWORD, RegisteredCases.idNumber("11010519870707321"),
                "13700137321");
    }


    @Test
    void controlCharactersAreRefusedEverywhereAndNamed() {
        refused("POST", "/api/cases/{case}/delay-notices", "{\"until\":\"2026-12-31\",\"reason\":\"a\\u0000b\"}", "reason", "控制字符");
        refused("POST", "/api/cases/{case}/extensions", "{\"days\":3,\"reason\":\"响铃\\u0007\"}", "reason", "控制字符");
        refused("POST", "/api/inquiries", "{\"name\":\"转义\\u001b[31m\",\"matter\":\"问\",\"channel\":\"WINDOW\"}", "name", "控制字符");
        refused("POST", "/api/complaints", "{\"channel\":\"PHONE\",\"complainant\":{\"name\":\"钱\\u0000\"},\"matter\":\"x\"}",
                "complainant.name", "控制字符");
        // a single-line field refuses a newline, a multi-line one keeps it
        refused("POST", "/api/cases/{case}/delay-notices", "{\"until\":\"2026-12-31\",\"reason\":\"r\",\"contact\":\"a\\nb\"}",
                "contact", "单行");
    }

    @Test
    void repeatedAndUnknownPropertiesAreRefusedAndNamed() {
        refused("POST", "/api/cases/{case}/extensions", "{\"days\":3,\"reason\":\"x\",\"reason\":\"y\"}", "reason", "字段重复");
        refused("POST", "/api/cases/{case}/extensions", "{\"days\":3,\"reason\":\"x\",\"dayz\":4}", "dayz", "未知字段");
        refused("POST", "/api/cases", "{\"itemCode\":\"MZ-002\",\"applicant\":{\"name\":\"钱\",\"nickname\":\"x\"}}",
                "applicant.nickname", "未知字段");
    }

    @Test
    void numbersAreNotTruncatedNorWrapped() {
        refused("POST", "/api/cases/{case}/evaluation", "{\"rating\":4294967297}", "rating", "范围");
        refused("POST", "/api/cases/{case}/evaluation", "{\"rating\":2.9}", "rating", "范围");
        refused("POST", "/api/cases/{case}/evaluation", "{\"rating\":\"5\"}", "rating", "类型");
        refused("POST", "/api/cases/{case}/extensions", "{\"days\":1.5,\"reason\":\"x\"}", "days", "范围");
    }

    @Test
    void implausibleDatesAreRefused() {
        refused("POST", "/api/cases/{case}/delay-notices", "{\"until\":\"" + HUGE_YEAR + "\",\"reason\":\"x\"}", "until", "yyyy-MM-dd");
        refused("POST", "/api/cases/{case}/delay-notices", "{\"until\":\"+999999999-12-31\",\"reason\":\"x\"}", "until", "");
        refused("POST", "/api/absences", "{\"staff\":\"civil-a\",\"kind\":\"LEAVE\",\"from\":\"0000-01-01T08:30:00+08:00\","
                + "\"until\":\"2026-11-25T12:00:00+08:00\"}", "from", "2000–2100");
        refused("POST", "/api/absences", "{\"staff\":\"civil-a\",\"kind\":\"LEAVE\",\"from\":\"2026-11-25T08:30:00+08:00\","
                + "\"until\":\"" + HUGE_YEAR + "\"}", "until", "");
        refused("POST", "/api/inquiries", "{\"name\":\"钱\",\"matter\":\"问\",\"channel\":\"WINDOW\",\"askedAt\":\"1970-01-01T00:00:00Z\"}",
                "askedAt", "2000–2100");
        refused("POST", "/api/inquiries", "{\"name\":\"钱\",\"matter\":\"问\",\"channel\":\"WINDOW\",\"askedAt\":\"-0001-01-01T00:00:00Z\"}",
                "askedAt", "");
        refused("POST", "/api/appointments", "{\"applicantName\":\"钱\",\"phone\":\"13700000000\",\"channel\":\"PHONE\","
                + "\"window\":\"window-civil\",\"at\":\"" + HUGE_YEAR + "\",\"matter\":\"x\"}", "at", "");
        refused("POST", "/api/assessments/0000-01/run", "{}", "month", "2000–2100");
        refused("POST", "/api/discipline-events", "{\"staff\":\"civil-a\",\"type\":\"LATE\",\"occurredAt\":\"" + HUGE_YEAR + "\"}",
                "occurredAt", "");
        assertThat(get("/api/inquiries?from=" + "%2B999999999-12-31T23:59:59Z", "civil-a", DEMO_PASSWORD).statusCode()).isEqualTo(400);
    }

    @Test
    void longTextIsRefusedBeforeTheDatabaseSeesIt() {
        refused("POST", "/api/inquiries", "{\"name\":\"钱\",\"organization\":\"" + LONG + "\",\"matter\":\"问\",\"channel\":\"WINDOW\"}",
                "organization", "长度");
        refused("POST", "/api/inquiries", "{\"name\":\"钱\",\"matter\":\"问\",\"answer\":\"" + LONG + "\",\"channel\":\"WINDOW\"}",
                "answer", "长度");
        refused("POST", "/api/complaints", "{\"channel\":\"PHONE\",\"complainant\":{\"name\":\"" + LONG + "\"},\"matter\":\"x\"}",
                "complainant.name", "长度");
    }

    @Test
    void nullsInsideListsAreRefused() {
        HttpResponse<String> response = send("POST", "/api/rules/calendar/dry-run", "{\"examples\":[null]}", "ruleadmin", DEMO_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("examples[0]");
    }

    @Test
    void camundasRestApiAnswersRefusalsWith4xx() {
        // a start form's delegate refuses an empty discipline record
        HttpResponse<String> empty = send("POST", "/engine-rest/process-definition/key/discipline-record/start", "{}",
                "supervisor", DEMO_PASSWORD);
        assertThat(empty.statusCode()).as(empty.body()).isBetween(400, 499);
        // a member already in the group
        HttpResponse<String> member = send("PUT", "/engine-rest/group/clerks/members/clerk", null, "admin", ADMIN_PASSWORD);
        assertThat(member.statusCode()).as(member.body()).isEqualTo(409);
        // an unknown instance
        HttpResponse<String> unknown = get("/engine-rest/process-instance/no-such-instance/variables", "admin", ADMIN_PASSWORD);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    }

    private void refused(String method, String path, String body, String field, String chinese) {
        Map<String, Long> before = tables.now();
        HttpResponse<String> response = send(method, path.replace("{case}", caseNumber), body, "civil-a", DEMO_PASSWORD);
        if (response.statusCode() == 403) {
            response = send(method, path.replace("{case}", caseNumber), body, "supervisor", DEMO_PASSWORD);
        }
        assertThat(response.statusCode()).as(path + " " + abbreviated(body) + " -> " + response.body()).isEqualTo(400);
        String message = cases.read(response).path("message").asText();
        assertThat(message).as(response.body()).startsWith(field + ":").contains(chinese).contains(" / ");
        assertThat(tables.now()).as("a refused request writes nothing").isEqualTo(before);
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
