package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bianmin.BianminApplication;
import org.bianmin.privacy.PersonalData;
import org.bianmin.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * Issue 12, item 6: cases registered by the earlier release — a case-type process with its
 * {@code case-sla} watch, a {@code case-supplement} wait — keep running after the upgrade. The
 * earlier release's definitions (kept in {@code src/test/resources/legacy-processes/}, as they
 * were in that release) are deployed into a database of its own, cases are started the way it
 * started them, then the current definitions are deployed again on top, as an upgrade does. Under
 * the current code an extension moves the old watch's timers in place, the end of the case ends the
 * watch, a withdrawal reaches the old process, and a completed supplement hands the case over to
 * the one-process shape. Nothing is lost.
 */
// boots a second Bianmin in this JVM: runs in the surefire execution "second-application" (Camunda registries are JVM-wide)
@Tag("second-application")
class LegacyShapeUpgradeTest {

    private static final List<String> LEGACY = List.of("case-intake", "case-sla", "case-supplement", "committed-case",
            "case-extension");
    /** Deployed by the earlier release only. */
    private static final List<String> RETIRED = List.of("case-withdrawal");
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void bootOnAFreshDatabase() {
        String url = PostgresIntegrationTest.freshDatabase("bianmin_legacy");
        context = new SpringApplicationBuilder(BianminApplication.class).profiles("postgres").run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.maximum-pool-size=4", "--bianmin.admin.id=admin",
                "--bianmin.admin.password=" + PostgresIntegrationTest.ADMIN_PASSWORD, "--bianmin.demo.enabled=true",
                "--server.port=0", "--spring.jmx.enabled=false", "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.job-execution.enabled=false");
    }

    @AfterAll
    static void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void casesOfTheEarlierShapeFinishAndHandOverToTheOneProcessShape() {
        RuntimeService runtime = context.getBean(RuntimeService.class);
        TaskService tasks = context.getBean(TaskService.class);
        ManagementService management = context.getBean(ManagementService.class);
        CaseRepository cases = context.getBean(CaseRepository.class);
        CaseAdjustments adjustments = context.getBean(CaseAdjustments.class);

        // ---- the earlier release: its definitions are the latest, its cases run as chained instances
        deploy("legacy-processes/", "bianmin-earlier-release");
        String extended = registerTheOldWay("SJ-002", List.of("APPLICATION_FORM", "BUSINESS_LICENSE", "LAYOUT_PLAN", "SAFETY_RULES"));
        String withdrawn = registerTheOldWay("SJ-002", List.of("APPLICATION_FORM", "BUSINESS_LICENSE", "LAYOUT_PLAN", "SAFETY_RULES"));
        String waiting = registerTheOldWay("SJ-002", List.of("APPLICATION_FORM", "BUSINESS_LICENSE"));
        ProcessInstance oldCase = instance(runtime, extended, "committed-case");
        ProcessInstance oldWatch = instance(runtime, extended, "case-sla");
        Job oldWarning = management.createJobQuery().processInstanceId(oldWatch.getId()).timers().singleResult();
        assertThat(oldWarning.getDuedate().toInstant()).as("the old watch waits for the warning").isEqualTo(cases.find(extended)
                .orElseThrow().warnAt());

        // ---- the upgrade: the current definitions become the latest again; retired ones cannot be started
        deploy("processes/", "bianmin-current-release");
        context.getBean(org.bianmin.engine.RetiredProcesses.class).retire();
        RepositoryService repository = context.getBean(RepositoryService.class);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("case-withdrawal").active().count())
                .as("the old withdrawal process is no longer offered").isZero();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("case-withdrawal").count()).isEqualTo(1);

        // an extension of an old case: the old watch's timer moves in place, the old case's task dates follow
        complete(tasks, oldCase, "handOver", Map.of("handlingNote", "已移交"));
        adjustments.startExtension(extended, 5, "需等待消防部门出具意见", "clerk");
        Task approve = tasks.createTaskQuery().processInstanceBusinessKey(extended).taskDefinitionKey("approveExtension").singleResult();
        assertThat(approve).as("the extension runs for the old case").isNotNull();
        tasks.complete(approve.getId(), Map.of("approved", "true", "opinion", "同意"));
        CaseRecord moved = cases.find(extended).orElseThrow();
        assertThat(moved.extensionState()).isEqualTo(CaseRecord.ExtensionState.APPROVED);
        Job warning = management.createJobQuery().processInstanceId(oldWatch.getId()).timers().singleResult();
        assertThat(warning.getId()).as("the same timer job").isEqualTo(oldWarning.getId());
        assertThat(warning.getDuedate().toInstant()).isEqualTo(moved.warnAt());
        assertThat(tasks.createTaskQuery().processInstanceId(oldCase.getId()).taskDefinitionKey("review").singleResult()
                .getDueDate().toInstant()).isEqualTo(moved.deadline());

        // the old case completes under its old definition; its watch ends with it
        complete(tasks, oldCase, "review", Map.of("reviewOutcome", "PASS", "handlingNote", "符合条件"));
        complete(tasks, oldCase, "decide", Map.of("approved", "true", "handlingNote", "准予许可"));
        assertThat(cases.find(extended).orElseThrow().state()).isEqualTo(CaseState.COMPLETED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(extended).count())
                .as("no old watch left on the completed case").isZero();

        // a withdrawal reaches the old process of another old case, and ends its watch
        adjustments.withdraw(withdrawn, "申请人撤回", "clerk");
        assertThat(cases.find(withdrawn).orElseThrow().state()).isEqualTo(CaseState.WITHDRAWN);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(withdrawn).count()).isZero();

        // the old supplement wait: once the materials are complete the case goes on in the one-process shape
        ProcessInstance oldSupplement = instance(runtime, waiting, CaseProcesses.SUPPLEMENT);
        complete(tasks, oldSupplement, "receiveSupplement", Map.of("suppliedMaterials",
                Variables.objectValue(List.of("LAYOUT_PLAN", "SAFETY_RULES")).serializationDataFormat("application/json").create()));
        assertThat(cases.find(waiting).orElseThrow().state()).isEqualTo(CaseState.IN_PROGRESS);
        ProcessInstance root = runtime.createProcessInstanceQuery().processInstanceBusinessKey(waiting).rootProcessInstances()
                .singleResult();
        assertThat(root).as("one root instance now").isNotNull();
        assertThat(root.getProcessDefinitionId()).startsWith(CaseProcesses.ROOT + ":");
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(context.getBean(org.camunda.bpm.engine.ProcessEngine.class));
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(root).isWaitingAtExactly("caseWork");
        assertThat(management.createJobQuery().processInstanceId(root.getId()).activityId("deadlineTime").count()).isEqualTo(1);
        assertThat(instance(runtime, waiting, "committed-case").getProcessDefinitionId())
                .as("the current definition does the work").isNotEqualTo(oldCase.getProcessDefinitionId());
    }

    /** Registers as the earlier release did: the case record, then its processes started by key with its variables. */
    private static String registerTheOldWay(String item, List<String> materials) {
        CaseRegistrationService registration = context.getBean(CaseRegistrationService.class);
        CaseProcesses processes = context.getBean(CaseProcesses.class);
        RuntimeService runtime = context.getBean(RuntimeService.class);
        String first17 = "11010519900307123";
        RegistrationResult result = registration.register(new RegistrationRequest(item, new RegistrationRequest.ApplicantInput(
                "旧版申请人", first17 + PersonalData.checkCharacter(first17), "13800138000", null), materials, true, false, false,
                false, null, null, null), "clerk", (record, variables) -> { });
        CaseRecord c = context.getBean(CaseRepository.class).find(result.caseNumber()).orElseThrow();
        VariableMap variables = processes.registrationVariables(c);
        if (c.state() == CaseState.WAITING_SUPPLEMENT) {
            runtime.startProcessInstanceByKey(CaseProcesses.SUPPLEMENT, c.caseNumber(), variables);
        } else {
            variables.putAll(processes.workVariables(c));
            variables.putAll(processes.workStepVariables(c));
            runtime.startProcessInstanceByKey(c.caseType().processKey(), c.caseNumber(), variables);
            runtime.startProcessInstanceByKey("case-sla", c.caseNumber(), Variables.createVariables()
                    .putValue("caseNumber", c.caseNumber()).putValue("caseType", c.caseType().name())
                    .putValue("itemName", c.itemName()).putValue("applicant", c.applicant().display())
                    .putValue("window", c.window()).putValue("department", c.department())
                    .putValue("deadline", Date.from(c.deadline())).putValue("warnAt", Date.from(c.warnAt()))
                    .putValue("escalationGroups", "supervisors"));
        }
        return c.caseNumber();
    }

    private static void deploy(String folder, String name) {
        DeploymentBuilder deployment = context.getBean(RepositoryService.class).createDeployment().name(name);
        // the current release deploys what it still has (case-sla is gone; its old definition stays, as in an upgrade)
        List<String> keys = folder.startsWith("processes")
                ? LEGACY.stream().filter(key -> java.nio.file.Files.exists(java.nio.file.Path.of(folder + key + ".bpmn"))).toList()
                : java.util.stream.Stream.concat(LEGACY.stream(), RETIRED.stream()).toList();
        for (String key : keys) {
            String path = folder + key + ".bpmn";
            try (InputStream in = folder.startsWith("processes") ? new java.io.FileInputStream(path)
                    : new ClassPathResource(path).getInputStream()) {
                deployment.addInputStream(key + ".bpmn", new java.io.ByteArrayInputStream(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        deployment.deploy();
    }

    private static ProcessInstance instance(RuntimeService runtime, String caseNumber, String key) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(key).singleResult();
        assertThat(instance).as("%s of %s", key, caseNumber).isNotNull();
        return instance;
    }

    private static void complete(TaskService tasks, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("task %s", taskKey).isNotNull();
        tasks.complete(task.getId(), variables);
    }
}
