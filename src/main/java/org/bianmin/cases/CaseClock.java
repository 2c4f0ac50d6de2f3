package org.bianmin.cases;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.bianmin.sla.SlaPlanner;
import org.bianmin.sla.SlaState;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The one way a case's clock changes. The case record owns the deadline, the warning time and the
 * pause; after every change — registration supplement, review supplement, extension, calendar —
 * the engine is made to agree with it: the timer jobs waiting for the old times move in place
 * (same jobs, new due dates; suspended while the clock is paused), the open tasks' due and
 * follow-up dates follow, and the date variables, the SLA state and the summary the task forms show
 * are set again in every instance of the case.
 */
@Component
public class CaseClock {

    /** The variables of a case's instances that follow its record. */
    private static final List<String> FOLLOWED = List.of("deadline", "warnAt", "slaState", "caseSummary");
    /** The root's timer of the 容缺受理 promise watch (case-intake.bpmn). */
    static final String PROMISE_DUE = "promiseDue";

    private final CaseRepository cases;
    private final CaseProcesses processes;
    private final CaseSummary summary;
    private final SlaPlanner planner;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final SystemAuthority system;
    private final CommandExecutor commands;
    private final CaseEventRepository events;
    private final java.time.ZoneId zone;
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    CaseClock(CaseRepository cases, CaseProcesses processes, CaseSummary summary, SlaPlanner planner, RuntimeService runtime,
              TaskService tasks, ManagementService management, SystemAuthority system, CaseEventRepository events,
              org.bianmin.calendar.CalendarService calendars) {
        this.events = events;
        this.zone = calendars.calendar().zone();
        this.cases = cases;
        this.processes = processes;
        this.summary = summary;
        this.planner = planner;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.system = system;
        this.commands = ((ServiceImpl) management).getCommandExecutor();
    }

    /** Stops the clock of a locked case at {@code at} (materials asked for); {@code change} adds what else changes. */
    public CaseRecord pause(CaseRecord c, Instant at, UnaryOperator<CaseRecord.Builder> change) {
        CaseRecord paused = change.apply(c.toBuilder().pausedSince(at)).build();
        events.record(CaseEventType.CLOCK_PAUSED, c.caseNumber(), null, c.window(), at, "等待补正材料, 办结时限暂停计算");
        return save(c, paused);
    }

    /**
     * Restarts the clock of a locked, paused case at {@code at}: the working time it stood still is
     * added to the deadline and the warning time.
     */
    public CaseRecord resume(CaseRecord c, Instant at, UnaryOperator<CaseRecord.Builder> change) {
        if (c.pausedSince() == null) {
            throw new IllegalStateException("case " + c.caseNumber() + " is not paused");
        }
        long stood = planner.workingMinutesBetween(c.window(), c.pausedSince(), at);
        CaseRecord.Builder resumed = c.toBuilder().pausedSince(null).pausedMinutes(c.pausedMinutes() + stood);
        if (c.deadline() != null) {
            resumed.deadline(planner.shift(c.window(), c.deadline(), stood)).warnAt(planner.shift(c.window(), c.warnAt(), stood));
        }
        CaseRecord after = change.apply(resumed).build();
        String deadline = after.deadline() == null ? "" : TIME.format(after.deadline().atZone(zone));
        events.record(CaseEventType.CLOCK_RESUMED, c.caseNumber(), null, c.window(), at, stood == 0
                ? "材料已补齐, 办结时限至" + deadline : "暂停" + stood + "个工作分钟, 办结时限顺延至" + deadline);
        return save(c, after);
    }

    /** Stores a changed record of a locked case and makes the engine agree with it. */
    public CaseRecord save(CaseRecord before, CaseRecord after) {
        cases.update(after);
        follow(before, after);
        return after;
    }

    /** Makes the case's instances agree with the record {@code after}, which was {@code before}. */
    public void follow(CaseRecord before, CaseRecord after) {
        Map<String, Object> values = new java.util.HashMap<>();
        if (after.deadline() != null) {
            values.put("deadline", Date.from(after.deadline()));
        }
        if (after.warnAt() != null) {
            values.put("warnAt", Date.from(after.warnAt()));
        }
        values.put("slaState", slaState(after).name());
        values.put("caseSummary", summary.markdown(after));
        system.run(() -> {
            for (ProcessInstance instance : processes.instances(after.caseNumber())) {
                moveTimers(instance, before, after);
                moveTaskDates(instance, before, after);
                // one read of what the instance holds; only those variables are set again
                Map<String, Object> held = runtime.getVariables(instance.getId(), FOLLOWED);
                Map<String, Object> changed = new java.util.HashMap<>(values);
                changed.keySet().retainAll(held.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).toList());
                if (!changed.isEmpty()) {
                    runtime.setVariables(instance.getId(), changed);
                }
            }
        });
    }

    /**
     * 容缺受理 joined by a reviewer's supplement request: the root's promise watch waits for the one
     * 补正期限 of all the materials owed, in place (the same job), running while the case's clock stands.
     */
    public void movePromiseDue(String caseNumber, Instant due) {
        system.run(() -> {
            for (ProcessInstance instance : processes.instances(caseNumber)) {
                for (Job job : management.createJobQuery().processInstanceId(instance.getId()).activityId(PROMISE_DUE).timers().list()) {
                    commands.execute(new MoveTimerCommand(job.getId(), Date.from(due), false));
                }
            }
        });
    }

    private void moveTimers(ProcessInstance instance, CaseRecord before, CaseRecord after) {
        if (before.deadline() == null) {
            return;
        }
        for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
            Instant due = job.getDuedate() == null ? null : job.getDuedate().toInstant();
            Instant target = Objects.equals(due, before.deadline()) ? after.deadline()
                    : Objects.equals(due, before.warnAt()) ? after.warnAt() : null;
            if (target == null) {
                continue;
            }
            boolean suspended = job.isSuspended();
            if (before.pausedSince() == null && after.pausedSince() != null) {
                suspended = true;
            } else if (before.pausedSince() != null && after.pausedSince() == null) {
                suspended = false;
            }
            if (!target.equals(due) || suspended != job.isSuspended()) {
                commands.execute(new MoveTimerCommand(job.getId(), Date.from(target), suspended));
            }
        }
    }

    private void moveTaskDates(ProcessInstance instance, CaseRecord before, CaseRecord after) {
        if (before.deadline() == null || Objects.equals(before.deadline(), after.deadline())
                && Objects.equals(before.warnAt(), after.warnAt())) {
            return;
        }
        for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
            boolean changed = false;
            if (task.getDueDate() != null && task.getDueDate().toInstant().equals(before.deadline())) {
                task.setDueDate(Date.from(after.deadline()));
                changed = true;
            }
            if (task.getFollowUpDate() != null && before.warnAt() != null
                    && task.getFollowUpDate().toInstant().equals(before.warnAt())) {
                task.setFollowUpDate(Date.from(after.warnAt()));
                changed = true;
            }
            if (changed) {
                tasks.saveTask(task);
            }
        }
    }

    private static SlaState slaState(CaseRecord c) {
        if (c.pausedSince() != null) {
            return SlaState.PAUSED;
        }
        return c.endedAt() != null ? SlaState.ended(c.endedAt(), c.deadline())
                : SlaState.running(ClockUtil.getCurrentTime().toInstant(), c.warnAt(), c.deadline());
    }
}
