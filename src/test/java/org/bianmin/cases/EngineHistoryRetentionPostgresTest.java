package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.bianmin.retention.EngineHistoryRetention;
import org.bianmin.rules.RulePublication;
import org.bianmin.rules.RuleSetService;
import org.bianmin.support.RuleVersions;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A case's engine history is bounded: it ends with a removal time of its end plus the days of the
 * hall-duty rule {@code engine-history.retention} (400), on the root and on the work it called;
 * no variable writes a row per value; the history cleanup removes nothing before that time and
 * everything of the case after it — while the case file keeps each task, who did it and the note.
 */
class EngineHistoryRetentionPostgresTest extends CaseProcessTestSupport {

    @Autowired EngineHistoryRetention retention;
    @Autowired RuleSetService rules;
    @Autowired RulePublication publication;
    @Autowired RepositoryService repository;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void anEndedCaseKeepsItsFileWhileTheEngineHistoryGoesAfterTheRetention() {
        EndedCase theCase = endedCase();

        List<String> steps = taskEntries(theCase.caseNumber());
        assertThat(steps).containsExactly("完成任务: 移交承办部门|王芳|已移交市场监管所", "完成任务: 审核|徐婷|材料齐全",
                "完成任务: 审批决定|陈刚|准予许可");
        assertThat(jdbc.queryForObject("select count(*) from act_hi_detail where type_ = 'VariableUpdate' and proc_inst_id_ in (?, ?)",
                Long.class, theCase.root().getId(), theCase.work().getId())).as("no row per variable value").isZero();

        assertThat(retention.days()).isEqualTo(400);
        Instant removal = null;
        for (ProcessInstance instance : theCase.instances()) {
            HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
            assertThat(ended.getRemovalTime()).as("removal time of " + instance.getProcessDefinitionId()).isNotNull();
            removal = ended.getRemovalTime().toInstant();
        }
        assertThat(removal).as("the root's end plus the retention").isEqualTo(at("2026-10-12T09:00").plus(Duration.ofDays(400)));

        cleanUpAt(removal.minus(Duration.ofMinutes(1)));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(theCase.caseNumber()).count()).isEqualTo(2);

        cleanUpAt(removal.plus(Duration.ofMinutes(1)));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(theCase.caseNumber()).count()).isZero();
        for (String table : List.of("act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail", "act_hi_identitylink",
                "act_hi_job_log", "act_hi_op_log")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where root_proc_inst_id_ = ?", Long.class, theCase.root().getId()))
                    .as(table).isZero();
        }
        assertThat(taskEntries(theCase.caseNumber())).as("the case file keeps its steps").isEqualTo(steps);
        assertThat(details(theCase.caseNumber()).path("timeline").findValuesAsText("label")).contains("登记受理", "出具受理告知单");
    }

    @Test
    void aNewRetentionPublishedReachesEveryDefinitionAndTheCasesThatEndedBefore() {
        EndedCase theCase = endedCase();
        Instant endedAt = history.createHistoricProcessInstanceQuery().processInstanceId(theCase.root().getId()).singleResult().getEndTime().toInstant();

        RuleVersions hallDuties = new RuleVersions(rules, publication, "hall-duties");
        String limits = hallDuties.file("limits.csv");
        try {
            // the rule administrator shortens the retention, the director approves; the poll applies it
            hallDuties.publish(Map.of("limits.csv", limits.replace("engine-history.retention,400,", "engine-history.retention,180,")),
                    "引擎历史保留180天");
            assertThat(retention.days()).isEqualTo(180);
            applyAndRunBatches();
            assertThat(repository.createProcessDefinitionQuery().list()).extracting(d -> d.getHistoryTimeToLive()).containsOnly(180);
            for (ProcessInstance instance : theCase.instances()) {
                assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                        .getRemovalTime().toInstant()).as("removal time of " + instance.getProcessDefinitionId())
                        .isEqualTo(endedAt.plus(Duration.ofDays(180)));
            }
        } finally {
            hallDuties.publish(Map.of("limits.csv", limits), "恢复引擎历史保留400天");
            applyAndRunBatches();
        }
        assertThat(retention.days()).isEqualTo(400);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(theCase.root().getId()).singleResult().getRemovalTime()
                .toInstant()).as("back to 400 days").isEqualTo(endedAt.plus(Duration.ofDays(400)));
    }

    private record EndedCase(String caseNumber, ProcessInstance root, ProcessInstance work) {
        List<ProcessInstance> instances() {
            return List.of(root, work);
        }
    }

    /** A committed case registered and worked through (移交, 审核, 审批): it ends on 2026-10-12 09:00. */
    private EndedCase endedCase() {
        String caseNumber = register("SJ-002", SJ_002);
        ProcessInstance root = instance(caseNumber, CaseProcesses.ROOT);
        ProcessInstance work = instance(caseNumber, "committed-case");
        completeAs(CLERK, openTask(work, "handOver"), Map.of("handlingNote", "已移交市场监管所"));
        completeAs("market-a", openTask(work, "review"), Map.of("reviewOutcome", "PASS", "handlingNote", "材料齐全"));
        clock(at("2026-10-12T09:00"));
        // nobody claimed the decision: the director completes it from the group's list
        assertThat(openTask(work, "decide").getAssignee()).isNull();
        completeAs("director", openTask(work, "decide"), Map.of("approved", "true", "handlingNote", "准予许可"));
        assertThat(runningInstances(caseNumber)).isZero();
        return new EndedCase(caseNumber, root, work);
    }

    /**
     * What the minute's poll does ({@link EngineHistoryRetention#apply}), its engine batch then run here: created
     * suspended in the same transaction, so that the job executor leaves its jobs to this test.
     */
    private void applyAndRunBatches() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            retention.apply();
            management.createBatchQuery().active().list().forEach(batch -> management.suspendBatchById(batch.getId()));
        });
        for (int round = 0; round < 20 && management.createBatchQuery().count() > 0; round++) {
            for (org.camunda.bpm.engine.batch.Batch batch : management.createBatchQuery().list()) {
                for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                        batch.getMonitorJobDefinitionId())) {
                    management.createJobQuery().jobDefinitionId(definition).list().forEach(job -> management.executeJob(job.getId()));
                }
            }
        }
        assertThat(management.createBatchQuery().count()).as("engine batches left").isZero();
    }

    /** Runs the engine's history cleanup at {@code at} until it has nothing left to remove. */
    private void cleanUpAt(Instant at) {
        clock(at);
        for (int round = 0; round < 20; round++) {
            Job job = history.cleanUpHistoryAsync(true);
            try {
                management.executeJob(job.getId());
            } catch (OptimisticLockingException executorRanItToo) {
                continue;
            }
            if (management.createJobQuery().jobId(job.getId()).singleResult().getDuedate().toInstant().isAfter(at)) {
                return; // rescheduled for later: nothing more to remove now
            }
        }
    }

    private List<String> taskEntries(String caseNumber) {
        return StreamSupport.stream(details(caseNumber).path("timeline").spliterator(), false)
                .filter(e -> e.path("type").asText().equals("TASK"))
                .map(e -> e.path("label").asText() + "|" + e.path("byName").asText() + "|" + e.path("note").asText()).toList();
    }
}
