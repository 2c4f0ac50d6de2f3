package org.bianmin.retention;

import java.util.Objects;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.hallduties.HallDutyLimits;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's history as long as the hall-duty rule {@code engine-history.retention} says
 * and no longer: every process definition's history time to live is that number of days, so that
 * an ended case's history gets its removal time (end + retention, for the root and every instance
 * it called) and the engine's history cleanup removes it in its nightly batch window
 * ({@code application.yaml}). The case file stays in our tables. Applied at start after this node's
 * deployment, then every minute on every node (a new rule version, a definition deployed since);
 * when the value changes, the removal times of cases already ended are recomputed by an engine batch.
 */
@Component
public class EngineHistoryRetention {

    private static final Logger log = LoggerFactory.getLogger(EngineHistoryRetention.class);

    private final HallDutyLimits limits;
    private final RepositoryService repository;
    private final HistoryService history;
    private final SystemAuthority system;

    EngineHistoryRetention(HallDutyLimits limits, RepositoryService repository, HistoryService history, SystemAuthority system) {
        this.limits = limits;
        this.repository = repository;
        this.history = history;
        this.system = system;
    }

    /** The days in force. */
    public int days() {
        return limits.days(HallDutyLimits.ENGINE_HISTORY_RETENTION);
    }

    @Scheduled(fixedDelayString = "${bianmin.retention.check-interval-ms:60000}",
            initialDelayString = "${bianmin.retention.check-interval-ms:60000}")
    public void apply() {
        int days = days();
        system.run(() -> {
            int changed = 0;
            boolean valueChanged = false;
            for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
                Integer current = definition.getHistoryTimeToLive();
                if (!Objects.equals(current, days)) {
                    valueChanged |= current != null; // a new definition has none yet
                    repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
                    changed++;
                }
            }
            if (changed > 0) {
                log.info("History time to live of {} process definitions set to {} days (rule {})", changed, days,
                        HallDutyLimits.ENGINE_HISTORY_RETENTION);
            }
            if (valueChanged) {
                recomputeRemovalTimes();
            }
        });
    }

    /** Ended cases keep the removal time of the retention they ended under, unless recomputed. */
    private void recomputeRemovalTimes() {
        HistoricProcessInstanceQuery ended = history.createHistoricProcessInstanceQuery().finished().rootProcessInstances();
        if (ended.count() > 0) {
            history.setRemovalTimeToHistoricProcessInstances().calculatedRemovalTime()
                    .byQuery(history.createHistoricProcessInstanceQuery().finished().rootProcessInstances())
                    .hierarchical().executeAsync();
        }
    }
}
