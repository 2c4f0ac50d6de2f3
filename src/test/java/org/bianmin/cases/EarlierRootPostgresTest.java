package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cases registered under the root of the earlier release (no 下达督办单 event), which the current
 * code still serves: a 督办单 moves such a root to the latest version with Camunda's migration API,
 * in place — the same instance, the same deadline timer job — and the reply task follows; until
 * then, its 督办 task reads its groups from the variable {@code escalationGroups}, which the current
 * work step still sets for it (the current root reads them from the case record: CaseEscalation).
 */
class EarlierRootPostgresTest extends CaseProcessTestSupport {

    @Autowired RepositoryService repository;

    @Test
    void anOrderMovesAnEarlierRootToTheLatestVersionInPlace() throws IOException {
        String caseNumber = EarlierRootDefinition.registerOn(repository, () -> register("SJ-002", SJ_002));
        ProcessInstance root = instance(caseNumber, CaseProcesses.ROOT);
        String earlier = root.getProcessDefinitionId();
        assertThat((Object) repository.getBpmnModelInstance(earlier).getModelElementById("supervisionOrdered")).isNull();
        // its warning's gateway reads the case type, which the earlier release set at registration
        runtime.setVariable(root.getId(), "caseType", "COMMITTED");
        fire(timer(root, "warningTime"), at("2026-10-16T16:20"));
        Job deadline = timer(root, "deadlineTime");

        HttpResponse<String> issued = post("/api/cases/" + caseNumber + "/supervision-orders", "{\"instruction\":\"请加快办理\"}",
                "supervisor");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        ProcessInstance moved = runtime.createProcessInstanceQuery().processInstanceId(root.getId()).singleResult();
        assertThat(moved.getProcessDefinitionId()).as("the same instance, on the latest version").isNotEqualTo(earlier)
                .isEqualTo(repository.createProcessDefinitionQuery().processDefinitionKey(CaseProcesses.ROOT).latestVersion()
                        .singleResult().getId());
        assertThat(timer(moved, "deadlineTime").getId()).as("the deadline timer keeps its job").isEqualTo(deadline.getId());
        assertThat(timer(moved, "deadlineTime").getDuedate()).isEqualTo(deadline.getDuedate());
        BpmnAwareTests.assertThat(moved).isWaitingAt("caseWork", "supervisionOrder");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("replyToOrder").count())
                .isEqualTo(1);
        assertThat(runningInstances(caseNumber)).as("still one root").isEqualTo(1);
    }

    @Test
    void anEarlierRootStillOffersItsOverdueCaseToTheSupervisors() throws IOException {
        String caseNumber = EarlierRootDefinition.registerOn(repository, () -> register("SJ-002", SJ_002));
        ProcessInstance root = instance(caseNumber, CaseProcesses.ROOT);
        // its 督办 task reads the groups from a variable, which its work step set
        assertThat(runtime.getVariable(root.getId(), "escalationGroups")).isEqualTo("supervisors");
        // its warning's gateway reads the case type, which the earlier release set at registration
        runtime.setVariable(root.getId(), "caseType", "COMMITTED");
        fire(timer(root, "warningTime"), CaseProcessesPostgresTest.SJ_002_WARN_AT);
        fire(timer(root, "deadlineTime"), CaseProcessesPostgresTest.SJ_002_DEADLINE.plusSeconds(60));
        assertThat(candidateGroups(openTask(root, "superviseOverdue"))).containsExactly("supervisors");
    }
}
