package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bianmin.support.PostgresIntegrationTest;
import org.bianmin.support.RegisteredCases;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A registration retried with its Idempotency-Key never creates a second case. */
class IdempotentRegistrationPostgresTest extends PostgresIntegrationTest {

    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;

    @RegisterExtension
    final RegisteredCases cases = RegisteredCases.eachTest(this::send, this::endInstance);

    @AfterEach
    void tearDown() {
        jdbc.queryForList("select case_number from idempotency_key where idem_key like 'retry-%' and case_number is not null",
                String.class).forEach(cases::track);
    }

    @Test
    void theSameKeyAndBodyGiveTheFirstAnswerSequentiallyAndInParallel() {
        String body = cases.application("MZ-002", RegisteredCases.idNumber("11010519800101771"), "13700001771",
                "APPLICATION_FORM", "ID_CARD", "HARDSHIP_PROOF").toString();
        long before = count();

        List<HttpResponse<String>> sequential = IntStream.range(0, 3).mapToObj(i -> register(body, "retry-sequential")).toList();
        List<HttpResponse<String>> parallel = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> register(body, "retry-parallel")))
                .toList().stream().map(CompletableFuture::join).toList();

        for (List<HttpResponse<String>> answers : List.of(sequential, parallel)) {
            assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
            Set<String> numbers = answers.stream().map(r -> cases.read(r).path("caseNumber").asText()).collect(Collectors.toSet());
            assertThat(numbers).as("one case number for one key").hasSize(1);
            assertThat(answers.stream().map(HttpResponse::body).distinct()).as("the first answer, as it was").hasSize(1);
            assertThat(answers.stream().filter(r -> r.headers().firstValue("Idempotent-Replayed").orElse("").equals("true")))
                    .hasSize(2);
        }
        assertThat(count()).as("two keys, two cases").isEqualTo(before + 2);

        // another body under a used key is refused and creates nothing
        String other = cases.application("MZ-002", RegisteredCases.idNumber("11010519800101772"), "13700001772",
                "APPLICATION_FORM", "ID_CARD", "HARDSHIP_PROOF").toString();
        HttpResponse<String> reused = register(other, "retry-sequential");
        assertThat(reused.statusCode()).as(reused.body()).isEqualTo(409);
        assertThat(cases.read(reused).path("error").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(count()).isEqualTo(before + 2);

        // a refused registration leaves its key free for the corrected retry
        HttpResponse<String> invalid = register("{\"itemCode\":\"NO-SUCH\"}", "retry-corrected");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(register(body.replace("11010519800101771", "11010519800101773").replace(
                String.valueOf(RegisteredCases.idNumber("11010519800101771").charAt(17)) + "\"",
                RegisteredCases.idNumber("11010519800101773").charAt(17) + "\""), "retry-corrected").statusCode()).isEqualTo(201);
        // a key that is no key
        assertThat(register(body, "a key with spaces").statusCode()).isEqualTo(400);
    }

    @Test
    void aDoubleClickOnTheTasklistIntakeRegistersOneCase() {
        String variables = "{\"variables\":{\"itemCode\":{\"value\":\"MZ-002\"},\"applicantName\":{\"value\":\"钱双击\"},"
                + "\"applicantIdNumber\":{\"value\":\"" + RegisteredCases.idNumber("11010519800101774") + "\"},"
                + "\"applicantPhone\":{\"value\":\"13700001774\"},"
                + "\"materials_MZ_002\":{\"value\":\"[\\\"APPLICATION_FORM\\\",\\\"ID_CARD\\\",\\\"HARDSHIP_PROOF\\\"]\",\"type\":\"Json\"}}}";
        long before = count();
        HttpResponse<String> first = send("POST", "/engine-rest/process-definition/key/case-intake/submit-form", variables,
                "civil-a", DEMO_PASSWORD);
        HttpResponse<String> second = send("POST", "/engine-rest/process-definition/key/case-intake/submit-form", variables,
                "civil-a", DEMO_PASSWORD);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String caseNumber = runtime.createProcessInstanceQuery().processInstanceId(cases.read(first).path("id").asText())
                .singleResult().getBusinessKey();
        cases.track(caseNumber);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(400);
        assertThat(second.body()).contains("请勿重复提交", caseNumber);
        assertThat(count()).isEqualTo(before + 1);
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from case_record", Long.class);
    }

    private HttpResponse<String> register(String body, String key) {
        return exchange(HttpRequest.newBuilder(URI.create(url("/api/cases"))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .header("Authorization", basic("civil-a", DEMO_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
