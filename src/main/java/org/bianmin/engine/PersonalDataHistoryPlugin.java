package org.bianmin.engine;

import org.bianmin.privacy.PersonalData;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * What the engine's history keeps ({@link MaskingHistoryEventHandler#kept}), and that it never holds an
 * ID number or a phone in clear. Personal data lives in our tables; a form still submits it to the
 * engine for the one transaction in which the registration reads it (and removes the runtime
 * variable). History keeps no variable and no submitted form field, and this handler masks the
 * operation log and the notes handed to {@code task_record} before they are written, which also
 * keeps such values out of the database driver's error messages.
 */
@Component
class PersonalDataHistoryPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new MaskingHistoryEventHandler());
        if (configuration.getCustomSessionFactories() == null) {
            configuration.setCustomSessionFactories(new java.util.ArrayList<>());
        }
        configuration.getCustomSessionFactories().add(new TaskNoteSession.Factory());
    }

    static final class MaskingHistoryEventHandler extends DbHistoryEventHandler {
        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity variable && TaskNotes.NOTE_VARIABLES.contains(variable.getVariableName())
                    && variable.getTextValue() != null && Context.getCommandContext() != null) {
                Context.getCommandContext().getSession(TaskNoteSession.class).written(variable.getTaskId(),
                        variable.getActivityInstanceId(), PersonalData.maskAll(variable.getTextValue()));
            }
            if (kept(event)) {
                mask(event);
                super.handleEvent(event);
            }
        }

        /**
         * What the engine's history keeps (history level FULL, less what nobody reads): process and
         * task instances, the activities that did or waited for something (tasks, events with a
         * trigger, end events, called work: Cockpit's and the tests' path of a case), the operation
         * log (who did what through the engine: the audit), incidents and the log of jobs that ran
         * or failed. Not kept: variables and their every value ({@code ACT_HI_VARINST},
         * {@code ACT_HI_DETAIL}) — the case record holds the case's data and our case events what
         * changed and why, each task's note goes to {@code task_record} (through
         * {@link TaskNoteSession}); submitted form fields (the same values again); candidate-group
         * links of tasks; gateways and plain start events, which only route (a third of an overdue
         * case's activities); the creation of each job and the deletion of timers that never fired
         * (the activity they guarded ended). What an ended case leaves: HistoryStorageBenchmark.
         */
        static boolean kept(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity || event instanceof HistoricFormPropertyEventEntity
                    || event instanceof HistoricIdentityLinkLogEventEntity) {
                return false;
            }
            if (event instanceof HistoricActivityInstanceEventEntity activity) {
                return !ROUTING.contains(activity.getActivityType());
            }
            return !(event instanceof HistoricJobLogEvent job && (job.getState() == JobState.CREATED.getStateCode()
                    || job.getState() == JobState.DELETED.getStateCode()));
        }

        private static final java.util.Set<String> ROUTING = java.util.Set.of(ActivityTypes.GATEWAY_EXCLUSIVE,
                ActivityTypes.GATEWAY_INCLUSIVE, ActivityTypes.GATEWAY_PARALLEL, ActivityTypes.GATEWAY_COMPLEX, ActivityTypes.START_EVENT);
    }

    /** What is kept of people's input: the operation log's old and new values (e.g. a changed variable, set by an administrator). */
    static void mask(HistoryEvent event) {
        if (event instanceof UserOperationLogEntryEventEntity operation) {
            operation.setOrgValue(PersonalData.maskAll(operation.getOrgValue()));
            operation.setNewValue(PersonalData.maskAll(operation.getNewValue()));
        }
    }
}
