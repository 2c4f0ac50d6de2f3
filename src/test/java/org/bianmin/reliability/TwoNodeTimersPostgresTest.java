package org.bianmin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.bianmin.support.BianminProcess;
import org.bianmin.support.PostgresIntegrationTest;
import org.bianmin.support.RegisteredCases;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes on one database — this test's application and a second Bianmin JVM — with many SLA
 * timers due at once (applications received weeks ago by post, registered now): each timer fires
 * exactly once (one overdue event, one 督办 task per case), the work is shared, and the clerk's
 * accountability records are numbered one after the other however the jobs interleave.
 */
class TwoNodeTimersPostgresTest extends PostgresIntegrationTest {

    private static final int CASES = Integer.getInteger("bianmin.twonode.cases", 80);
    private static final String CLERK = "civil-b";

    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Autowired RuntimeService runtime;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine;

    @Test
    void timersDueAtOnceFireOnceAcrossTwoNodesAndOccurrencesStayRight() {
        RegisteredCases cases = new RegisteredCases(this::send, json, runtime, this::endInstance);
        String month = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).toLocalDate().toString().substring(0, 7);
        int before = occurrences(month).size();
        try (BianminProcess second = new BianminProcess("node-2", jdbcUrl(DATABASE),
                "--camunda.bpm.generic-properties.properties.hostname=node-2",
                "--camunda.bpm.job-execution.max-wait=1000").start(Duration.ofMinutes(4))) {
            // the timers are created suspended and released together: then they are due at once for both nodes
            management.suspendJobDefinitionByProcessDefinitionKey(org.bianmin.cases.CaseProcesses.ROOT, true);
            String receivedAt = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(40).withNano(0).toString();
            List<String> numbers = new ArrayList<>();
            IntStream.range(0, CASES).forEach(i -> {
                String first17 = "110105198501" + String.format("%02d%03d", 1 + i % 28, 100 + i);
                var application = cases.application("MZ-002", RegisteredCases.idNumber(first17), "13700000000",
                        "APPLICATION_FORM", "ID_CARD", "HARDSHIP_PROOF").put("receivedAt", receivedAt);
                HttpResponse<String> response = send("POST", "/api/cases", application.toString(), CLERK, DEMO_PASSWORD);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                String number = cases.read(response).path("caseNumber").asText();
                numbers.add(number);
                cases.track(number);
            });

            // cases registered in time whose deadline passed while no node ran (not 登记时已超期, which the trigger
            // table does not put on the registering clerk): each overdue proposes a record, numbered per month
            jdbc.update("update case_record set registered_at = received_at where case_number in ("
                    + String.join(",", numbers.stream().map(n -> "'" + n + "'").toList()) + ")");
            management.activateJobDefinitionByProcessDefinitionKey(org.bianmin.cases.CaseProcesses.ROOT, true);
            // as a node does for a job it creates itself: wake this node's acquisition (node 2 polls every second)
            engine.getJobExecutor().jobWasAdded();
            // the timers are due: wait (bounded) until both job executors have worked them off
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (overdueEvents(numbers) < CASES && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
            for (String number : numbers) {
                assertThat(jdbc.queryForObject("select count(*) from case_event where case_number = ? and event_type = 'CASE_OVERDUE'",
                        Long.class, number)).as("one overdue event for " + number).isOne();
                assertThat(jdbc.queryForObject("select count(*) from act_ru_task t join act_ru_execution e on t.proc_inst_id_ = e.id_ "
                        + "where e.business_key_ = ? and t.task_def_key_ = 'superviseOverdue'", Long.class, number))
                        .as("one 督办 task for " + number).isOne();
            }
            List<Integer> occurrences = occurrences(month);
            assertThat(occurrences).as("numbered one after the other")
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, occurrences.size()).boxed().toList());
            assertThat(occurrences.size()).isEqualTo(before + CASES);

            List<java.util.Map<String, Object>> split = jdbc.queryForList("select l.hostname_ as node, count(*) as jobs "
                    + "from act_hi_job_log l join act_hi_procinst p on l.process_instance_id_ = p.id_ where l.job_state_ = 2 and "
                    + "p.business_key_ in (" + String.join(",", numbers.stream().map(n -> "'" + n + "'").toList()) + ") "
                    + "group by l.hostname_");
            // how the work was shared (docs/reliability.md); which node wins is up to the job executors
            System.out.println("two-node drain, successful jobs per node: " + split);
            assertThat(split).as("both nodes took part").hasSize(2);
        } finally {
            management.activateJobDefinitionByProcessDefinitionKey(org.bianmin.cases.CaseProcesses.ROOT, true);
            cases.endAll();
        }
    }

    private long overdueEvents(List<String> numbers) {
        return numbers.stream().filter(n -> jdbc.queryForObject(
                "select count(*) from case_event where case_number = ? and event_type = 'CASE_OVERDUE'", Long.class, n) > 0).count();
    }

    private List<Integer> occurrences(String month) {
        return jdbc.queryForList("select occurrence from accountability_record where staff = ? and trigger_type = 'CASE_OVERDUE' "
                + "and to_char(occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM') = ? order by occurrence", Integer.class, CLERK, month);
    }
}
