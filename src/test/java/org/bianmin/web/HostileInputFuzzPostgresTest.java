package org.bianmin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.spring.JqwikSpringSupport;
import org.bianmin.support.PostgresIntegrationTest;
import org.bianmin.support.RegisteredCases;
import org.bianmin.support.TableCounts;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Property-based fuzzing of every POST and PUT of {@code /api}: a valid-looking body with one field
 * replaced by a hostile value (NUL and other control characters, 100 000 characters, numbers out of
 * range or with a fraction, absurd years, wrong JSON types, nulls in lists) or with an unknown or a
 * repeated property. Each must be refused with a 4xx — never a 5xx — and write no row.
 */
@JqwikSpringSupport
class HostileInputFuzzPostgresTest extends PostgresIntegrationTest {

    private record Endpoint(String method, String path, String base, List<String> fields) {
    }

    /** What the fuzzer does to the body. */
    private record Mutation(Endpoint endpoint, String field, String hostileJson, String kind) {
        @Override
        public String toString() {
            String value = hostileJson.length() > 40 ? hostileJson.substring(0, 40) + "…(" + hostileJson.length() + ")" : hostileJson;
            return endpoint.method() + " " + endpoint.path() + " " + kind + " " + field + "=" + value;
        }
    }

    private static final String ID = RegisteredCases.idNumber("11010519900307123");
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/cases", "{\"itemCode\":\"MZ-002\",\"applicant\":{\"name\":\"钱\",\"idNumber\":\"" + ID
                    + "\",\"phone\":\"13700000000\",\"organization\":\"单位\"},\"materials\":[\"APPLICATION_FORM\"],\"lawful\":true,"
                    + "\"receivedAt\":\"2026-11-20T10:00:00+08:00\",\"matter\":\"事项\"}",
                    List.of("itemCode", "applicant.name", "applicant.idNumber", "applicant.phone", "applicant.organization",
                            "materials", "lawful", "consultationOnly", "receivedAt", "matter")),
            new Endpoint("POST", "/api/cases/{case}/supplements", "{\"materials\":[\"HARDSHIP_PROOF\"]}", List.of("materials")),
            new Endpoint("POST", "/api/cases/{case}/extensions", "{\"days\":3,\"reason\":\"理由\"}", List.of("days", "reason")),
            new Endpoint("POST", "/api/cases/{case}/delay-notices", "{\"until\":\"2026-12-31\",\"reason\":\"理由\",\"contact\":\"电话\"}",
                    List.of("until", "reason", "contact")),
            new Endpoint("POST", "/api/cases/{case}/withdrawal", "{\"reason\":\"撤回\"}", List.of("reason")),
            new Endpoint("POST", "/api/cases/{case}/district-result", "{\"approved\":true,\"note\":\"说明\"}", List.of("approved", "note")),
            new Endpoint("POST", "/api/cases/{case}/proxy", "{\"proxy\":\"civil-b\",\"deliverTo\":\"dept-civil\",\"note\":\"备注\"}",
                    List.of("proxy", "deliverTo", "note")),
            new Endpoint("POST", "/api/cases/{case}/proxy/delivered", "{\"note\":\"已送达\"}", List.of("note")),
            new Endpoint("POST", "/api/cases/{case}/evaluation", "{\"rating\":5,\"comment\":\"满意\"}", List.of("rating", "comment")),
            new Endpoint("POST", "/api/discipline-events", "{\"staff\":\"civil-b\",\"type\":\"LATE\",\"occurredAt\":"
                    + "\"2026-11-20T09:00:00+08:00\",\"note\":\"迟到\"}", List.of("staff", "type", "occurredAt", "note")),
            new Endpoint("POST", "/api/assessments/2026-10/corrections", "{\"staff\":\"civil-b\",\"points\":1,\"reason\":\"更正\"}",
                    List.of("staff", "points", "reason")),
            new Endpoint("POST", "/api/accountability/1/decision", "{\"confirm\":true,\"reason\":\"理由\"}", List.of("confirm", "reason")),
            new Endpoint("PUT", "/api/roster/window-civil", "{\"post\":\"民政业务岗\",\"a\":\"civil-a\",\"b\":\"civil-b\"}",
                    List.of("post", "a", "b")),
            new Endpoint("POST", "/api/absences", "{\"staff\":\"civil-b\",\"kind\":\"LEAVE\",\"from\":\"2026-11-25T08:30:00+08:00\","
                    + "\"until\":\"2026-11-25T12:00:00+08:00\",\"note\":\"事假\"}", List.of("staff", "kind", "from", "until", "note")),
            new Endpoint("POST", "/api/inquiries", "{\"name\":\"钱\",\"organization\":\"单位\",\"phone\":\"13700000000\",\"channel\":"
                    + "\"WINDOW\",\"askedAt\":\"2026-11-24T09:00:00+08:00\",\"matter\":\"问\",\"answer\":\"答\"}",
                    List.of("name", "organization", "phone", "channel", "askedAt", "matter", "answer", "referredTo", "referredPerson")),
            new Endpoint("POST", "/api/appointments", "{\"applicantName\":\"钱\",\"phone\":\"13700000000\",\"channel\":\"PHONE\","
                    + "\"window\":\"window-civil\",\"at\":\"2026-11-26T10:00:00+08:00\",\"matter\":\"办事\",\"urgent\":false}",
                    List.of("applicantName", "phone", "channel", "window", "person", "at", "matter", "urgent")),
            new Endpoint("POST", "/api/appointments/1/cancel", "{\"reason\":\"取消\",\"by\":\"APPLICANT\"}", List.of("reason", "by")),
            new Endpoint("POST", "/api/appointments/1/missed", "{\"by\":\"APPLICANT\"}", List.of("by")),
            new Endpoint("POST", "/api/appointments/1/cannot-serve", "{\"reason\":\"原因\"}", List.of("reason")),
            new Endpoint("POST", "/api/complaints", "{\"channel\":\"PHONE\",\"complainant\":{\"name\":\"钱\",\"phone\":\"13700000000\"},"
                    + "\"aboutWindow\":\"window-civil\",\"matter\":\"投诉\"}",
                    List.of("channel", "complainant.name", "complainant.phone", "aboutStaff", "aboutWindow", "caseNumber", "matter")),
            new Endpoint("POST", "/api/rules/calendar/validate", "{\"files\":[{\"name\":\"x.csv\",\"content\":\"a\"}],\"comment\":\"c\"}",
                    List.of("files", "comment")),
            new Endpoint("POST", "/api/rules/calendar/dry-run", "{\"examples\":[{\"from\":\"2026-11-24T10:00:00+08:00\"}],"
                    + "\"recentCases\":5}", List.of("files", "examples", "recentCases")),
            new Endpoint("PUT", "/api/rules/calendar/draft", "{\"files\":[{\"name\":\"x.csv\",\"content\":\"a\"}],\"comment\":\"c\"}",
                    List.of("files", "comment")),
            new Endpoint("POST", "/api/rules/calendar/publish", "{\"comment\":\"发布\",\"basisDocument\":\"文号\","
                    + "\"effectiveFrom\":\"2026-12-24T10:00:00+08:00\"}", List.of("comment", "effectiveFrom", "basisDocument")),
            new Endpoint("POST", "/api/rules/calendar/rollback", "{\"version\":1,\"comment\":\"回滚\"}",
                    List.of("version", "comment", "effectiveFrom", "basisDocument")),
            new Endpoint("POST", "/api/rules/calendar/versions/999999/approval", "{\"approve\":true,\"comment\":\"同意\"}",
                    List.of("approve", "comment")),
            new Endpoint("POST", "/api/rules/calendar/emergency-rollback", "{\"version\":999999,\"comment\":\"紧急\"}",
                    List.of("version", "comment", "basisDocument")));

    private static final List<String> CONTROL_AND_LENGTH = List.of("\"a\\u0000b\"", "\"\\u0007响铃\"", "\"\\u001b[2J\"",
            "\"\\u007f\"", "\"" + "长".repeat(100_001) + "\"");
    private static final List<String> WRONG_SHAPES = List.of("{\"nested\":{\"deeper\":[1,2,3]}}", "[[\"a\"]]");
    private static final List<String> TEXT = concat(CONTROL_AND_LENGTH, WRONG_SHAPES,
            List.of("4294967297", "1.5", "-99999999999999999999999", "true", "[null]"));
    private static final List<String> DATE = concat(TEXT, List.of("\"+999999999-12-31T23:59:59Z\"", "\"0000-01-01T00:00:00Z\"",
            "\"-0001-01-01\"", "\"1970-01-01T00:00:00Z\"", "\"2026-02-30T10:00:00+08:00\"", "\"2026-11-24 10:00\""));
    private static final List<String> INTEGER = concat(WRONG_SHAPES, List.of("4294967297", "-99999999999999999999999", "1.5",
            "2.9", "\"5\"", "true", "[null]"));
    private static final List<String> DECIMAL = concat(WRONG_SHAPES, List.of("1e400", "\"5\"", "true", "[null]"));
    private static final List<String> BOOLEAN = concat(WRONG_SHAPES, List.of("\"yes\"", "1", "[null]", "\"a\\u0000\""));
    private static final List<String> LIST = concat(WRONG_SHAPES, List.of("[null]", "[\"a\\u0000b\"]",
            "[\"" + "长".repeat(100_001) + "\"]", "\"APPLICATION_FORM\"", "[1.5]", "[{\"x\":1}]"));

    /** Values that no field of that kind may accept. */
    private static List<String> hostileFor(String field) {
        String leaf = field.substring(field.lastIndexOf('.') + 1);
        return switch (leaf) {
            case "receivedAt", "until", "occurredAt", "from", "at", "askedAt", "effectiveFrom" -> DATE;
            case "days", "rating", "version", "recentCases" -> INTEGER;
            case "points" -> DECIMAL;
            case "lawful", "consultationOnly", "approved", "approve", "confirm", "urgent" -> BOOLEAN;
            case "materials", "files", "examples" -> LIST;
            default -> TEXT;
        };
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return List.copyOf(all);
    }

    @Autowired ObjectMapper json;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;

    private RegisteredCases cases;
    private TableCounts tables;
    private String caseNumber;

    @Property(seed = "20261201", shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void noHostileRequestGets5xxOrWritesARow(@ForAll("hostileRequests") Mutation mutation) throws Exception {
        prepare();
        String body = body(mutation);
        String path = mutation.endpoint().path().replace("{case}", caseNumber);
        String user = path.endsWith("/approval") || path.endsWith("/emergency-rollback") ? "director"
                : path.startsWith("/api/rules") ? "ruleadmin" : path.startsWith("/api/roster")
                || path.startsWith("/api/discipline-events") || path.startsWith("/api/assessments")
                || path.startsWith("/api/accountability") ? "supervisor" : "civil-a";
        Map<String, Long> before = tables.now();
        HttpResponse<String> response = send(mutation.endpoint().method(), path, body, user, DEMO_PASSWORD);
        assertThat(response.statusCode()).as(mutation + " -> " + response.body()).isBetween(400, 499);
        assertThat(cases.read(response).path("message").asText()).as(mutation + " -> " + response.body()).contains(" / ");
        assertThat(tables.now()).as(mutation + ": a refused request writes nothing").isEqualTo(before);
    }

    @Provide
    Arbitrary<Mutation> hostileRequests() {
        Arbitrary<Endpoint> endpoints = Arbitraries.of(ENDPOINTS);
        return endpoints.flatMap(endpoint -> {
            Arbitrary<String> fields = Arbitraries.of(endpoint.fields());
            Arbitrary<Mutation> replaced = fields.flatMap(field -> Arbitraries.of(hostileFor(field))
                    .map(value -> new Mutation(endpoint, field, value, "replace")));
            Arbitrary<Mutation> unknown = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(12)
                    .map(name -> new Mutation(endpoint, "zz" + name, "1", "unknown"));
            Arbitrary<Mutation> repeated = fields.map(field -> new Mutation(endpoint, field, "\"重复\"", "repeat"));
            return Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(8, replaced), net.jqwik.api.Tuple.of(1, unknown), net.jqwik.api.Tuple.of(1, repeated));
        });
    }

    @AfterContainer
    static void endCases() {
        if (current != null) {
            current.endAll();
        }
    }

    private static RegisteredCases current;

    private void prepare() {
        if (cases == null) {
            tables = new TableCounts(jdbc);
            cases = new RegisteredCases(this::send, json, runtime, this::endInstance);
            cases.fixClock();
            current = cases;
        }
        if (caseNumber == null) {
            caseNumber = cases.registerCivilCase("civil-a", DEMO_PASSWORD, RegisteredCases.idNumber("11010519870707456"),
                    "13700137456");
        }
    }

    /** The base body with the mutation applied; a repeated property is written as raw JSON text. */
    private String body(Mutation mutation) throws Exception {
        ObjectNode base = (ObjectNode) json.readTree(mutation.endpoint().base());
        String[] path = mutation.field().split("\\.");
        ObjectNode parent = base;
        for (int i = 0; i < path.length - 1; i++) {
            parent = parent.has(path[i]) ? (ObjectNode) parent.get(path[i]) : parent.putObject(path[i]);
        }
        String leaf = path[path.length - 1];
        String marker = "\"__HOSTILE_" + leaf + "__\"";
        return switch (mutation.kind()) {
            case "unknown" -> {
                parent.put(leaf, 1);
                yield json.writeValueAsString(base);
            }
            case "repeat" -> {
                // the same property twice in the top-level object
                String text = json.writeValueAsString(base);
                String repeated = "\"" + path[0] + "\":" + mutation.hostileJson();
                String inner = base.has(path[0]) ? repeated : repeated + "," + repeated;
                yield "{" + inner + (text.equals("{}") ? "}" : "," + text.substring(1));
            }
            default -> {
                parent.put(leaf, "__HOSTILE_" + leaf + "__");
                yield json.writeValueAsString(base).replace(marker, mutation.hostileJson());
            }
        };
    }
}
