package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 (rule administration) through {@code /api/rules} on a real PostgreSQL: who may do what,
 * validation with row and column, a broken draft that cannot be published, a time limit, a holiday
 * and a classification rule changed, dry-run, published, followed by new cases and rolled back;
 * history, diff, audit and the spreadsheet download and upload.
 */
class RuleAdministrationPostgresTest extends RuleTestSupport {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    private static final String SJ_002_LINE = "SJ-002,食品经营许可(小餐饮),dept-market,window-market,COMMITTED,10,20,";
    private static final String SJ_002_FIVE = "SJ-002,食品经营许可(小餐饮),dept-market,window-market,COMMITTED,5,20,";

    @Test
    void everyRuleSetIsListedWithItsPublishedVersion() {
        JsonNode sets = ok(send("GET", "/api/rules", null, RULEADMIN));
        List<String> names = new ArrayList<>();
        for (JsonNode set : sets) {
            names.add(set.path("name").asText());
            assertThat(set.path("title").asText()).as(set.toString()).isNotBlank();
            assertThat(set.path("published").path("version").asInt()).as(set.toString()).isGreaterThanOrEqualTo(1);
            assertThat(set.path("published").path("state").asText()).isEqualTo("PUBLISHED");
            assertThat(set.path("installed").asText()).isEqualTo(set.path("name").asText() + "@v" + set.path("published").path("version").asInt());
        }
        assertThat(names).contains("calendar", "catalogue", "classification", "time-limits");
        JsonNode classification = ok(send("GET", "/api/rules/classification", null, SUPERVISOR));
        assertThat(classification.path("published").path("files").get(0).path("content").asText()).contains("RuleTable Disposition");
        assertThat(classification.path("exampleFields").path("itemCode").asText()).isEqualTo("事项编码");
    }

    @Test
    void onlyRuleAdminsChangeSupervisorsReadAndDryRunClerksNothing() {
        String set = "/api/rules/catalogue";
        Map<String, Object> files = Map.of("files", fileList(publishedFiles("catalogue")), "comment", "x");
        Map<String, Object> dryRun = Map.of("files", fileList(publishedFiles("catalogue")), "examples",
                List.of(Map.of("itemCode", "SJ-002")), "recentCases", 0);
        Map<String, Object> rollback = Map.of("version", 1, "comment", "x");

        // supervisors read, validate and dry-run ...
        assertThat(send("GET", "/api/rules", null, SUPERVISOR).statusCode()).isEqualTo(200);
        assertThat(send("GET", set + "/versions", null, SUPERVISOR).statusCode()).isEqualTo(200);
        assertThat(send("GET", set + "/audit", null, SUPERVISOR).statusCode()).isEqualTo(200);
        assertThat(ok(send("POST", set + "/validate", files, SUPERVISOR)).path("valid").asBoolean()).isTrue();
        assertThat(ok(send("POST", set + "/dry-run", dryRun, SUPERVISOR)).path("lines")).hasSize(1);
        // ... but change nothing
        assertForbidden(send("PUT", set + "/draft", files, SUPERVISOR));
        assertForbidden(send("POST", set + "/publish", Map.of("comment", "x"), SUPERVISOR));
        assertForbidden(send("POST", set + "/rollback", rollback, SUPERVISOR));
        assertForbidden(send("DELETE", set + "/draft", null, SUPERVISOR));
        // nor do they approve: that is the directors'
        Map<String, Object> approval = Map.of("approve", true, "comment", "x");
        assertForbidden(send("POST", set + "/versions/1/approval", approval, SUPERVISOR));
        assertForbidden(send("POST", set + "/versions/1/approval", approval, RULEADMIN));
        assertForbidden(send("POST", set + "/emergency-rollback", rollback, RULEADMIN));
        assertForbidden(send("POST", set + "/publish", Map.of("comment", "x"), DIRECTOR));

        // clerks get nothing at all
        for (String[] call : new String[][] {{"GET", "/api/rules"}, {"GET", set}, {"GET", set + "/versions"},
                {"POST", set + "/validate"}, {"POST", set + "/dry-run"}, {"PUT", set + "/draft"}, {"POST", set + "/publish"},
                {"POST", set + "/rollback"}}) {
            Object body = call[1].endsWith("dry-run") ? dryRun : call[1].endsWith("rollback") ? rollback : call[0].equals("GET") ? null : files;
            assertForbidden(send(call[0], call[1], body, CLERK));
        }
        // without credentials: 401
        assertThat(send("GET", "/api/rules", null, null).statusCode()).isEqualTo(401);
        assertThat(send("PUT", set + "/draft", files, null).statusCode()).isEqualTo(401);

        // a rule administrator may: save a draft (then discard it)
        JsonNode draft = ok(send("PUT", set + "/draft", files, RULEADMIN));
        assertThat(draft.path("draft").path("state").asText()).isEqualTo("DRAFT");
        assertThat(draft.path("draft").path("author").asText()).isEqualTo(RULEADMIN);
        assertThat(send("DELETE", set + "/draft", null, RULEADMIN).statusCode()).isEqualTo(204);
        // nothing was published by anybody
        assertThat(ok(send("GET", set, null, RULEADMIN)).path("published").path("version").asInt())
                .isEqualTo(publishedBefore("catalogue").version());
    }

    @Test
    void aBrokenTableIsShownAtItsRowAndColumnMaySitInADraftButIsNeverPublished() {
        String installedBefore = installed("classification");
        Map<String, String> broken = edited("classification", "classification.csv", "缺主件退回,处理方式,,,,0,", "缺主件退回,处理方式,,,,abc,");

        JsonNode validation = ok(send("POST", "/api/rules/classification/validate", Map.of("files", fileList(broken)), SUPERVISOR));
        assertThat(validation.path("valid").asBoolean()).isFalse();
        assertThat(validation.path("problems")).anySatisfy(p -> {
            assertThat(p.path("file").asText()).isEqualTo("classification.csv");
            assertThat(p.path("row").asInt()).isEqualTo(15);
            assertThat(p.path("column").asInt()).isEqualTo(6);
        });

        // a draft may be broken ...
        JsonNode draft = saveDraft("classification", broken, RULEADMIN);
        assertThat(draft.path("validation").path("valid").asBoolean()).isFalse();
        // ... but is never published
        HttpResponse<String> refused = send("POST", "/api/rules/classification/publish", Map.of("comment", "坏表"), RULEADMIN);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode error = read(refused);
        assertThat(error.path("error").asText()).isEqualTo("INVALID_RULES");
        assertThat(error.path("message").asText()).contains("classification");
        assertThat(error.path("problems")).anySatisfy(p -> {
            assertThat(p.path("row").asInt()).isEqualTo(15);
            assertThat(p.path("column").asInt()).isEqualTo(6);
        });

        // the running rules are unchanged
        assertThat(installed("classification")).isEqualTo(installedBefore);
        JsonNode accepted = registerSj002();
        assertThat(accepted.path("disposition").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("caseType").asText()).isEqualTo("COMMITTED");
        assertThat(caseDetails(accepted.path("caseNumber").asText()).path("ruleVersions").path("classification").asText())
                .isEqualTo(installedBefore);

        // an unknown case type compiles in Drools but is refused at its cell (row 29, column H)
        Map<String, String> typo = edited("classification", "classification.csv", "需审核承诺办结,办件类型,,,,,,COMMITTED",
                "需审核承诺办结,办件类型,,,,,,COMMITED");
        JsonNode typoValidation = ok(send("POST", "/api/rules/classification/validate", Map.of("files", fileList(typo)), RULEADMIN));
        assertThat(typoValidation.path("valid").asBoolean()).isFalse();
        assertThat(typoValidation.path("problems")).singleElement().satisfies(p -> {
            assertThat(p.path("row").asInt()).isEqualTo(29);
            assertThat(p.path("column").asInt()).isEqualTo(8);
            assertThat(p.path("message").asText()).contains("COMMITED");
        });
        saveDraft("classification", typo, RULEADMIN);
        assertThat(send("POST", "/api/rules/classification/publish", Map.of("comment", "拼写错误"), RULEADMIN).statusCode()).isEqualTo(400);
        assertThat(installed("classification")).isEqualTo(installedBefore);
    }

    @Test
    void aShorterTimeLimitIsDryRunPublishedFollowedByNewCasesAndRolledBack() {
        RuleSetVersion before = publishedBefore("catalogue");
        Instant tenDays = calendarDeadline(RECEIVED, 10);
        Instant fiveDays = calendarDeadline(RECEIVED, 5);
        assertThat(tenDays).isEqualTo(Instant.parse("2026-12-02T09:30:00Z"));
        assertThat(fiveDays).isEqualTo(Instant.parse("2026-11-25T09:30:00Z"));
        JsonNode old = registerSj002();
        assertThat(instant(old.path("deadline"))).isEqualTo(tenDays);

        Map<String, String> draft = edited("catalogue", "items.csv", SJ_002_LINE, SJ_002_FIVE);

        // dry run: the published deadline beside the draft's
        JsonNode report = ok(send("POST", "/api/rules/catalogue/dry-run", Map.of("files", fileList(draft),
                "examples", List.of(Map.of("itemCode", "SJ-002", "materials", String.join(",", SJ_002), "receivedAt", RECEIVED)),
                "recentCases", 200), RULEADMIN));
        JsonNode example = report.path("lines").get(0);
        assertThat(example.path("sample").asText()).contains("SJ-002");
        assertThat(example.path("published").path("截止时间").asText()).isEqualTo(MINUTES.format(tenDays));
        assertThat(example.path("draft").path("截止时间").asText()).isEqualTo(MINUTES.format(fiveDays));
        assertThat(example.path("published").path("办结时限").asText()).contains("10");
        assertThat(example.path("draft").path("办结时限").asText()).contains("5");
        assertThat(example.path("changed").asBoolean()).as(example.toString()).isTrue();
        assertThat(report.path("changed").asLong()).isGreaterThanOrEqualTo(1);
        // the case registered above is among the recent real cases (other tests register later ones too), and would change
        assertThat(report.path("lines")).anySatisfy(line -> {
            assertThat(line.path("sample").asText()).isEqualTo(old.path("caseNumber").asText());
            assertThat(line.path("changed").asBoolean()).isTrue();
        });
        assertThat(report.path("columns").toString()).contains("截止时间");

        // publication needs a comment
        saveDraft("catalogue", draft, RULEADMIN);
        HttpResponse<String> noComment = send("POST", "/api/rules/catalogue/publish", Map.of("comment", " "), RULEADMIN);
        assertThat(noComment.statusCode()).as(noComment.body()).isEqualTo(400);
        assertThat(read(noComment).path("message").asText()).contains("comment");
        assertThat(send("POST", "/api/rules/catalogue/publish", "{}", RULEADMIN).statusCode()).isEqualTo(400);
        assertThat(installed("catalogue")).isEqualTo(before.label());

        JsonNode published = publish("catalogue", "SJ-002 承诺时限由10个工作日缩短为5个工作日");
        int v = published.path("version").asInt();
        String label = published.path("label").asText();
        assertThat(v).isGreaterThan(before.version());
        assertThat(label).isEqualTo("catalogue@v" + v);
        assertThat(published.path("state").asText()).isEqualTo("PUBLISHED");
        // drafted and submitted by the administrator, approved (and so published) by the director
        assertThat(published.path("author").asText()).isEqualTo(RULEADMIN);
        assertThat(published.path("submittedBy").asText()).isEqualTo(RULEADMIN);
        assertThat(published.path("decidedBy").asText()).isEqualTo(DIRECTOR);
        assertThat(published.path("publishedBy").asText()).isEqualTo(DIRECTOR);
        assertThat(installed("catalogue")).isEqualTo(label);
        assertThat(ok(send("GET", "/api/items", null, CLERK)).findValues("code").stream().anyMatch(c -> c.asText().equals("SJ-002"))).isTrue();

        // a case registered now gets 5 working days, and says which catalogue version timed it
        JsonNode faster = registerSj002();
        assertThat(instant(faster.path("deadline"))).isEqualTo(fiveDays);
        JsonNode details = caseDetails(faster.path("caseNumber").asText());
        assertThat(details.path("ruleVersions").path("catalogue").asText()).isEqualTo(label);
        assertThat(instant(details.path("sla").path("deadline"))).isEqualTo(fiveDays);
        // the earlier case keeps its deadline and its version
        assertThat(caseDetails(old.path("caseNumber").asText()).path("ruleVersions").path("catalogue").asText())
                .isEqualTo(before.label());

        // roll back to the version before: the next case gets 10 days again
        JsonNode rolledBack = rollback("catalogue", before.version(), "恢复10个工作日");
        int back = rolledBack.path("version").asInt();
        assertThat(back).isEqualTo(v + 1);
        assertThat(rolledBack.path("comment").asText()).contains("v" + before.version(), "恢复10个工作日");
        assertThat(installed("catalogue")).isEqualTo("catalogue@v" + back);
        JsonNode again = registerSj002();
        assertThat(instant(again.path("deadline"))).isEqualTo(tenDays);
        assertThat(caseDetails(again.path("caseNumber").asText()).path("ruleVersions").path("catalogue").asText())
                .isEqualTo("catalogue@v" + back);

        // history: states and authors
        JsonNode versions = ok(send("GET", "/api/rules/catalogue/versions", null, SUPERVISOR));
        assertThat(versions.get(0).path("version").asInt()).isEqualTo(back);
        assertThat(versions.get(0).path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(versions.get(0).path("author").asText()).isEqualTo(RULEADMIN);
        assertThat(versions.get(1).path("version").asInt()).isEqualTo(v);
        assertThat(versions.get(1).path("state").asText()).isEqualTo("SUPERSEDED");
        assertThat(versions.get(1).path("author").asText()).isEqualTo(RULEADMIN);
        assertThat(versions.get(1).path("comment").asText()).isEqualTo("SJ-002 承诺时限由10个工作日缩短为5个工作日");
        JsonNode first = versions.get(versions.size() - 1);
        assertThat(first.path("version").asInt()).isEqualTo(1);
        assertThat(first.path("state").asText()).isEqualTo("SUPERSEDED");
        assertThat(first.path("author").asText()).isEqualTo("system");
        JsonNode version = ok(send("GET", "/api/rules/catalogue/versions/" + v, null, SUPERVISOR));
        assertThat(version.path("files").toString()).contains(SJ_002_FIVE);

        // diff: the changed line, both ways
        JsonNode diff = ok(send("GET", "/api/rules/catalogue/diff?from=" + before.version() + "&to=" + v, null, SUPERVISOR));
        assertThat(diff.has("materials.csv")).isFalse();
        List<String> lines = new ArrayList<>();
        diff.path("items.csv").forEach(l -> lines.add(l.asText()));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("-" + SJ_002_LINE));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("+" + SJ_002_FIVE));
        assertThat(ok(send("GET", "/api/rules/catalogue/diff?from=" + before.version() + "&to=" + back, null, SUPERVISOR)).size())
                .isZero();

        // audit: who did what
        JsonNode audit = ok(send("GET", "/api/rules/catalogue/audit", null, SUPERVISOR));
        List<String> entries = new ArrayList<>();
        audit.forEach(e -> entries.add(e.path("action").asText() + ":" + e.path("actor").asText() + ":" + e.path("version").asText()));
        // newest first (the seed was written at the real time, this test's entries at the fixed engine clock)
        assertThat(entries).containsSubsequence("APPROVE:director:" + back, "SUBMIT_ROLLBACK:ruleadmin:" + back,
                "APPROVE:director:" + v, "SUBMIT:ruleadmin:" + v, "SAVE_DRAFT:ruleadmin:" + v);
        assertThat(entries).contains("SEED:system:1");
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("SUBMIT");
            assertThat(e.path("version").asInt()).isEqualTo(v);
            assertThat(e.path("comment").asText()).isEqualTo("SJ-002 承诺时限由10个工作日缩短为5个工作日");
        });
    }

    @Test
    void aNewHolidayMovesCalendarDeadlinesUntilRolledBack() {
        RuleSetVersion before = publishedBefore("calendar");
        String from = "2026-11-30T10:00:00+08:00";
        Instant normal = calendarDeadline(from, 1);
        assertThat(normal).isEqualTo(Instant.parse("2026-12-01T09:30:00Z"));

        Map<String, String> files = publishedFiles("calendar");
        assertThat(files).containsKeys("2025.csv", "2026.csv");
        files.put("2026.csv", files.get("2026.csv") + "2026-12-01,HOLIDAY,测试假日\n");
        saveDraft("calendar", files, RULEADMIN);
        JsonNode published = publish("calendar", "12月1日放假");
        assertThat(installed("calendar")).isEqualTo(published.path("label").asText());

        assertThat(calendarDeadline(from, 1)).isEqualTo(Instant.parse("2026-12-02T09:30:00Z"));

        rollback("calendar", before.version(), "撤销测试假日");
        assertThat(calendarDeadline(from, 1)).isEqualTo(normal);
    }

    @Test
    void aChangedClassificationRuleDecidesNewRegistrationsUntilRolledBack() {
        RuleSetVersion before = publishedBefore("classification");
        assertThat(registerSj002().path("reason").asText()).isEqualTo("材料齐全、符合法定形式");

        // complete but unlawful-looking: the "complete" row now returns the application
        Map<String, String> files = edited("classification", "classification.csv",
                "材料齐全受理,处理方式,,,,,,ACCEPTED,材料齐全、符合法定形式,",
                "材料齐全受理,处理方式,,,,,,RETURNED,本中心暂停受理此类申请(规则测试),");
        JsonNode report = ok(send("POST", "/api/rules/classification/dry-run", Map.of("files", fileList(files),
                "examples", List.of(Map.of("itemCode", "SJ-002", "materials", String.join(",", SJ_002))), "recentCases", 0), RULEADMIN));
        assertThat(report.path("lines").get(0).path("published").path("处理方式").asText()).isEqualTo("受理件");
        assertThat(report.path("lines").get(0).path("draft").path("处理方式").asText()).isEqualTo("退回件");
        saveDraft("classification", files, RULEADMIN);
        String label = publish("classification", "规则测试: 暂停受理").path("label").asText();

        JsonNode returned = registerSj002();
        assertThat(returned.path("disposition").asText()).isEqualTo("RETURNED");
        assertThat(returned.path("reason").asText()).isEqualTo("本中心暂停受理此类申请(规则测试)");
        assertThat(caseDetails(returned.path("caseNumber").asText()).path("ruleVersions").path("classification").asText())
                .isEqualTo(label);

        rollback("classification", before.version(), "恢复受理");
        JsonNode accepted = registerSj002();
        assertThat(accepted.path("disposition").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("reason").asText()).isEqualTo("材料齐全、符合法定形式");
    }

    @Test
    void aTableDownloadsAsXlsxAndUploadsBackAsTheSameCsv() throws IOException {
        HttpResponse<byte[]> download = bytes("/api/rules/catalogue/versions/1/files/items.xlsx", RULEADMIN);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).contains("attachment", "catalogue-v1-items.xlsx"));
        byte[] xlsx = download.body();
        assertThat(xlsx).startsWith('P', 'K');
        // supervisors may download, clerks not
        assertThat(bytes("/api/rules/catalogue/versions/1/files/items.xlsx", SUPERVISOR).statusCode()).isEqualTo(200);
        assertThat(bytes("/api/rules/catalogue/versions/1/files/items.xlsx", CLERK).statusCode()).isEqualTo(403);
        assertThat(bytes("/api/rules/catalogue/versions/1/files/nothing.xlsx", RULEADMIN).statusCode()).isEqualTo(404);

        HttpResponse<String> upload = multipart("/api/rules/catalogue/spreadsheet?name=items.csv", "items.xlsx", xlsx, RULEADMIN);
        JsonNode file = ok(upload);
        assertThat(file.path("name").asText()).isEqualTo("items.csv");
        String original = ok(send("GET", "/api/rules/catalogue/versions/1", null, RULEADMIN)).path("files").get(0).path("content").asText();
        assertThat(cells(file.path("content").asText())).isEqualTo(cells(original));
        assertThat(file.path("content").asText()).contains(SJ_002_LINE, "食品经营许可(小餐饮)");
        // and the uploaded table validates
        Map<String, String> files = publishedFiles("catalogue");
        files.put("items.csv", file.path("content").asText());
        assertThat(ok(send("POST", "/api/rules/catalogue/validate", Map.of("files", fileList(files)), RULEADMIN))
                .path("valid").asBoolean()).isTrue();

        // not a workbook: 400; supervisors may not upload
        HttpResponse<String> notXlsx = multipart("/api/rules/catalogue/spreadsheet?name=items.csv", "items.xlsx",
                original.getBytes(StandardCharsets.UTF_8), RULEADMIN);
        assertThat(notXlsx.statusCode()).as(notXlsx.body()).isEqualTo(400);
        assertThat(multipart("/api/rules/catalogue/spreadsheet?name=items.csv", "items.xlsx", xlsx, SUPERVISOR).statusCode())
                .isEqualTo(403);
        assertThat(multipart("/api/rules/catalogue/spreadsheet?name=../x.csv", "items.xlsx", xlsx, RULEADMIN).statusCode())
                .isEqualTo(400);
    }

    // ---------------------------------------------------------------- helpers

    private void assertForbidden(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(403);
    }

    private HttpResponse<byte[]> bytes(String path, String user) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user, password(user))).GET().build();
        return exchange(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> multipart(String path, String fileName, byte[] content, String user) {
        String boundary = "----bianmin" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user, password(user))).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<List<String>> cells(String csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(csv))) {
            rows.add(record.toList());
        }
        return rows;
    }
}
