package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bianmin.privacy.PersonalData;
import org.bianmin.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shared set-up of the rule administration tests (no context configuration of its own: the cached
 * {@link PostgresIntegrationTest} application serves them). The engine clock stands at Monday
 * 2026-11-23 10:00 (+08:00). Every rule set's published version is noted before each test; after
 * it, drafts are discarded, a set whose published content changed is rolled back to that version,
 * and the processes of the cases the test registered end while the clock still stands — other
 * test classes in the same context see the original rules.
 */
abstract class RuleTestSupport extends PostgresIntegrationTest {

    static final String RULEADMIN = "ruleadmin";
    static final String SUPERVISOR = "supervisor";
    static final String CLERK = "clerk";
    static final String DIRECTOR = "director";
    static final Instant TODAY = OffsetDateTime.parse("2026-11-23T10:00:00+08:00").toInstant();
    /** Wednesday 2026-11-18 10:00: 10 working days end on 2026-12-02, 5 on 2026-11-25. */
    static final String RECEIVED = "2026-11-18T10:00:00+08:00";
    static final List<String> SJ_002 = List.of("APPLICATION_FORM", "BUSINESS_LICENSE", "LAYOUT_PLAN", "SAFETY_RULES");
    static final List<String> SETS = List.of("calendar", "catalogue", "classification", "time-limits");

    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired RuleSetRepository repository;

    private Set<String> casesBefore;
    private final Map<String, RuleSetVersion> publishedBefore = new LinkedHashMap<>();

    @BeforeEach
    void fixClockAndNoteRules() {
        ClockUtil.setCurrentTime(Date.from(TODAY));
        casesBefore = new HashSet<>(jdbc.queryForList("select case_number from case_record", String.class));
        for (String set : SETS) {
            publishedBefore.put(set, repository.inState(set, RuleSetVersion.State.PUBLISHED).orElseThrow());
        }
    }

    @AfterEach
    void restoreRulesEndCasesResetClock() {
        try {
            restoreRules();
        } finally {
            try {
                jdbc.queryForList("select case_number from case_record", String.class).stream()
                        .filter(caseNumber -> !casesBefore.contains(caseNumber))
                        .flatMap(caseNumber -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream())
                        .forEach(instance -> endInstance(instance.getId()));
            } finally {
                ClockUtil.reset();
            }
        }
    }

    /**
     * Puts the rules back as they were before the test, through the API as its people would: the
     * administrator discards drafts and asks for the rollback, a director rejects what still waits
     * and approves the rollback.
     */
    void restoreRules() {
        for (String set : SETS) {
            if (repository.inState(set, RuleSetVersion.State.DRAFT).isPresent()) {
                assertThat(send("DELETE", "/api/rules/" + set + "/draft", null, RULEADMIN).statusCode()).isEqualTo(204);
            }
            repository.inState(set, RuleSetVersion.State.PENDING_APPROVAL).ifPresent(pending -> ok(send("POST",
                    "/api/rules/" + set + "/versions/" + pending.version() + "/approval",
                    Map.of("approve", false, "comment", "测试结束, 不予发布 / test ended"), DIRECTOR)));
            assertThat(repository.inState(set, RuleSetVersion.State.SCHEDULED)).as("%s: a test left a scheduled version", set)
                    .isEmpty();
            RuleSetVersion before = publishedBefore.get(set);
            RuleSetVersion now = repository.inState(set, RuleSetVersion.State.PUBLISHED).orElseThrow();
            if (now.version() != before.version() && !texts(now.files()).equals(texts(before.files()))) {
                rollback(set, before.version(), "测试结束, 恢复原规则 / test ended");
            }
        }
    }

    RuleSetVersion publishedBefore(String set) {
        return publishedBefore.get(set);
    }

    static Map<String, String> texts(List<RuleFile> files) {
        Map<String, String> map = new LinkedHashMap<>();
        files.forEach(f -> map.put(f.name(), new String(f.content(), StandardCharsets.UTF_8)));
        return map;
    }

    // ---------------------------------------------------------------- REST

    /** A JSON request with HTTP Basic ({@code user} null: anonymous); {@code body} is serialised unless a String. */
    HttpResponse<String> send(String method, String path, Object body, String user) {
        String text;
        try {
            text = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        if (text != null) {
            request.header("Content-Type", "application/json; charset=UTF-8");
        }
        if (user != null) {
            request.header("Authorization", basic(user, password(user)));
        }
        return exchange(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response);
    }

    JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** The files of the published version of a set, name → text. */
    Map<String, String> publishedFiles(String set) {
        JsonNode view = ok(send("GET", "/api/rules/" + set, null, RULEADMIN));
        Map<String, String> files = new LinkedHashMap<>();
        view.path("published").path("files").forEach(f -> files.put(f.path("name").asText(), f.path("content").asText()));
        return files;
    }

    /** The published files with one line changed (the line must exist once). */
    Map<String, String> edited(String set, String file, String from, String to) {
        Map<String, String> files = publishedFiles(set);
        String text = files.get(file);
        assertThat(text).as("%s/%s", set, file).contains(from);
        files.put(file, text.replace(from, to));
        return files;
    }

    static List<Map<String, String>> fileList(Map<String, String> files) {
        return files.entrySet().stream().map(e -> Map.of("name", e.getKey(), "content", e.getValue())).toList();
    }

    JsonNode saveDraft(String set, Map<String, String> files, String user) {
        return ok(send("PUT", "/api/rules/" + set + "/draft", Map.of("files", fileList(files), "comment", "测试草稿"), user));
    }

    /** The administrator submits the draft, the director approves it: the published version, with its files. */
    JsonNode publish(String set, String comment) {
        return approved(set, submit(set, Map.of("comment", comment, "confirmLargeChange", true)));
    }

    /** The administrator asks for the rollback, the director approves it. */
    JsonNode rollback(String set, int version, String comment) {
        return approved(set, accepted(send("POST", "/api/rules/" + set + "/rollback", Map.of("version", version, "comment", comment),
                RULEADMIN)));
    }

    /** {@code POST publish} as the administrator: 202, the version waits for approval. */
    JsonNode submit(String set, Map<String, ?> request) {
        JsonNode submitted = accepted(send("POST", "/api/rules/" + set + "/publish", request, RULEADMIN));
        assertThat(submitted.path("state").asText()).isEqualTo("PENDING_APPROVAL");
        return submitted;
    }

    JsonNode approve(String set, int version, String director) {
        return ok(send("POST", "/api/rules/" + set + "/versions/" + version + "/approval", Map.of("approve", true, "comment", "同意"),
                director));
    }

    private JsonNode approved(String set, JsonNode submitted) {
        int version = submitted.path("version").asInt();
        assertThat(approve(set, version, DIRECTOR).path("state").asText()).isEqualTo("PUBLISHED");
        return ok(send("GET", "/api/rules/" + set + "/versions/" + version, null, RULEADMIN));
    }

    JsonNode accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return read(response);
    }

    String installed(String set) {
        return ok(send("GET", "/api/rules/" + set, null, RULEADMIN)).path("installed").asText();
    }

    // ---------------------------------------------------------------- cases and calendar

    ObjectNode application(String itemCode, List<String> materials) {
        ObjectNode request = json.createObjectNode().put("itemCode", itemCode).put("receivedAt", RECEIVED);
        String first17 = "11010519900307123";
        request.putObject("applicant").put("name", "赵小满").put("idNumber", first17 + PersonalData.checkCharacter(first17))
                .put("phone", "13800138000").put("organization", "小满餐饮店");
        ArrayNode list = request.putArray("materials");
        materials.forEach(list::add);
        return request;
    }

    JsonNode register(ObjectNode application) {
        HttpResponse<String> response = send("POST", "/api/cases", application.toString(), CLERK);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response);
    }

    JsonNode registerSj002() {
        return register(application("SJ-002", SJ_002));
    }

    JsonNode caseDetails(String caseNumber) {
        return ok(send("GET", "/api/cases/" + caseNumber, null, CLERK));
    }

    Instant calendarDeadline(String from, int workingDays) {
        return instant(ok(send("GET", "/api/calendar/deadline?from=" + URLEncoder.encode(from, StandardCharsets.UTF_8)
                + "&workingDays=" + workingDays, null, CLERK)).path("deadline"));
    }

    static Instant instant(JsonNode node) {
        assertThat(node.isTextual()).as("a date-time: %s", node).isTrue();
        return OffsetDateTime.parse(node.asText()).toInstant();
    }
}
