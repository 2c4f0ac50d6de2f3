package org.bianmin.rules;

import org.bianmin.web.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bianmin.identity.Action;
import org.bianmin.identity.Authorized;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.bianmin.web.ApiException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/rules}: rule sets, versions, validation, dry runs, publication and roll-back.
 * Rule administrators change; supervisors and directors read and dry-run.
 */
@RestController
@RequestMapping("/api/rules")
class RuleSetController {

    static final int MAX_RECENT_CASES = 200;

    private final RuleSetService rules;

    private final RulePublication publication;
    private final RulePeople people;

    RuleSetController(RuleSetService rules, RulePublication publication, RulePeople people) {
        this.rules = rules;
        this.publication = publication;
        this.people = people;
    }

    record FileView(@Text(max = 200) @NotNull String name, @Text(max = 5000000, multiline = true) String content) {
        static List<FileView> of(List<RuleFile> files) {
            return files.stream().map(f -> new FileView(f.name(), new String(f.content(), StandardCharsets.UTF_8))).toList();
        }

        static List<RuleFile> toFiles(List<FileView> files) {
            if (files == null) {
                return null;
            }
            return files.stream().map(f -> {
                if (f == null || f.content() == null) {
                    throw ApiException.invalidField("files", "文件内容不能为空", "file content is required");
                }
                return new RuleFile(f.name(), f.content().getBytes(StandardCharsets.UTF_8));
            }).toList();
        }
    }

    record VersionView(int version, RuleSetVersion.State state, String stateLabel, String label, String author,
                       Instant createdAt, String comment, Instant publishedAt, String publishedBy, String basisDocument,
                       Instant effectiveFrom, String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt,
                       String decisionComment, Map<String, String> names, List<FileView> files) {
        /** {@code names}: the people of the version by name, keyed by their ids. */
        static VersionView of(RuleSetVersion v, boolean withFiles, java.util.function.Function<String, String> name) {
            if (v == null) {
                return null;
            }
            RuleSetVersion.Review r = v.review();
            Map<String, String> names = new java.util.LinkedHashMap<>();
            java.util.stream.Stream.of(v.author(), v.publishedBy(), r.submittedBy(), r.decidedBy()).filter(java.util.Objects::nonNull)
                    .forEach(id -> names.computeIfAbsent(id, name));
            return new VersionView(v.version(), v.state(), v.state().label(), v.label(), v.author(), v.createdAt(), v.comment(),
                    v.publishedAt(), v.publishedBy(), r.basisDocument(), r.effectiveFrom(), r.submittedBy(), r.submittedAt(),
                    r.decidedBy(), r.decidedAt(), r.decisionComment(), names, withFiles ? FileView.of(v.files()) : null);
        }
    }

    record SetView(String name, String title, String description, String installed, VersionView published,
                   VersionView draft, VersionView pending, boolean fixedFiles, Map<String, String> columnHelp,
                   Map<String, Map<String, String>> columnOptions, Map<String, String> fileTitles,
                   Map<String, String> exampleFields) {
    }

    @Authorized(Action.RULES_READ)
    @GetMapping
    List<SetView> overview(CurrentUser user) {
        return rules.overview().stream().map(s -> view(s, false)).toList();
    }

    @Authorized(Action.RULES_READ)
    @GetMapping("/{set}")
    SetView ruleSet(@PathVariable String set, CurrentUser user) {
        return view(rules.summary(rules.definition(set)), true);
    }

    @Authorized(Action.RULES_READ)
    @GetMapping("/{set}/versions")
    List<VersionView> versions(@PathVariable String set, CurrentUser user) {
        return rules.versions(set).stream().map(v -> VersionView.of(v, false, people::name)).toList();
    }

    @Authorized(Action.RULES_READ)
    @GetMapping("/{set}/versions/{version}")
    VersionView version(@PathVariable String set, @PathVariable int version, CurrentUser user) {
        return VersionView.of(rules.version(set, version), true, people::name);
    }

    @Authorized(Action.RULES_READ)
    @GetMapping("/{set}/diff")
    Map<String, List<String>> diff(@PathVariable String set, @RequestParam int from, @RequestParam int to, CurrentUser user) {
        return rules.diff(set, from, to);
    }

    /** An audit entry with its actor by name. */
    record AuditView(String ruleSet, Integer version, String action, String actor, String actorName, Instant at, String comment) {
    }

    @Authorized(Action.RULES_READ)
    @GetMapping("/{set}/audit")
    List<AuditView> audit(@PathVariable String set, CurrentUser user) {
        return rules.audit(set).stream().map(e -> new AuditView(e.ruleSet(), e.version(), e.action(), e.actor(), people.name(e.actor()),
                e.at(), e.comment())).toList();
    }

    record FilesRequest(@Size(max = 50) List<@Valid @NotNull FileView> files, @Text(max = 500, multiline = true) String comment) {
    }

    /** The grid's layout of the files shown: the same {@link RuleTableLayout} the workbook and the changes use. */
    @Authorized(Action.RULES_READ)
    @PostMapping("/{set}/layout")
    List<RuleSetService.FileLayout> layout(@PathVariable String set, @Valid @RequestBody FilesRequest request) {
        return rules.layout(set, FileView.toFiles(request.files()));
    }

    @Authorized(Action.RULES_READ)
    @PostMapping("/{set}/validate")
    RuleSetService.Validation validate(@PathVariable String set, @Valid @RequestBody FilesRequest request, CurrentUser user) {
        return rules.validate(set, FileView.toFiles(request.files()));
    }

    record DryRunRequest(@Size(max = 50) List<@Valid @NotNull FileView> files,
                         @Size(max = 200) List<@NotNull Map<@Text(max = 100) String, @Text(max = 1000) String>> examples,
                         @Min(0) @Max(1000) Integer recentCases) {
    }

    @Authorized(Action.RULES_READ)
    @PostMapping("/{set}/dry-run")
    DryRun.Report dryRun(@PathVariable String set, @Valid @RequestBody DryRunRequest request, CurrentUser user) {
        int recent = request.recentCases() == null ? 20 : request.recentCases();
        if (recent < 0 || recent > MAX_RECENT_CASES) {
            throw ApiException.invalidField("recentCases", "必须在0到" + MAX_RECENT_CASES + "之间", "must be between 0 and " + MAX_RECENT_CASES);
        }
        return rules.dryRun(set, FileView.toFiles(request.files()), request.examples(), recent);
    }

    record DraftView(VersionView draft, RuleSetService.Validation validation) {
    }

    @Authorized(Action.RULES_CHANGE)
    @PutMapping("/{set}/draft")
    DraftView saveDraft(@PathVariable String set, @Valid @RequestBody FilesRequest request, CurrentUser user) {
        List<RuleFile> files = FileView.toFiles(request.files());
        RuleSetVersion draft = rules.saveDraft(set, files, request.comment(), user.id());
        return new DraftView(VersionView.of(draft, true, people::name), rules.validate(set, files));
    }

    @Authorized(Action.RULES_CHANGE)
    @DeleteMapping("/{set}/draft")
    ResponseEntity<Void> deleteDraft(@PathVariable String set, CurrentUser user) {
        rules.deleteDraft(set, user.id());
        return ResponseEntity.noContent().build();
    }

    record PublishRequest(@Text(max = 500, multiline = true) String comment, OffsetDateTime effectiveFrom,
                          @Text(max = 200) String basisDocument, Boolean confirmLargeChange) {
        RulePublication.Submission submission() {
            return new RulePublication.Submission(comment, effectiveFrom, basisDocument, Boolean.TRUE.equals(confirmLargeChange));
        }
    }

    /** Submits the draft for a director's approval: 202, the version waits as PENDING_APPROVAL. */
    @Authorized(Action.RULES_CHANGE)
    @PostMapping("/{set}/publish")
    ResponseEntity<VersionView> publish(@PathVariable String set, @Valid @RequestBody PublishRequest request, CurrentUser user) {
        return ResponseEntity.accepted().body(VersionView.of(publication.submit(set, request.submission(), user.id()), false, people::name));
    }

    record ApprovalRequest(@NotNull Boolean approve, @Text(max = 500, multiline = true) String comment) {
    }

    /** A director's decision on a pending version (never his own): PUBLISHED, SCHEDULED or REJECTED. */
    @Authorized(Action.RULES_APPROVE)
    @PostMapping("/{set}/versions/{version}/approval")
    VersionView approval(@PathVariable String set, @PathVariable int version, @Valid @RequestBody ApprovalRequest request,
                         CurrentUser user) {
        return VersionView.of(publication.decide(set, version, request.approve(), request.comment(), user.id()), false, people::name);
    }

    record RollbackRequest(@NotNull @Min(1) Integer version, @Text(max = 500, multiline = true) String comment,
                           OffsetDateTime effectiveFrom, @Text(max = 200) String basisDocument) {
    }

    /** Submits the content of an earlier version as a new one, for approval like a draft. */
    @Authorized(Action.RULES_CHANGE)
    @PostMapping("/{set}/rollback")
    ResponseEntity<VersionView> rollback(@PathVariable String set, @Valid @RequestBody RollbackRequest request, CurrentUser user) {
        return ResponseEntity.accepted().body(VersionView.of(publication.rollback(set, request.version(),
                new RulePublication.Submission(request.comment(), request.effectiveFrom(), request.basisDocument()), user.id()), false, people::name));
    }

    /** A director puts an earlier version in force at once, without approval; recorded as an emergency. */
    @Authorized(Action.RULES_APPROVE)
    @PostMapping("/{set}/emergency-rollback")
    VersionView emergencyRollback(@PathVariable String set, @Valid @RequestBody RollbackRequest request, CurrentUser user) {
        if (request.effectiveFrom() != null) {
            throw ApiException.invalidField("effectiveFrom", "紧急回滚立即生效, 不能指定生效时间", "an emergency rollback takes effect at once");
        }
        return VersionView.of(publication.emergencyRollback(set, request.version(), request.comment(), request.basisDocument(),
                user.id()), false, people::name);
    }

    @Authorized(Action.RULES_READ)
    @GetMapping("/{set}/changes")
    List<RuleChanges.Change> changes(@PathVariable String set, @RequestParam int from, @RequestParam int to, CurrentUser user) {
        return rules.changes(set, from, to);
    }

    /** A table of a version as a spreadsheet (Drools decision-table layout). */
    @Authorized(Action.RULES_READ)
    @GetMapping("/{set}/versions/{version}/files/{file}.xlsx")
    ResponseEntity<byte[]> download(@PathVariable String set, @PathVariable int version, @PathVariable String file,
                                    CurrentUser user) {
        RuleFile csv = rules.version(set, version).files().stream().filter(f -> f.name().equals(file + ".csv")).findFirst()
                .orElseThrow(() -> ApiException.notFound("UNKNOWN_FILE", "文件不存在 / no such file: " + file + ".csv"));
        byte[] xlsx = RuleTableSpreadsheets.toXlsx(file, new String(csv.content(), StandardCharsets.UTF_8));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(set + "-v" + version + "-" + file + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }

    /** Reads an uploaded spreadsheet into CSV text for the editor; nothing is stored until the draft is saved. */
    @Authorized(Action.RULES_CHANGE)
    @PostMapping(value = "/{set}/spreadsheet", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    FileView upload(@PathVariable String set, @RequestPart("file") MultipartFile file, @RequestParam String name,
                    CurrentUser user) throws IOException {
        if (!rules.definition(set).acceptsFileName(name)) {
            throw ApiException.invalidField("name", "文件名不符合要求: " + name, "file name not allowed: " + name);
        }
        return new FileView(name, RuleTableSpreadsheets.fromXlsx(file.getBytes()));
    }

    /** The whole rule set as one workbook in the business layout (Chinese headers, dropdowns, numbers as numbers). */
    @Authorized(Action.RULES_READ)
    @GetMapping("/{set}/versions/{version}/workbook.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable String set, @PathVariable int version, CurrentUser user) {
        byte[] xlsx = rules.workbook(set, version);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(rules.definition(set).title() + "-v" + version + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }

    record WorkbookFiles(List<FileView> files) {
    }

    /** Reads an edited workbook back into the CSV files a draft would hold; nothing is stored. */
    @Authorized(Action.RULES_CHANGE)
    @PostMapping(value = "/{set}/workbook", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    WorkbookFiles readWorkbook(@PathVariable String set, @RequestPart("file") MultipartFile file, CurrentUser user) throws IOException {
        return new WorkbookFiles(FileView.of(rules.readWorkbook(set, file.getBytes())));
    }

    /** Every published rule set in the layout of {@code rules/}, to commit back to the repository. */
    @Authorized(Action.RULES_READ)
    @GetMapping("/export.zip")
    ResponseEntity<byte[]> export(CurrentUser user) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (RuleSetService.Summary summary : rules.overview()) {
                for (RuleFile file : summary.published().files()) {
                    zip.putNextEntry(new ZipEntry("rules/" + summary.name() + "/" + file.name()));
                    zip.write(file.content());
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=rules.zip")
                .contentType(MediaType.parseMediaType("application/zip")).body(bytes.toByteArray());
    }

    record RefusalView(String error, String message, List<RuleProblem> problems) {
    }

    @ExceptionHandler(RuleSetService.RuleSetRefusedException.class)
    ResponseEntity<RefusalView> refused(RuleSetService.RuleSetRefusedException e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .body(new RefusalView(e.code(), e.getMessage(), e.problems()));
    }

    private static Map<String, String> fileTitles(RuleSetDefinition<?> d, RuleSetService.Summary s) {
        Map<String, String> titles = new java.util.LinkedHashMap<>();
        for (RuleSetVersion v : java.util.Arrays.asList(s.published(), s.draft())) {
            if (v != null) {
                v.files().forEach(f -> titles.put(f.name(), d.fileTitle(f.name())));
            }
        }
        return titles;
    }

    private SetView view(RuleSetService.Summary s, boolean withFiles) {
        RuleSetDefinition<?> d = rules.definition(s.name());
        return new SetView(s.name(), s.title(), s.description(), s.installed(), VersionView.of(s.published(), withFiles, people::name),
                VersionView.of(s.draft(), withFiles, people::name), VersionView.of(s.pending(), false, people::name), d.fixedFiles(), d.columnHelp(),
                withFiles ? d.columnOptions() : Map.of(), fileTitles(d, s),
                rules.dryRunFor(s.name()).map(DryRun::exampleFields).orElse(Map.of()));
    }
}
