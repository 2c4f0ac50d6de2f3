package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bianmin.BianminApplication;
import org.bianmin.catalogue.CatalogueService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Bianmin nodes on one PostgreSQL database (a Camunda homogeneous cluster): node A is the
 * shared test application, node B a second application context booted here on the same database
 * with its own process engine name. A rule version published on A is in force on B within 5
 * seconds, and B registers cases with it; one approved with a later effective time comes into
 * force on both when its timer fires.
 */
// boots a second Bianmin in this JVM: runs in the surefire execution "second-application" (Camunda registries are JVM-wide)
@org.junit.jupiter.api.Tag("second-application")
class RuleClusterPostgresTest extends RuleTestSupport {

    @Autowired ManagementService management;

    private static final String SJ_002_LINE = "SJ-002,食品经营许可(小餐饮),dept-market,window-market,COMMITTED,10,20,";
    private static final String SJ_002_FIVE = "SJ-002,食品经营许可(小餐饮),dept-market,window-market,COMMITTED,5,20,";

    @Test
    void aVersionPublishedOnOneNodeIsInForceOnTheOtherWithinFiveSeconds() {
        try (ConfigurableApplicationContext nodeB = bootNodeB()) {
            CatalogueService catalogueB = nodeB.getBean(CatalogueService.class);
            RuleEngine engineB = nodeB.getBean(RuleEngine.class);
            int portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
            RuleSetVersion before = publishedBefore("catalogue");
            // both nodes start from the same published versions
            assertThat(catalogueB.version()).isEqualTo(before.label()).isEqualTo(installed("catalogue"));
            assertThat(engineB.installedVersion("classification")).isEqualTo(installed("classification"));
            Instant tenDays = calendarDeadline(RECEIVED, 10);
            Instant fiveDays = calendarDeadline(RECEIVED, 5);
            assertThat(instant(registerOn(portB).path("deadline"))).isEqualTo(tenDays);

            // published on node A through its REST API ...
            saveDraft("catalogue", edited("catalogue", "items.csv", SJ_002_LINE, SJ_002_FIVE), RULEADMIN);
            String label = publish("catalogue", "集群测试: SJ-002 五个工作日").path("label").asText();
            Instant publishedAt = Instant.now();
            assertThat(installed("catalogue")).isEqualTo(label);

            // ... in force on node B within 5 seconds
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(catalogueB.version()).isEqualTo(label));
            Duration lag = Duration.between(publishedAt, Instant.now());
            assertThat(catalogueB.find("SJ-002")).hasValueSatisfying(item -> assertThat(item.promisedWorkingDays()).isEqualTo(5));
            assertThat(engineB.installedVersion("classification")).isEqualTo(installed("classification"));
            System.out.println("node B followed " + label + " after " + lag.toMillis() + " ms");

            // a case registered through node B uses it
            JsonNode onB = registerOn(portB);
            assertThat(instant(onB.path("deadline"))).isEqualTo(fiveDays);
            assertThat(caseDetails(onB.path("caseNumber").asText()).path("ruleVersions").path("catalogue").asText()).isEqualTo(label);

            // a rollback on node A reaches node B too
            String back = rollback("catalogue", before.version(), "集群测试结束").path("label").asText();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(catalogueB.version()).isEqualTo(back));
            assertThat(instant(registerOn(portB).path("deadline"))).isEqualTo(tenDays);

            // approved with an effective time an hour ahead: in force on neither node until then, on both after
            saveDraft("catalogue", edited("catalogue", "items.csv", SJ_002_LINE, SJ_002_FIVE), RULEADMIN);
            int scheduled = submit("catalogue", Map.of("comment", "集群测试: 一小时后生效", "effectiveFrom", "2026-11-23T11:00:00+08:00",
                    "confirmLargeChange", true))
                    .path("version").asInt();
            assertThat(approve("catalogue", scheduled, DIRECTOR).path("state").asText()).isEqualTo("SCHEDULED");
            assertThat(installed("catalogue")).isEqualTo(back);
            assertThat(catalogueB.version()).isEqualTo(back);
            Job timer = management.createJobQuery().processDefinitionKey("rule-approval").timers().singleResult();
            assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-23T03:00:00Z"));
            management.suspendJobById(timer.getId());
            ClockUtil.setCurrentTime(timer.getDuedate());
            management.executeJob(timer.getId());
            assertThat(installed("catalogue")).isEqualTo("catalogue@v" + scheduled);
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(catalogueB.version()).isEqualTo("catalogue@v" + scheduled));
            assertThat(instant(registerOn(portB).path("deadline"))).isEqualTo(calendarDeadline(RECEIVED, 5));
        }
    }

    private JsonNode registerOn(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json; charset=UTF-8").header("Accept", "application/json")
                .header("Authorization", basic(CLERK, DEMO_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(application("SJ-002", SJ_002).toString(), StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return read(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Node B: the same database as the shared context, its own engine name, port and (idle) job executor. */
    private static ConfigurableApplicationContext bootNodeB() {
        // command-line arguments outrank application.yaml's postgres profile (builder.properties() would not)
        return new SpringApplicationBuilder(BianminApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + jdbcUrl(DATABASE),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.datasource.hikari.maximum-pool-size=4",
                        "--bianmin.demo.enabled=true",
                        "--bianmin.admin.id=admin",
                        "--bianmin.admin.password=" + ADMIN_PASSWORD,
                        "--server.port=0",
                        "--spring.jmx.enabled=false",
                        "--camunda.bpm.process-engine-name=node-b",
                        // node A's job executor serves the cluster in tests: the engine clock is shared by the JVM
                        "--camunda.bpm.job-execution.enabled=false");
    }
}
