package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A case registered under the root of the earlier release (no 下达督办单 event) takes a 督办单 all the
 * same: the order moves its root to the latest version with Camunda's migration API, in place — the
 * same instance, the same deadline timer job — and the reply task follows.
 */
class SupervisionOrderOnEarlierRootPostgresTest extends CaseProcessTestSupport {

    @Autowired RepositoryService repository;

    @Test
    void anOrderMovesAnEarlierRootToTheLatestVersionInPlace() throws IOException {
        deploy("legacy-processes/case-intake-before-orders.bpmn", getClass().getClassLoader()
                .getResourceAsStream("legacy-processes/case-intake-before-orders.bpmn"));
        String caseNumber;
        try {
            caseNumber = register("SJ-002", SJ_002);
        } finally {
            try (InputStream current = Files.newInputStream(Path.of("processes/case-intake.bpmn"))) {
                deploy("case-intake.bpmn", current);
            }
        }
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

    private void deploy(String name, InputStream bpmn) {
        repository.createDeployment().name("SupervisionOrderOnEarlierRootPostgresTest").enableDuplicateFiltering(false)
                .addInputStream(name, bpmn).deploy();
    }
}
