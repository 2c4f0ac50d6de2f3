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
 * A root of an earlier definition, whose 督办 task reads its groups from the variable
 * {@code escalationGroups}, is given it as its work starts, and its overdue case is offered to the
 * supervisors; the current definition reads them from the case record ({@code CaseEscalation}).
 */
class EscalationOnEarlierRootPostgresTest extends CaseProcessTestSupport {

    @Autowired RepositoryService repository;

    @Test
    void anEarlierRootStillOffersItsOverdueCaseToTheSupervisors() throws IOException {
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
        // its 督办 task reads the groups from a variable, which its work step set
        assertThat(runtime.getVariable(root.getId(), "escalationGroups")).isEqualTo("supervisors");
        // its warning's gateway reads the case type, which the earlier release set at registration
        runtime.setVariable(root.getId(), "caseType", "COMMITTED");
        fire(timer(root, "warningTime"), CaseProcessesPostgresTest.SJ_002_WARN_AT);
        fire(timer(root, "deadlineTime"), CaseProcessesPostgresTest.SJ_002_DEADLINE.plusSeconds(60));
        assertThat(candidateGroups(openTask(root, "superviseOverdue"))).containsExactly("supervisors");
    }

    private void deploy(String name, InputStream bpmn) {
        repository.createDeployment().name("EscalationOnEarlierRootPostgresTest").enableDuplicateFiltering(false)
                .addInputStream(name, bpmn).deploy();
    }
}
