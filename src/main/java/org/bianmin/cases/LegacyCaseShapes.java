package org.bianmin.cases;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bianmin.engine.SystemAuthority;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Cases registered by the earlier release run as several process instances chained from Java (the
 * case-type process with a {@code case-sla} watch, a {@code case-supplement}, side processes
 * started by key). They finish under their old definitions: this class does for them what the
 * earlier release did at the points where the one-process shape needs nothing — start a side
 * process by key instead of a message to the root, end the side processes with the case, start the
 * work or the denial filing — and hands a case over to the one-process shape where it can: once its
 * materials are complete, and for its denial filing. A case with a root of the current shape never
 * comes here.
 */
@Component
class LegacyCaseShapes {

    private static final Logger log = LoggerFactory.getLogger(LegacyCaseShapes.class);
    /** The earlier release's processes that lived only while the case ran. */
    static final List<String> SIDE_PROCESSES = List.of("case-sla", "case-extension", "case-delay", "proxy-delivery",
            CaseProcesses.SUPPLEMENT);

    /** The earlier release's message names, which its running instances still wait for. */
    static final String WITHDRAWN = "caseWithdrawn";
    static final String DISTRICT_RESULT = "districtResult";

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final SystemAuthority system;
    private final Map<String, Boolean> oneProcessShape = new ConcurrentHashMap<>();

    LegacyCaseShapes(RuntimeService runtime, RepositoryService repository, SystemAuthority system) {
        this.runtime = runtime;
        this.repository = repository;
        this.system = system;
    }

    /** Whether the definition of a {@code case-intake} instance is the one-process shape (it has the work step). */
    boolean isOneProcess(ProcessInstance root) {
        return oneProcessShape.computeIfAbsent(root.getProcessDefinitionId(), id -> system.call(() ->
                repository.getBpmnModelInstance(id).getModelElementById("caseWork") != null));
    }

    /** Whether the case still runs in the earlier shape: some instance of it, none a root of the current shape. */
    boolean isLegacy(String caseNumber, List<ProcessInstance> roots) {
        return roots.stream().noneMatch(this::isOneProcess) && system.call(() ->
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()) > 0;
    }

    /** The earlier release's way to the request a message to the root now carries. */
    boolean deliver(String caseNumber, String message, Map<String, Object> variables) {
        return switch (message) {
            case CaseProcesses.WITHDRAWN -> system.call(() -> !runtime.createMessageCorrelation(WITHDRAWN)
                    .processInstanceBusinessKey(caseNumber).setVariables(variables).correlateAllWithResult().isEmpty());
            case CaseProcesses.EXTENSION_REQUESTED -> start("case-extension", caseNumber, Map.of("caseNumber", caseNumber,
                    "days", variables.get("extensionDays"), "reason", variables.get("extensionReason"),
                    "requestedBy", variables.get("extensionRequestedBy")));
            case CaseProcesses.DELAY_REQUESTED -> start("case-delay", caseNumber, Map.of("caseNumber", caseNumber,
                    "delayUntil", variables.get("delayUntil"), "reason", variables.get("delayReason"),
                    "requestedBy", variables.get("delayRequestedBy")));
            case CaseProcesses.PROXY_ENTRUSTED -> start("proxy-delivery", caseNumber, Map.of("caseNumber", caseNumber,
                    "proxyId", variables.get("proxyId"), "proxy", variables.get("proxy"), "deliverTo", variables.get("deliverTo"),
                    "deliveryDue", variables.get("deliveryDue"), "summary", variables.get("proxySummary")));
            default -> false;
        };
    }

    /** A case of the earlier shape ended: its watch and side processes end with it (not the one ending it). */
    void ended(String caseNumber, CaseState finalState) {
        String current = currentProcessInstanceId();
        system.run(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKeyIn(SIDE_PROCESSES.toArray(String[]::new)).list().stream()
                .filter(instance -> !instance.getId().equals(current))
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "案件已结束 / case ended: " + finalState,
                        true, true)));
    }

    private boolean start(String key, String caseNumber, Map<String, Object> variables) {
        system.run(() -> runtime.startProcessInstanceByKey(key, caseNumber, Variables.fromMap(variables)));
        log.info("Case {} runs in the earlier shape: {} started by key", caseNumber, key);
        return true;
    }

    private static String currentProcessInstanceId() {
        BpmnExecutionContext context = Context.getBpmnExecutionContext();
        return context == null ? null : context.getProcessInstance().getId();
    }
}
