package org.bianmin.rules;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.rules.RuleSetVersion.State;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A second pair of eyes between a draft and the centre: a rule administrator submits a version with
 * a comment, its 文件依据 and an optional effective time; a director who did not write it approves
 * or rejects it in Tasklist (process {@code rule-approval}, 规则发布审批) or through the API; an
 * approved version is in force at once or, from its effective time, by the process's timer. A
 * rollback takes the same way; a director may roll back at once in an emergency (audited).
 */
@Service
public class RulePublication {

    static final String PROCESS = "rule-approval";
    static final String APPROVAL_TASK = "approveRulePublication";
    /** Camunda keeps a string variable in a 4 000-character column. */
    static final int MAX_SUMMARY = 3800;
    static final int MAX_BASIS = 200;
    static final int MAX_CHANGES_SHOWN = 30;
    /** How far ahead an effective time may lie: a typo in the year is refused, a next-year rule is not. */
    static final long MAX_DAYS_AHEAD = 3 * 366;

    private static final Logger log = LoggerFactory.getLogger(RulePublication.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    /** {@code confirmLargeChange}: the administrator saw that the draft changes many recent cases' outcome and goes on. */
    public record Submission(String comment, OffsetDateTime effectiveFrom, String basisDocument, boolean confirmLargeChange) {
        public Submission(String comment, OffsetDateTime effectiveFrom, String basisDocument) {
            this(comment, effectiveFrom, basisDocument, false);
        }
    }

    private final RuleSetService rules;
    private final RuleSetRepository repository;
    private final TransactionTemplate transaction;
    private final TransactionTemplate outsideTransaction;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final RulePeople people;
    private final SystemAuthority system;
    private final ZoneId zone;
    private final double confirmShare;

    /**
     * @param confirmShare the share of recent cases whose outcome a draft may change without the
     *                     administrator confirming it ({@code bianmin.rules.confirm-share})
     */
    public RulePublication(RuleSetService rules, RuleSetRepository repository, PlatformTransactionManager transactions,
                           RuntimeService runtime, TaskService tasks, RulePeople people, SystemAuthority system,
                           @Value("${bianmin.calendar.zone}") ZoneId zone,
                           @Value("${bianmin.rules.confirm-share:0.5}") double confirmShare) {
        this.confirmShare = confirmShare;
        this.rules = rules;
        this.repository = repository;
        this.transaction = new TransactionTemplate(transactions);
        this.outsideTransaction = new TransactionTemplate(transactions);
        this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.runtime = runtime;
        this.tasks = tasks;
        this.people = people;
        this.system = system;
        this.zone = zone;
    }

    // ---- a rule administrator ----

    /** The draft goes to the directors; it must compile and pass the dry run first. */
    public RuleSetVersion submit(String name, Submission submission, String actor) {
        RuleSetDefinition<?> d = rules.definition(name);
        String why = RuleSetService.text("comment", submission.comment(), true);
        String basis = basis(submission.basisDocument());
        Instant now = RuleSetService.now();
        Instant effective = effectiveFrom(submission.effectiveFrom(), now);
        refuseIfPending(name);
        RuleSetVersion draft = repository.inState(name, State.DRAFT).orElseThrow(rules::noDraft);
        RuleSetService.Checked checked = rules.checkForPublication(d, draft.label(), draft.files());
        refuseLargeChangeUnconfirmed(checked.dryRun(), submission.confirmLargeChange());
        return transaction.execute(status -> {
            repository.lockRuleSet(name);
            refuseIfPending(name);
            RuleSetVersion current = repository.inState(name, State.DRAFT).orElseThrow(rules::noDraft);
            if (current.version() != draft.version() || !RuleSetService.sameFiles(current.files(), draft.files())) {
                throw ApiException.conflict("DRAFT_CHANGED", "草稿已被修改, 请重新校验 / the draft changed meanwhile, validate again");
            }
            repository.submit(name, draft.version(), why, new RuleSetVersion.Review(basis, effective, actor, now, null, null, null));
            repository.audit(name, draft.version(), "SUBMIT", actor, now, why);
            RuleSetVersion submitted = repository.find(name, draft.version()).orElseThrow();
            startApproval(d, submitted, checked.dryRun());
            return submitted;
        });
    }

    /** A new version with the content of one that was in force, submitted for approval like a draft. */
    public RuleSetVersion rollback(String name, int toVersion, Submission submission, String actor) {
        RuleSetDefinition<?> d = rules.definition(name);
        String why = RuleSetService.text("comment", submission.comment(), true);
        String basis = basis(submission.basisDocument());
        Instant now = RuleSetService.now();
        Instant effective = effectiveFrom(submission.effectiveFrom(), now);
        List<RuleFile> restored = d.upgrade(rollbackTarget(name, toVersion).files());
        return transaction.execute(status -> {
            repository.lockRuleSet(name);
            refuseIfPending(name);
            int version = repository.nextVersion(name);
            RuleSetService.Checked checked = rules.checkForPublication(d, RuleSetVersion.label(name, version), restored);
            String note = "回滚到 v" + toVersion + ": " + why;
            repository.insert(new RuleSetVersion(name, version, State.PENDING_APPROVAL, restored, actor, now, note, null, null,
                    new RuleSetVersion.Review(basis, effective, actor, now, null, null, null)));
            repository.audit(name, version, "SUBMIT_ROLLBACK", actor, now, note);
            RuleSetVersion submitted = repository.find(name, version).orElseThrow();
            startApproval(d, submitted, checked.dryRun());
            return submitted;
        });
    }

    // ---- a director ----

    /** The director's decision through the API: the same task completion as the Tasklist form. */
    public RuleSetVersion decide(String name, int version, boolean approve, String comment, String director) {
        RuleSetVersion pending = rules.version(name, version);
        refuseOwn(pending, director);
        requirePending(pending);
        String opinion = RuleSetService.text("comment", comment, !approve);
        Task task = system.call(() -> tasks.createTaskQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(pending.label()).taskDefinitionKey(APPROVAL_TASK).singleResult());
        if (task == null) {
            throw ApiException.conflict("NO_APPROVAL_TASK", "找不到 " + pending.label() + " 的审批任务 / no approval task");
        }
        system.run(() -> tasks.complete(task.getId(), Variables.createVariables().putValue("approved", String.valueOf(approve))
                .putValue("opinion", opinion).putValue("decidedBy", director)));
        return rules.version(name, version);
    }

    /** An earlier version in force again at once, without approval: for an emergency, and recorded as one. */
    public RuleSetVersion emergencyRollback(String name, int toVersion, String comment, String basisDocument, String director) {
        RuleSetDefinition<?> d = rules.definition(name);
        String why = RuleSetService.text("comment", comment, true);
        String basis = basis(basisDocument);
        List<RuleFile> restored = d.upgrade(rollbackTarget(name, toVersion).files());
        Instant now = RuleSetService.now();
        return transaction.execute(status -> {
            repository.lockRuleSet(name);
            int version = repository.nextVersion(name);
            String label = RuleSetVersion.label(name, version);
            CompiledVersion<?> compiled = rules.compileOrRefuse(d, label, restored);
            String note = "紧急回滚到 v" + toVersion + ": " + why;
            // stored as approved by the director himself, then in force in the same transaction
            repository.insert(new RuleSetVersion(name, version, State.SCHEDULED, restored, director, now, note, null, null,
                    new RuleSetVersion.Review(basis, null, director, now, director, now, note)));
            repository.publish(name, version, director, now, null);
            repository.audit(name, version, "EMERGENCY_ROLLBACK", director, now, note);
            afterCommit(() -> rules.putInForce(compiled));
            return repository.find(name, version).orElseThrow();
        });
    }

    // ---- the process's steps (RuleApprovalDelegates) ----

    /** Records the decision taken on the approval task; answers the version's new state. */
    State applyDecision(String name, int version, boolean approve, String opinion, String director) {
        RuleSetDefinition<?> d = rules.definition(name);
        repository.lockRuleSet(name);
        RuleSetVersion pending = rules.version(name, version);
        refuseOwn(pending, director);
        requirePending(pending);
        String why = RuleSetService.text("opinion", opinion, !approve);
        Instant now = RuleSetService.now();
        if (!approve) {
            repository.decide(name, version, State.REJECTED, director, now, why);
            repository.audit(name, version, "REJECT", director, now, why);
            return State.REJECTED;
        }
        Instant effective = pending.review().effectiveFrom();
        if (effective != null && effective.isAfter(now)) {
            repository.decide(name, version, State.SCHEDULED, director, now, why);
            repository.audit(name, version, "APPROVE", director, now, why);
            return State.SCHEDULED;
        }
        CompiledVersion<?> compiled = rules.compileOrRefuse(d, pending.label(), pending.files());
        repository.decide(name, version, State.PUBLISHED, director, now, why);
        repository.publish(name, version, director, now, null);
        repository.audit(name, version, "APPROVE", director, now, why);
        afterCommit(() -> rules.putInForce(compiled));
        return State.PUBLISHED;
    }

    /** At its effective time an approved version comes into force (on the node whose job executor fires the timer). */
    void activate(String name, int version) {
        RuleSetDefinition<?> d = rules.definition(name);
        repository.lockRuleSet(name);
        RuleSetVersion scheduled = rules.version(name, version);
        if (scheduled.state() != State.SCHEDULED) {
            log.warn("Rule set {} v{} is {} at its effective time; nothing to put in force", name, version, scheduled.state());
            return;
        }
        CompiledVersion<?> compiled = rules.compileOrRefuse(d, scheduled.label(), scheduled.files());
        Instant now = RuleSetService.now();
        repository.publish(name, version, scheduled.review().decidedBy(), now, null);
        repository.audit(name, version, "TAKE_EFFECT", "system", now, null);
        afterCommit(() -> rules.putInForce(compiled));
    }

    // ---- internals ----

    private void startApproval(RuleSetDefinition<?> d, RuleSetVersion v, DryRun.Report dryRun) {
        Set<String> authors = new LinkedHashSet<>(List.of(v.author()));
        if (v.review().submittedBy() != null) {
            authors.add(v.review().submittedBy());
        }
        VariableMap variables = Variables.createVariables().putValue("ruleSet", v.ruleSet()).putValue("ruleSetTitle", d.title())
                .putValue("version", v.version()).putValue("ruleAuthors", String.join(",", authors))
                .putValue("approvalSummary", summary(d, v, dryRun));
        if (v.review().effectiveFrom() != null) {
            variables.putValue("effectiveFrom", Date.from(v.review().effectiveFrom()));
        }
        system.run(() -> runtime.startProcessInstanceByKey(PROCESS, v.label(), variables));
    }

    /** What the director reads in the form: who, why, on which basis, from when, what changes, what the dry run saw. */
    String summary(RuleSetDefinition<?> d, RuleSetVersion v, DryRun.Report dryRun) {
        RuleSetVersion published = repository.inState(v.ruleSet(), State.PUBLISHED).orElse(null);
        StringBuilder text = new StringBuilder();
        text.append("**规则集**: ").append(d.title()).append(" v").append(v.version())
                .append(published == null ? "" : " (现行 v" + published.version() + ")").append("  \n");
        text.append("**提交人**: ").append(people.name(v.review().submittedBy())).append(", ").append(when(v.review().submittedAt()))
                .append("  \n");
        text.append("**文件依据**: ").append(v.review().basisDocument() == null ? "未填写" : v.review().basisDocument()).append("  \n");
        text.append("**生效时间**: ").append(v.review().effectiveFrom() == null ? "批准后立即生效"
                : when(v.review().effectiveFrom()) + " (北京时间), 批准后到时生效").append("  \n");
        text.append("**说明**: ").append(v.comment()).append("\n\n");
        List<RuleChanges.Change> changes = published == null ? List.of()
                : RuleChanges.between(d, published.files(), v.files());
        text.append("**修改内容** (共 ").append(changes.size()).append(" 处):\n\n");
        changes.stream().limit(MAX_CHANGES_SHOWN).forEach(c -> text.append("- ").append(c.text()).append('\n'));
        if (changes.size() > MAX_CHANGES_SHOWN) {
            text.append("- …其余 ").append(changes.size() - MAX_CHANGES_SHOWN).append(" 处见规则管理页面的版本对比\n");
        }
        text.append('\n');
        if (dryRun == null) {
            text.append("**试运行**: 此规则集没有试运行; 已通过校验。\n");
        } else {
            text.append("**试运行**: 事项目录中每个事项的各种情形均已按新规则试算, 无出错; 最近 ").append(dryRun.lines().size())
                    .append(" 件案件按新规则重算, ").append(dryRun.changed()).append(" 件结果不同。").append(dryRun.note()).append('\n');
        }
        return text.length() <= MAX_SUMMARY ? text.toString() : text.substring(0, MAX_SUMMARY - 40) + "\n\n…(内容过长, 其余见规则管理页面)";
    }

    /** A draft that changes the outcome of more than the share of recent cases is submitted only once confirmed. */
    private void refuseLargeChangeUnconfirmed(DryRun.Report dryRun, boolean confirmed) {
        if (dryRun == null || confirmed) {
            return;
        }
        List<DryRun.Line> recent = dryRun.lines().stream().filter(l -> l.kind() == DryRun.Kind.RECENT_CASE).toList();
        long changed = recent.stream().filter(DryRun.Line::changed).count();
        if (!recent.isEmpty() && changed > confirmShare * recent.size()) {
            throw ApiException.conflict("LARGE_CHANGE_UNCONFIRMED", "此草稿将改变最近 " + recent.size() + " 件案件中 " + changed
                    + " 件的结果, 超过 " + Math.round(confirmShare * 100) + "%; 请在试运行中核对后确认提交 / the draft changes the outcome of "
                    + changed + " of " + recent.size() + " recent cases: confirm to submit");
        }
    }

    private RuleSetVersion rollbackTarget(String name, int toVersion) {
        RuleSetVersion target = rules.version(name, toVersion);
        if (target.state() != State.PUBLISHED && target.state() != State.SUPERSEDED) {
            throw ApiException.badRequest("CANNOT_ROLL_BACK", "只能回滚到曾经生效的版本, v" + toVersion + " 为" + target.state().label()
                    + " / only a version that was in force can be restored");
        }
        return target;
    }

    private void refuseIfPending(String name) {
        repository.inState(name, State.PENDING_APPROVAL).ifPresent(p -> {
            throw ApiException.conflict("APPROVAL_PENDING", "v" + p.version() + " 正在等待负责人审批, 审批后才能再提交 / v"
                    + p.version() + " awaits approval");
        });
    }

    private static void requirePending(RuleSetVersion v) {
        if (v.state() != State.PENDING_APPROVAL) {
            throw ApiException.conflict("NOT_PENDING", "v" + v.version() + " 不在待审批状态 (现为" + v.state().label()
                    + ") / the version is not awaiting approval");
        }
    }

    /** Nobody approves a version he wrote or submitted. */
    private static void refuseOwn(RuleSetVersion v, String director) {
        if (director.equals(v.author()) || director.equals(v.review().submittedBy())) {
            throw ApiException.forbidden("不能审批本人编写或提交的规则版本, 请由其他负责人审批 / nobody approves their own rule version");
        }
    }

    private static String basis(String basisDocument) {
        String basis = RuleSetService.text("basisDocument", basisDocument, false);
        if (basis != null && basis.length() > MAX_BASIS) {
            throw ApiException.invalidField("basisDocument", "长度不能超过" + MAX_BASIS + "个字符", "must be at most " + MAX_BASIS + " characters");
        }
        return basis;
    }

    private static Instant effectiveFrom(OffsetDateTime requested, Instant now) {
        if (requested == null) {
            return null;
        }
        Instant at = requested.toInstant().truncatedTo(ChronoUnit.SECONDS);
        if (at.isBefore(now.minus(1, ChronoUnit.MINUTES))) {
            throw ApiException.invalidField("effectiveFrom", "生效时间不能早于现在; 立即生效请留空", "must not lie in the past");
        }
        if (at.isAfter(now.plus(MAX_DAYS_AHEAD, ChronoUnit.DAYS))) {
            throw ApiException.invalidField("effectiveFrom", "生效时间不能晚于三年之后", "must lie within three years");
        }
        return at;
    }

    private String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(zone));
    }

    /**
     * After the storing transaction commits (at once outside one): a rolled-back decision puts
     * nothing in force. The work runs outside that finished transaction, as a publication always
     * did: each step of a calendar re-plan commits on its own.
     */
    private void afterCommit(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    outsideTransaction.executeWithoutResult(status -> work.run());
                } catch (RuntimeException e) {
                    // stored and published: the poll installs it again; the decision itself stands
                    log.error("A published rule version could not be put in force on this node at once", e);
                }
            }
        });
    }
}
