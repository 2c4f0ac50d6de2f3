package org.bianmin.cases;

import java.util.Date;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;

/**
 * Moves one timer job in place and sets whether it may fire, as one change of the job entity. The
 * public API would take two commands (a due-date update and a bulk suspension update); run from a
 * delegate, both share the caller's command context, and the bulk update would make the cached job
 * stale for the flush.
 */
record MoveTimerCommand(String jobId, Date duedate, boolean suspended) implements Command<Void> {

    @Override
    public Void execute(CommandContext commandContext) {
        JobEntity job = commandContext.getJobManager().findJobById(jobId);
        if (job == null) {
            return null;
        }
        job.setDuedate(duedate);
        job.setSuspensionState(suspended ? SuspensionState.SUSPENDED.getStateCode() : SuspensionState.ACTIVE.getStateCode());
        return null;
    }
}
