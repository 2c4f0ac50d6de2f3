package org.bianmin.engine;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Processes an earlier release deployed that no longer exist as processes of their own (the
 * withdrawal is now a step of the case's process, asked for from the case file): their definitions
 * stay for history but are suspended, so that Tasklist no longer offers to start them.
 */
@Component
public class RetiredProcesses {

    static final List<String> RETIRED = List.of("case-withdrawal");
    private static final Logger log = LoggerFactory.getLogger(RetiredProcesses.class);

    private final RepositoryService repository;

    RetiredProcesses(RepositoryService repository) {
        this.repository = repository;
    }

    public void retire() {
        for (String key : RETIRED) {
            if (repository.createProcessDefinitionQuery().processDefinitionKey(key).active().count() > 0) {
                repository.suspendProcessDefinitionByKey(key);
                log.info("Retired process {} suspended: it can no longer be started", key);
            }
        }
    }
}
