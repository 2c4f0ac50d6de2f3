package org.bianmin.rules;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import jakarta.annotation.PostConstruct;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rule sets as versioned data: seeded from {@code rules/} at the first start, then edited as
 * drafts, validated and dry-run — all audited; {@link RulePublication} takes a draft through a
 * director's approval into force. The published version is in force on every node: the node that
 * publishes installs it at once, the others within the poll interval.
 */
@Service
public class RuleSetService {

    private static final Logger log = LoggerFactory.getLogger(RuleSetService.class);
    /** Recent cases every publication is dry-run against; an exception there refuses the publication. */
    static final int PUBLISH_DRY_RUN_CASES = 20;
    static final int MAX_FILE_CHARS = 500_000;
    static final int MAX_TEXT = 1000;

    private final Map<String, RuleSetDefinition<?>> definitions = new LinkedHashMap<>();
    private final List<DryRun> dryRuns;
    private final RuleSetRepository repository;
    private final TransactionTemplate transaction;

    public RuleSetService(List<RuleSetDefinition<?>> definitions, List<DryRun> dryRuns, RuleSetRepository repository,
                          PlatformTransactionManager transactions) {
        definitions.forEach(d -> this.definitions.put(d.name(), d));
        this.dryRuns = dryRuns;
        this.repository = repository;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Seeds missing rule sets and puts the published versions in force before the application serves. */
    @PostConstruct
    void start() {
        for (RuleSetDefinition<?> definition : definitions.values()) {
            seedIfMissing(definition);
            upgradeStored(definition);
            installPublished(definition);
        }
    }

    /** Follows publications made on other nodes. */
    @Scheduled(fixedDelayString = "${bianmin.rules.poll-interval-ms:2000}", initialDelayString = "${bianmin.rules.poll-interval-ms:2000}")
    public void followPublications() {
        Map<String, Integer> published = repository.publishedVersions();
        for (RuleSetDefinition<?> definition : definitions.values()) {
            Integer version = published.get(definition.name());
            if (version != null && !RuleSetVersion.label(definition.name(), version).equals(definition.installedVersion())) {
                try {
                    installPublished(definition);
                } catch (RuntimeException e) {
                    log.error("Cannot put rule set {} v{} in force on this node; the previous version stays", definition.name(), version, e);
                }
            }
        }
    }

    // ---- reading ----

    /** A rule set as the editor shows it; {@code pending} awaits a director or its effective time. */
    public record Summary(String name, String title, String description, String installed, RuleSetVersion published,
                          RuleSetVersion draft, RuleSetVersion pending) {
    }

    public List<Summary> overview() {
        return definitions.values().stream().map(this::summary).toList();
    }

    public Summary summary(RuleSetDefinition<?> d) {
        return new Summary(d.name(), d.title(), d.description(), d.installedVersion(),
                repository.inState(d.name(), RuleSetVersion.State.PUBLISHED).orElse(null),
                repository.inState(d.name(), RuleSetVersion.State.DRAFT).orElse(null),
                repository.inState(d.name(), RuleSetVersion.State.PENDING_APPROVAL)
                        .or(() -> repository.inState(d.name(), RuleSetVersion.State.SCHEDULED)).orElse(null));
    }

    public RuleSetDefinition<?> definition(String name) {
        RuleSetDefinition<?> d = definitions.get(name);
        if (d == null) {
            throw ApiException.notFound("UNKNOWN_RULE_SET", "规则集不存在 / no such rule set: " + name);
        }
        return d;
    }

    public List<RuleSetVersion> versions(String name) {
        definition(name);
        return repository.versions(name);
    }

    public RuleSetVersion version(String name, int version) {
        definition(name);
        return repository.find(name, version).orElseThrow(() -> ApiException.notFound("UNKNOWN_VERSION",
                "版本不存在 / no such version: " + name + " v" + version));
    }

    public List<RuleSetRepository.AuditEntry> audit(String name) {
        definition(name);
        return repository.auditTrail(name);
    }

    /** A file's tables as the grid and the workbook show them: titles, rows, columns with labels, kinds and options. */
    public record FileLayout(String name, List<RuleTableLayout.Table> tables) {
    }

    public List<FileLayout> layout(String name, List<RuleFile> files) {
        RuleSetDefinition<?> d = definition(name);
        checkFiles(d, files);
        return files.stream().map(f -> {
            if (!f.name().toLowerCase().endsWith(".csv")) {
                return new FileLayout(f.name(), List.of());
            }
            try {
                return new FileLayout(f.name(), RuleTableLayout.parse(f, d).tables());
            } catch (IllegalArgumentException notCsv) {
                throw ApiException.invalidField("files", d.fileTitle(f.name()) + "(" + f.name() + ")不是有效的表格(CSV)", "not CSV");
            }
        }).toList();
    }

    public Optional<DryRun> dryRunFor(String name) {
        return dryRuns.stream().filter(d -> d.ruleSets().contains(name)).findFirst();
    }

    // ---- checking ----

    public record Validation(boolean valid, List<RuleProblem> problems, String summary) {
    }

    public Validation validate(String name, List<RuleFile> files) {
        RuleSetDefinition<?> d = definition(name);
        checkFiles(d, files);
        CompiledVersion<?> compiled;
        try {
            compiled = CompiledVersion.of(d, "validation", files);
        } catch (RuleCompilationException e) {
            return new Validation(false, e.problems(), e.getMessage());
        }
        List<RuleProblem> problems = completeDryRun(name, compiled, files);
        long errors = problems.stream().filter(RuleProblem::isError).count();
        String rules = compiled.value() instanceof CompiledRuleSet c ? c.ruleCount() + " 条规则" : "规则";
        return new Validation(errors == 0, problems, errors > 0
                ? "完整试运行发现 " + errors + " 处错误, 不能提交 / the complete dry run found errors"
                : rules + "均可编译, 完整试运行通过" + (problems.isEmpty() ? "" : " (" + problems.size() + " 条提示)") + " / valid");
    }

    public DryRun.Report dryRun(String name, List<RuleFile> files, List<Map<String, String>> examples, int recentCases) {
        RuleSetDefinition<?> d = definition(name);
        checkFiles(d, files);
        CompiledVersion<?> draft = compileOrRefuse(d, "draft", files);
        DryRun dryRun = dryRunFor(name).orElseThrow(() -> ApiException.badRequest("NO_DRY_RUN",
                "此规则集暂不支持试运行 / this rule set has no dry run"));
        return dryRun.run(name, draft, examples, recentCases);
    }

    // ---- changing ----

    public RuleSetVersion saveDraft(String name, List<RuleFile> edited, String comment, String actor) {
        RuleSetDefinition<?> d = definition(name);
        checkFiles(d, edited);
        List<RuleFile> files = d.upgrade(edited); // e.g. a workbook downloaded before an upgrade
        String why = text("comment", comment, false);
        Instant now = now();
        return transaction.execute(status -> {
            repository.lockRuleSet(name);
            Optional<RuleSetVersion> draft = repository.inState(name, RuleSetVersion.State.DRAFT);
            int version;
            if (draft.isPresent()) {
                version = draft.get().version();
                repository.updateDraft(name, version, files, why);
            } else {
                version = repository.nextVersion(name);
                repository.insert(new RuleSetVersion(name, version, RuleSetVersion.State.DRAFT, files, actor, now, why, null, null,
                        null));
            }
            repository.audit(name, version, "SAVE_DRAFT", actor, now, why);
            return repository.find(name, version).orElseThrow();
        });
    }

    public void deleteDraft(String name, String actor) {
        definition(name);
        transaction.executeWithoutResult(status -> {
            RuleSetVersion draft = repository.inState(name, RuleSetVersion.State.DRAFT).orElseThrow(this::noDraft);
            repository.deleteDraft(name);
            repository.audit(name, draft.version(), "DELETE_DRAFT", actor, now(), null);
        });
    }

    /**
     * What a version must pass before a director sees it: it compiles, and the dry run over recent
     * cases raises nothing. Answers the compiled form and the dry run's report (null without one).
     */
    Checked checkForPublication(RuleSetDefinition<?> d, String label, List<RuleFile> files) {
        CompiledVersion<?> compiled = compileOrRefuse(d, label, files);
        List<RuleProblem> errors = completeDryRun(d.name(), compiled, files).stream().filter(RuleProblem::isError).toList();
        if (!errors.isEmpty()) {
            throw new RuleSetRefusedException("DRY_RUN_FAILED", "完整试运行发现 " + errors.size() + " 处错误, 不能提交: "
                    + errors.get(0) + " / the complete dry run failed", errors);
        }
        return new Checked(compiled, refuseIfDryRunFails(d.name(), compiled));
    }

    /** Every case the rules can meet, against the compiled draft (see {@link DryRun#check}). */
    private List<RuleProblem> completeDryRun(String name, CompiledVersion<?> compiled, List<RuleFile> files) {
        return dryRunFor(name).map(d -> d.check(name, compiled, files, this::publishedFiles)).orElse(List.of());
    }

    /** The files of the version in force (the published one). */
    public List<RuleFile> publishedFiles(String name) {
        definition(name);
        return repository.inState(name, RuleSetVersion.State.PUBLISHED).orElseThrow().files();
    }

    record Checked(CompiledVersion<?> compiled, DryRun.Report dryRun) {
    }

    /** Puts a stored version in force on this node, with what its publication changes beyond the rules (once, here). */
    void putInForce(CompiledVersion<?> compiled) {
        compiled.publishAndInstall();
    }

    CompiledVersion<?> compileOrRefuse(RuleSetDefinition<?> d, String version, List<RuleFile> files) {
        try {
            return CompiledVersion.of(d, version, files);
        } catch (RuleCompilationException e) {
            throw new RuleSetRefusedException("INVALID_RULES", e.getMessage(), e.problems());
        }
    }

    /** The whole version as one workbook in the business layout. */
    public byte[] workbook(String name, int version) {
        return RuleWorkbook.write(definition(name), version(name, version));
    }

    /** The files a draft would hold after an edited workbook, against the version it was downloaded from; nothing stored. */
    public List<RuleFile> readWorkbook(String name, byte[] xlsx) {
        RuleSetDefinition<?> d = definition(name);
        RuleWorkbook.Origin origin = RuleWorkbook.origin(xlsx);
        if (!origin.ruleSet().equals(name)) {
            throw ApiException.invalidField("file", "这是规则集「" + origin.ruleSet() + "」的工作簿, 不是「" + d.title() + "」的",
                    "the workbook is of another rule set");
        }
        return RuleWorkbook.read(d, version(name, origin.version()), xlsx);
    }

    /** The changes from one version to another, cell by cell, in Chinese. */
    public List<RuleChanges.Change> changes(String name, int from, int to) {
        RuleSetDefinition<?> d = definition(name);
        return RuleChanges.between(d, version(name, from).files(), version(name, to).files());
    }

    /** A unified diff per file between two versions. */
    public Map<String, List<String>> diff(String name, int from, int to) {
        Map<String, String> a = texts(version(name, from).files());
        Map<String, String> b = texts(version(name, to).files());
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        Map<String, List<String>> diffs = new LinkedHashMap<>();
        for (String file : names) {
            List<String> left = lines(a.get(file));
            List<String> right = lines(b.get(file));
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("v" + from + "/" + file, "v" + to + "/" + file,
                    left, DiffUtils.diff(left, right), 1);
            if (!unified.isEmpty()) {
                diffs.put(file, unified);
            }
        }
        return diffs;
    }

    // ---- internals ----

    private void seedIfMissing(RuleSetDefinition<?> d) {
        if (!repository.versions(d.name()).isEmpty()) {
            return;
        }
        Instant now = now();
        try {
            transaction.executeWithoutResult(status -> {
                repository.insert(new RuleSetVersion(d.name(), 1, RuleSetVersion.State.PUBLISHED, d.bundledFiles(), "system",
                        now, "从 rules/ 导入 / seeded from rules/", now, "system", null));
                repository.audit(d.name(), 1, "SEED", "system", now, "rules/" + d.name());
            });
            log.info("Rule set {} seeded from rules/{} as v1", d.name(), d.name());
        } catch (DuplicateKeyException anotherNodeSeededIt) {
            log.info("Rule set {} was seeded by another node", d.name());
        }
    }

    /** Versions an earlier release stored are brought into this release's layout (see {@link RuleSetDefinition#upgrade}). */
    private void upgradeStored(RuleSetDefinition<?> d) {
        if (inUse(d).stream().noneMatch(v -> needsUpgrade(d, v))) {
            return;
        }
        Instant now = now();
        String note = d.upgradeNote();
        transaction.executeWithoutResult(status -> {
            repository.lockRuleSet(d.name());
            for (RuleSetVersion stored : inUse(d)) {
                if (!needsUpgrade(d, stored)) {
                    continue;
                }
                List<RuleFile> upgraded = d.upgrade(stored.files());
                if (stored.state() == RuleSetVersion.State.PUBLISHED) {
                    int version = repository.nextVersion(d.name());
                    repository.insert(new RuleSetVersion(d.name(), version, RuleSetVersion.State.DRAFT, upgraded, "system", now,
                            note + " (以第" + stored.version() + "版为底)", null, null, null));
                    repository.publish(d.name(), version, "system", now, null);
                    repository.audit(d.name(), version, "UPGRADE", "system", now, note);
                } else {
                    repository.updateContent(d.name(), stored.version(), upgraded);
                    repository.audit(d.name(), stored.version(), "UPGRADE", "system", now, note);
                }
                log.info("Rule set {} v{} ({}) brought into this release's layout", d.name(), stored.version(), stored.state());
            }
        });
    }

    /** The versions still in use — in force, a draft, or waiting for its approval or its time — read alone, not the history. */
    private List<RuleSetVersion> inUse(RuleSetDefinition<?> d) {
        return java.util.stream.Stream.of(RuleSetVersion.State.PUBLISHED, RuleSetVersion.State.DRAFT,
                        RuleSetVersion.State.PENDING_APPROVAL, RuleSetVersion.State.SCHEDULED)
                .flatMap(state -> repository.inState(d.name(), state).stream()).toList();
    }

    /** A version in an earlier layout. */
    private static boolean needsUpgrade(RuleSetDefinition<?> d, RuleSetVersion v) {
        return !sameFiles(d.upgrade(v.files()), v.files());
    }

    private void installPublished(RuleSetDefinition<?> d) {
        RuleSetVersion published = repository.inState(d.name(), RuleSetVersion.State.PUBLISHED)
                .orElseThrow(() -> new IllegalStateException("rule set " + d.name() + " has no published version"));
        CompiledVersion.of(d, published.label(), published.files()).install();
    }

    private DryRun.Report refuseIfDryRunFails(String name, CompiledVersion<?> compiled) {
        Optional<DryRun> dryRun = dryRunFor(name);
        if (dryRun.isEmpty()) {
            return null;
        }
        DryRun.Report report;
        try {
            report = dryRun.get().run(name, compiled, List.of(), PUBLISH_DRY_RUN_CASES);
        } catch (RuntimeException e) {
            throw new RuleSetRefusedException("DRY_RUN_FAILED", "试运行出错, 不能发布 / the dry run failed: " + e.getMessage(), List.of());
        }
        report.lines().stream().filter(l -> l.error() != null && l.draft().isEmpty()).findFirst().ifPresent(l -> {
            throw new RuleSetRefusedException("DRY_RUN_FAILED", "试运行出错, 不能发布 / the dry run failed on "
                    + l.sample() + ": " + l.error(), List.of());
        });
        return report;
    }

    private static void checkFiles(RuleSetDefinition<?> d, List<RuleFile> files) {
        if (files == null || files.isEmpty()) {
            throw ApiException.invalidField("files", "至少需要一个文件", "at least one file is required");
        }
        Set<String> names = new LinkedHashSet<>();
        for (RuleFile file : files) {
            if (file.name() == null || !d.acceptsFileName(file.name())) {
                throw ApiException.invalidField("files", "文件名不符合要求: " + file.name(), "file name not allowed: " + file.name());
            }
            if (!names.add(file.name())) {
                throw ApiException.invalidField("files", "文件重复: " + file.name(), "duplicate file " + file.name());
            }
            if (file.content().length > MAX_FILE_CHARS * 3) {
                throw ApiException.invalidField("files", "文件过大: " + file.name(), "file too large: " + file.name());
            }
        }
        if (d.fixedFiles()) {
            Set<String> bundled = new LinkedHashSet<>(d.bundledFiles().stream().map(RuleFile::name).toList());
            if (!bundled.equals(names)) {
                throw ApiException.invalidField("files", "文件必须是 " + bundled, "the files must be " + bundled);
            }
        }
    }

    static String text(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.invalidField(field, "不能为空", "is required");
            }
            return null;
        }
        if (value.strip().length() > MAX_TEXT) {
            throw ApiException.invalidField(field, "长度不能超过" + MAX_TEXT + "个字符", "must be at most " + MAX_TEXT + " characters");
        }
        return value.strip();
    }

    ApiException noDraft() {
        return ApiException.conflict("NO_DRAFT", "没有草稿 / there is no draft");
    }

    static boolean sameFiles(List<RuleFile> a, List<RuleFile> b) {
        return texts(a).equals(texts(b));
    }

    private static Map<String, String> texts(List<RuleFile> files) {
        Map<String, String> map = new LinkedHashMap<>();
        files.forEach(f -> map.put(f.name(), new String(f.content(), StandardCharsets.UTF_8)));
        return map;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** A draft that may not be published or saved, with the problems found. */
    public static class RuleSetRefusedException extends ApiException {
        private final List<RuleProblem> problems;

        public RuleSetRefusedException(String code, String message, List<RuleProblem> problems) {
            super(HttpStatus.BAD_REQUEST, code, message);
            this.problems = List.copyOf(problems);
        }

        public List<RuleProblem> problems() {
            return problems;
        }
    }
}
