package org.bianmin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.bianmin.support.PostgresIntegrationTest;
import org.bianmin.support.RegisteredCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The other "at most one" rules under six simultaneous requests: one rating per case, one open
 * proxy per case, one draft per assessed month. The first wins, the others are refused (409) or
 * given the same result; never a second row, never a 500.
 */
class ParallelDuplicatesPostgresTest extends PostgresIntegrationTest {

    @Autowired JdbcTemplate jdbc;

    @RegisterExtension
    final RegisteredCases cases = RegisteredCases.eachTest(this::send, this::endInstance);



    @Test
    void sixSimultaneousRatingsOfOneCaseLeaveOne() {
        String caseNumber = cases.registerCivilCase("civil-a", DEMO_PASSWORD, RegisteredCases.idNumber("11010519860606601"),
                "13700006601");
        assertThat(send("POST", "/api/cases/" + caseNumber + "/withdrawal", "{\"reason\":\"申请人撤回\"}", "civil-a", DEMO_PASSWORD)
                .statusCode()).isEqualTo(200);
        List<HttpResponse<String>> answers = sixAtOnce(() -> send("POST", "/api/cases/" + caseNumber + "/evaluation",
                "{\"rating\":5,\"comment\":\"满意\"}", "civil-a", DEMO_PASSWORD));
        assertThat(answers.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.statusCode() == 409)).hasSize(5);
        assertThat(jdbc.queryForObject("select count(*) from case_evaluation where case_number = ?", Long.class, caseNumber)).isOne();
    }

    @Test
    void sixSimultaneousProxiesOfOneCaseLeaveOneOpen() {
        String caseNumber = cases.registerCivilCase("civil-a", DEMO_PASSWORD, RegisteredCases.idNumber("11010519860606602"),
                "13700006602");
        List<HttpResponse<String>> answers = sixAtOnce(() -> send("POST", "/api/cases/" + caseNumber + "/proxy",
                "{\"proxy\":\"civil-b\",\"deliverTo\":\"dept-civil\",\"note\":\"代办\"}", "civil-a", DEMO_PASSWORD));
        assertThat(answers.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.statusCode() == 409)).hasSize(5);
        assertThat(jdbc.queryForObject("select count(*) from case_proxy where case_number = ?", Long.class, caseNumber)).isOne();
    }

    @Test
    void sixSimultaneousRunsOfOneMonthGiveOneDraft() {
        String month = "2026-09";
        List<HttpResponse<String>> answers = sixAtOnce(() -> send("POST", "/api/assessments/" + month + "/run", "{}",
                "supervisor", DEMO_PASSWORD));
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
        long lines = jdbc.queryForObject("select count(*) from assessment_line where assessed_month = ?", Long.class, month);
        assertThat(send("POST", "/api/assessments/" + month + "/run", "{}", "supervisor", DEMO_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from assessment_line where assessed_month = ?", Long.class, month))
                .as("a run replaces the draft, parallel runs do not add to it").isEqualTo(lines);
        assertThat(jdbc.queryForObject("select count(*) from assessment_month where assessed_month = ?", Long.class, month)).isOne();
    }

    private static List<HttpResponse<String>> sixAtOnce(Supplier<HttpResponse<String>> request) {
        return IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(request)).toList()
                .stream().map(CompletableFuture::join).toList();
    }
}
