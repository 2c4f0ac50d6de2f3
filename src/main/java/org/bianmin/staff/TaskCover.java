package org.bianmin.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bianmin.staff.HandoverRepository.Handover;
import org.bianmin.staff.HandoverRepository.LinkKind;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A/B cover, the out-of-office Camunda 7 lacks: while an A person is absent their open tasks
 * (assigned to them or offered to them by name) and the tasks created for them go to the post's
 * B person with a hand-over note (交接说明) — a task comment and the local variable
 * {@code handoverNote} — and go back with a note when A returns. Tasks offered to groups need
 * no cover: A and B are both in the window's group.
 */
@Service
public class TaskCover {

    public static final String HANDOVER_NOTE = "handoverNote";
    private static final Logger log = LoggerFactory.getLogger(TaskCover.class);

    private record Cover(Absence absence, String coveredBy) {
    }

    private final TaskService tasks;
    private final AbsenceRepository absences;
    private final HandoverRepository handovers;
    private final RosterService roster;
    private final StaffDirectory directory;
    private final AbsenceService absenceViews;

    TaskCover(TaskService tasks, AbsenceRepository absences, HandoverRepository handovers, RosterService roster,
              StaffDirectory directory, AbsenceService absenceViews) {
        this.tasks = tasks;
        this.absences = absences;
        this.handovers = handovers;
        this.roster = roster;
        this.directory = directory;
        this.absenceViews = absenceViews;
    }

    /** The absence begins: A's open tasks go to B. Returns how many tasks moved. */
    public int begin(long absenceId) {
        Absence absence = absences.find(absenceId).orElseThrow();
        Optional<String> cover = coverFor(absence.staff());
        if (cover.isEmpty()) {
            log.info("Absence {}: no B person present to cover the tasks of {}", absenceId, absence.staff());
            return 0;
        }
        String a = absence.staff();
        String b = cover.get();
        int moved = 0;
        for (Task task : tasks.createTaskQuery().taskAssignee(a).list()) {
            tasks.setAssignee(task.getId(), b);
            noteHandover(task.getId(), task.getProcessInstanceId(), task.getName(), absence, b, LinkKind.ASSIGNEE);
            moved++;
        }
        for (Task task : tasks.createTaskQuery().taskCandidateUser(a).list()) {
            if (offeredByName(task.getId(), a)) {
                tasks.deleteCandidateUser(task.getId(), a);
                tasks.addCandidateUser(task.getId(), b);
                noteHandover(task.getId(), task.getProcessInstanceId(), task.getName(), absence, b, LinkKind.CANDIDATE);
                moved++;
            }
        }
        log.info("Absence {}: {} tasks of {} handed over to {}", absenceId, moved, a, b);
        return moved;
    }

    /** The absence ends: the tasks handed over go back to A. Returns how many tasks went back. */
    public int end(long absenceId) {
        Instant now = now();
        int back = 0;
        for (Handover handover : handovers.open(absenceId)) {
            Task task = tasks.createTaskQuery().taskId(handover.taskId()).singleResult();
            if (task != null && handBack(task, handover)) {
                String note = "返岗交回: " + label(handover.fromStaff()) + " 已于 " + absenceViews.show(now) + " 返岗, 本任务由 "
                        + label(handover.toStaff()) + " 交回原A岗办理。";
                tasks.createComment(task.getId(), task.getProcessInstanceId(), note);
                tasks.setVariableLocal(task.getId(), HANDOVER_NOTE, note);
                back++;
            }
            handovers.returned(handover.id(), now);
        }
        log.info("Absence {}: {} tasks handed back", absenceId, back);
        return back;
    }

    /** A task is being created (any process): if it is for an absent A person, it goes to B at once. */
    void onCreate(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee != null) {
            currentCover(assignee).ifPresent(cover -> {
                task.setAssignee(cover.coveredBy());
                noteNewTask(task, cover, LinkKind.ASSIGNEE);
            });
        }
        List<String> candidateUsers = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
                .map(link -> link.getUserId()).toList();
        for (String candidate : candidateUsers) {
            currentCover(candidate).ifPresent(cover -> {
                task.deleteCandidateUser(candidate);
                task.addCandidateUser(cover.coveredBy());
                noteNewTask(task, cover, LinkKind.CANDIDATE);
            });
        }
    }

    private void noteNewTask(DelegateTask task, Cover cover, LinkKind kind) {
        String note = handoverText(cover.absence(), cover.coveredBy());
        tasks.createComment(task.getId(), task.getProcessInstanceId(), note);
        task.setVariableLocal(HANDOVER_NOTE, note);
        handovers.insert(cover.absence().id(), task.getId(), task.getName(), cover.absence().staff(), cover.coveredBy(), kind, now());
    }

    private void noteHandover(String taskId, String processInstanceId, String taskName, Absence absence, String b, LinkKind kind) {
        String note = handoverText(absence, b);
        tasks.createComment(taskId, processInstanceId, note);
        tasks.setVariableLocal(taskId, HANDOVER_NOTE, note);
        handovers.insert(absence.id(), taskId, taskName, absence.staff(), b, kind, now());
    }

    private boolean handBack(Task task, Handover handover) {
        if (handover.kind() == LinkKind.ASSIGNEE) {
            if (!handover.toStaff().equals(task.getAssignee())) {
                return false; // B passed it on or it was reassigned: leave it where it is
            }
            tasks.setAssignee(task.getId(), handover.fromStaff());
            return true;
        }
        if (!offeredByName(task.getId(), handover.toStaff())) {
            return false;
        }
        tasks.deleteCandidateUser(task.getId(), handover.toStaff());
        tasks.addCandidateUser(task.getId(), handover.fromStaff());
        return true;
    }

    /** 交接说明: who is away, why, until when, and who covers. */
    private String handoverText(Absence absence, String b) {
        return "交接说明: A岗 " + label(absence.staff()) + " " + absence.kind().label()
                + (absence.note() == null ? "" : "(" + absence.note() + ")") + ", " + absenceViews.show(absence.from())
                + " 至 " + absenceViews.show(absence.until()) + " 不在岗; 本任务由B岗 " + label(b) + " 代为办理, A岗返岗后自动交回。";
    }

    /** What a person reads: the name, not the account id. */
    private String label(String userId) {
        return directory.name(userId);
    }

    private Optional<Cover> currentCover(String staff) {
        return absences.at(staff, now()).flatMap(absence -> coverFor(staff).map(b -> new Cover(absence, b)));
    }

    /** The present B person of a post on which the absent person is A. */
    private Optional<String> coverFor(String staff) {
        Instant now = now();
        return roster.postsWhereA(staff).stream().map(RosterPost::b)
                .filter(b -> roster.isPresent(b, now)).findFirst();
    }

    private boolean offeredByName(String taskId, String userId) {
        return tasks.getIdentityLinksForTask(taskId).stream().anyMatch(link ->
                IdentityLinkType.CANDIDATE.equals(link.getType()) && userId.equals(link.getUserId()));
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
