package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A rule set as one workbook in the business layout: every shipped set round-trips exactly
 * unchanged; a workbook edited with POI as a person would (a typed number, a dropdown label)
 * gives back the published files with exactly those cells changed.
 */
class RuleWorkbookPostgresTest extends RuleTestSupport {

    @Test
    void everyRuleSetsWorkbookReadsBackToExactlyThePublishedFiles() throws IOException {
        for (JsonNode set : ok(send("GET", "/api/rules", null, RULEADMIN))) {
            String name = set.path("name").asText();
            int version = set.path("published").path("version").asInt();
            byte[] xlsx = download(name, version);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("说明");
                for (int s = 2; s < workbook.getNumberOfSheets(); s++) {
                    String header = text(workbook.getSheetAt(s).getRow(0));
                    assertThat(header).as("%s %s", name, workbook.getSheetName(s)).startsWith("原行号")
                            .doesNotContain("$param", "CONDITION", "ACTION", "RuleSet");
                }
            }
            assertThat(readBack(name, xlsx)).as(name).isEqualTo(publishedFiles(name));
        }
    }

    @Test
    void aWorkbookEditedAsAPersonWouldChangesExactlyTheEditedCells() throws IOException {
        Map<String, String> published = publishedFiles("time-limits");
        byte[] xlsx = download("time-limits", publishedBefore("time-limits").version());
        byte[] edited;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("时限");
            int extension = column(sheet, "每次可延期工作日");
            int caseType = column(sheet, "办件类型");
            Row committed = rowNamed(sheet, "承诺件");
            // numbers are numbers, case types Chinese labels with a dropdown
            assertThat(committed.getCell(extension).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(committed.getCell(caseType).getStringCellValue()).isEqualTo("承诺件");
            assertThat(sheet.getDataValidations()).anySatisfy(v -> assertThat(hasColumn(v, caseType)).isTrue());
            committed.getCell(extension).setCellValue(12);
            Row forwarded = rowNamed(sheet, "上报件");
            forwarded.getCell(caseType).setCellValue("上报件");
            edited = write(workbook);
        }
        Map<String, String> files = readBack("time-limits", edited);
        String before = published.get("time-limits.csv");
        String after = files.get("time-limits.csv");
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        assertThat(b).hasSameSizeAs(a);
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                changed.add(i + 1);
                assertThat(b.get(i)).startsWith("承诺件,时限,COMMITTED,").contains(",225,12,");
            }
        }
        assertThat(changed).hasSize(1);
        // what it gives is a valid draft: it validates and the grid's cell reads 12
        JsonNode validation = ok(send("POST", "/api/rules/time-limits/validate", Map.of("files", fileList(files)), RULEADMIN));
        assertThat(validation.path("valid").asBoolean()).as(validation.toString()).isTrue();

        // a workbook of another rule set is refused, nothing stored
        HttpResponse<String> wrong = upload("catalogue", xlsx);
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
        assertThat(read(wrong).path("message").asText()).contains("不是「事项目录」的");
        assertThat(repository.inState("catalogue", RuleSetVersion.State.DRAFT)).isEmpty();
    }

    @Test
    void jointDepartmentsAreNamesInTheWorkbookAndCodesInTheTable() throws IOException {
        byte[] xlsx = download("catalogue", publishedBefore("catalogue").version());
        byte[] edited;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("事项清单");
            int departments = column(sheet, "联办部门");
            Row joint = rowNamed(sheet, "MZ-003");
            assertThat(joint.getCell(departments).getStringCellValue()).isEqualTo("民政办、残疾人联合会");
            joint.getCell(departments).setCellValue("民政办、残疾人联合会; 卫生健康办");
            edited = write(workbook);
        }
        String items = readBack("catalogue", edited).get("items.csv");
        assertThat(items.lines().filter(l -> l.startsWith("MZ-003,"))).singleElement().asString()
                .contains(",dept-civil;dept-disabled;dept-health,");
    }

    private byte[] download(String set, int version) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/rules/" + set + "/versions/" + version + "/workbook.xlsx")))
                .header("Authorization", basic(RULEADMIN, DEMO_PASSWORD)).timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private Map<String, String> readBack(String set, byte[] xlsx) {
        JsonNode files = ok(upload(set, xlsx)).path("files");
        Map<String, String> texts = new LinkedHashMap<>();
        files.forEach(f -> texts.put(f.path("name").asText(), f.path("content").asText()));
        return texts;
    }

    private HttpResponse<String> upload(String set, byte[] xlsx) {
        String boundary = "bianmin-workbook-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rules.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(xlsx);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/rules/" + set + "/workbook")))
                .header("Authorization", basic(RULEADMIN, DEMO_PASSWORD)).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static int column(Sheet sheet, String header) {
        Row head = sheet.getRow(0);
        for (Cell cell : head) {
            if (cell.getStringCellValue().equals(header)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header + " in " + text(head));
    }

    private static Row rowNamed(Sheet sheet, String name) {
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getCell(1) != null && name.equals(row.getCell(1).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + name);
    }

    private static boolean hasColumn(DataValidation validation, int column) {
        return java.util.Arrays.stream(validation.getRegions().getCellRangeAddresses())
                .anyMatch(range -> range.getFirstColumn() <= column && column <= range.getLastColumn());
    }

    private static String text(Row row) {
        List<String> cells = new ArrayList<>();
        row.forEach(c -> cells.add(c.toString()));
        return String.join(",", cells);
    }

    private static byte[] write(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
