package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bianmin.sla.SlaPlanner;
import org.bianmin.cases.CaseRepository;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The time-limit table decides how many extensions a case may have (可延期次数) and whether its
 * overdue supervision also goes to the directors (超期另报中心领导); a table of the earlier release,
 * which lacked both columns, is brought into this layout at start with the values that release used.
 */
class TimeLimitTableColumnsPostgresTest extends RuleTestSupport {

    private static final String COMMITTED_ROW = "承诺件,时限,COMMITTED,,,,X,80,,1,225,10,,1,false,";

    @Autowired RuleSetService rules;
    @Autowired CaseRepository cases;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired SlaPlanner planner;

    @Test
    void aCaseMayBeExtendedAsOftenAsItsRowSaysAndTheDaysAddUp() {
        saveDraft("time-limits", edited("time-limits", "time-limits.csv", COMMITTED_ROW, COMMITTED_ROW.replace(",1,false,", ",2,false,")),
                RULEADMIN);
        publish("time-limits", "承诺件可延期两次");
        String caseNumber = registerSj002().path("caseNumber").asText();
        completeAs(CLERK, task(caseNumber, "handOver"), Map.of());
        Instant deadline = cases.find(caseNumber).orElseThrow().deadline();

        extend(caseNumber, 3);
        JsonNode between = caseDetails(caseNumber);
        assertThat(between.path("actions").toString()).as("a second extension may be asked for").contains("申请延期");
        extend(caseNumber, 2);

        var extended = cases.find(caseNumber).orElseThrow();
        assertThat(extended.extensionsUsed()).isEqualTo(2);
        assertThat(extended.extensionDays()).isEqualTo(5);
        assertThat(extended.deadline()).isEqualTo(planner.shiftWorkingDays(extended.window(), planner.shiftWorkingDays(extended.window(), deadline, 3), 2));
        var third = send("POST", "/api/cases/" + caseNumber + "/extensions", Map.of("days", 1, "reason", "第三次"), CLERK);
        assertThat(third.statusCode()).isEqualTo(409);
        assertThat(third.body()).contains("EXTENSION_ALREADY_USED", "至多申请延期2次");
        assertThat(caseDetails(caseNumber).path("actions").toString()).doesNotContain("申请延期");
    }

    @Test
    void theDirectorsAreToldOfAnOverdueCaseWhereTheRowSaysSo() {
        assertThat(publishedFiles("time-limits").get("time-limits.csv")).contains("联办件,时限,JOINT,,,,X,80,,1,225,10,70,1,true,");
        String committedToDirectors = COMMITTED_ROW.replace(",1,false,", ",1,true,");
        saveDraft("time-limits", edited("time-limits", "time-limits.csv", COMMITTED_ROW, committedToDirectors), RULEADMIN);
        publish("time-limits", "承诺件超期另报中心领导");
        String caseNumber = registerSj002().path("caseNumber").asText();

        assertThat(cases.find(caseNumber).orElseThrow().escalateToDirectors()).isTrue();
        String root = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).rootProcessInstances()
                .singleResult().getId();
        // at the deadline (its timer run now, the clock left alone), the 督办 task is offered to both
        management.executeJob(management.createJobQuery().processInstanceId(root).activityId("deadlineTime").singleResult().getId());
        Task supervise = tasks.createTaskQuery().processInstanceId(root).taskDefinitionKey("superviseOverdue").singleResult();
        assertThat(tasks.getIdentityLinksForTask(supervise.getId())).extracting(IdentityLink::getGroupId)
                .containsExactlyInAnyOrder("supervisors", "directors");
    }

    @Test
    void aTableOfTheEarlierReleaseIsUpgradedAtStartAndDecidesAsBefore() {
        String current = publishedFiles("time-limits").get("time-limits.csv");
        String earlier = earlierRelease();
        assertThat(earlier).doesNotContain("可延期次数", "超期另报中心领导");
        int old = store(earlier, true);
        store(earlier.replace(",80,,1,225,10,,", ",80,,1,225,8,,"), false);

        rules.start();

        RuleSetVersion upgraded = repository.inState("time-limits", RuleSetVersion.State.PUBLISHED).orElseThrow();
        assertThat(upgraded.version()).isGreaterThan(old);
        assertThat(repository.find("time-limits", old).orElseThrow().state()).isEqualTo(RuleSetVersion.State.SUPERSEDED);
        assertThat(upgraded.author()).isEqualTo("system");
        assertThat(texts(upgraded.files()).get("time-limits.csv")).as("the shipped table, but for a header renamed since")
                .isEqualTo(current.replace("每次可延期工作日", "可延期工作日(一次)"));
        assertThat(installed("time-limits")).isEqualTo("time-limits@v" + upgraded.version());
        RuleSetVersion draft = repository.inState("time-limits", RuleSetVersion.State.DRAFT).orElseThrow();
        assertThat(texts(draft.files()).get("time-limits.csv")).contains("可延期次数,超期另报中心领导,依据")
                .contains("承诺件,时限,COMMITTED,,,,X,80,,1,225,8,,1,false,");
        assertThat(repository.auditTrail("time-limits")).filteredOn(a -> a.action().equals("UPGRADE"))
                .extracting(RuleSetRepository.AuditEntry::version).containsExactlyInAnyOrder(upgraded.version(), draft.version());
        // nothing more to do at the next start
        rules.start();
        assertThat(repository.inState("time-limits", RuleSetVersion.State.PUBLISHED).orElseThrow().version())
                .isEqualTo(upgraded.version());
        // a workbook or page of the earlier layout saves a draft in this one
        saveDraft("time-limits", Map.of("time-limits.csv", earlier), RULEADMIN);
        assertThat(texts(repository.inState("time-limits", RuleSetVersion.State.DRAFT).orElseThrow().files()).get("time-limits.csv"))
                .isEqualTo(texts(upgraded.files()).get("time-limits.csv"));
    }

    /** The shipped table as the earlier release had it: without the two columns this release added. */
    private static String earlierRelease() {
        try (var in = TimeLimitTableColumnsPostgresTest.class.getResourceAsStream("/earlier-release/time-limits.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A version as the earlier release stored it: published, or a draft. */
    private int store(String csv, boolean published) {
        int version = repository.nextVersion("time-limits");
        Instant now = Instant.now();
        repository.insert(new RuleSetVersion("time-limits", version, RuleSetVersion.State.DRAFT,
                List.of(new RuleFile("time-limits.csv", csv.getBytes(StandardCharsets.UTF_8))), RULEADMIN, now, "旧版系统的时限规则",
                null, null, null));
        if (published) {
            repository.publish("time-limits", version, "system", now, null);
        }
        return version;
    }

    private void extend(String caseNumber, int days) {
        var requested = send("POST", "/api/cases/" + caseNumber + "/extensions", Map.of("days", days, "reason", "需等待消防部门出具意见"),
                CLERK);
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        completeAs(DIRECTOR, task(caseNumber, "approveExtension"), Map.of("approved", "true", "opinion", "同意"));
        completeAs(CLERK, task(caseNumber, "acknowledgeDecision"), Map.of());
    }

    private Task task(String caseNumber, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(key).singleResult();
    }
}
