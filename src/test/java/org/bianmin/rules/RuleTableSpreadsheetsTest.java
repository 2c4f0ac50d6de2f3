package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bianmin.calendar.CalendarYearParser;
import org.bianmin.catalogue.CatalogueParser;
import org.bianmin.web.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Rule tables as .xlsx (the Drools decision-table layout) and back, for people who edit in a spreadsheet. */
class RuleTableSpreadsheetsTest {

    static Stream<Arguments> bundledTables() {
        List<Arguments> tables = new ArrayList<>();
        for (String set : List.of("classification", "time-limits", "catalogue", "calendar")) {
            for (RuleFile file : RuleEngine.bundledFiles(set)) {
                tables.add(Arguments.of(set, file.name(), new String(file.content(), StandardCharsets.UTF_8)));
            }
        }
        return tables.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("bundledTables")
    void csvToXlsxToCsvKeepsEveryCell(String set, String file, String csv) throws IOException {
        byte[] xlsx = RuleTableSpreadsheets.toXlsx(file.replace(".csv", ""), csv);
        // a real workbook: every non-empty cell is a text cell with the CSV's value
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo(file.replace(".csv", ""));
            List<List<String>> cells = cells(csv);
            for (int r = 0; r < cells.size(); r++) {
                for (int c = 0; c < cells.get(r).size(); c++) {
                    String value = cells.get(r).get(c);
                    if (!value.isEmpty()) {
                        assertThat(sheet.getRow(r).getCell(c).getCellType()).isEqualTo(CellType.STRING);
                        assertThat(sheet.getRow(r).getCell(c).getStringCellValue()).as("%s row %d col %d", file, r + 1, c + 1)
                                .isEqualTo(value);
                    }
                }
            }
        }

        String back = RuleTableSpreadsheets.fromXlsx(xlsx);

        // every cell comes back, empty ones included (a row "," stays two cells)
        assertThat(cells(back)).as(file).isEqualTo(cells(csv));
        // byte for byte, but for quotes CSV does not need or the editor adds (e.g. 新生儿出生"一件事"联办 is quoted)
        String[] before = csv.split("\n", -1);
        String[] after = back.split("\n", -1);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.length; i++) {
            if (!before[i].contains("\"")) {
                assertThat(after[i]).as("%s line %d", file, i + 1).isEqualTo(before[i]);
            }
        }
        // a second round trip changes nothing
        assertThat(RuleTableSpreadsheets.fromXlsx(RuleTableSpreadsheets.toXlsx(file, back))).isEqualTo(back);
    }

    @Test
    void downloadedAndUploadedTablesStillCompileToTheSameRules() {
        RuleCompiler compiler = new RuleCompiler();
        for (String set : List.of("classification", "time-limits")) {
            List<RuleFile> original = RuleEngine.bundledFiles(set);
            List<RuleFile> back = original.stream().map(f -> new RuleFile(f.name(), RuleTableSpreadsheets.fromXlsx(
                    RuleTableSpreadsheets.toXlsx(f.name(), new String(f.content(), StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.UTF_8))).toList();
            assertThat(compiler.compile(set, "back", back).ruleCount()).isEqualTo(compiler.compile(set, "orig", original).ruleCount());
        }
        Map<String, String> catalogue = new LinkedHashMap<>();
        for (RuleFile f : RuleEngine.bundledFiles("catalogue")) {
            catalogue.put(f.name(), roundTrip(f));
        }
        assertThat(CatalogueParser.parse(catalogue.get("items.csv"), catalogue.get("materials.csv")).find("ZH-001"))
                .hasValueSatisfying(item -> assertThat(item.name()).isEqualTo("新生儿出生\"一件事\"联办"));
        for (RuleFile f : RuleEngine.bundledFiles("calendar")) {
            if (!f.name().matches("\\d{4}\\.csv")) {
                assertThat(roundTrip(f)).as(f.name()).isEqualTo(new String(f.content(), StandardCharsets.UTF_8));
                continue;
            }
            int year = Integer.parseInt(f.name().substring(0, 4));
            // the "# ..." comment line must stay a comment (quoted, it was read as a bad header)
            assertThat(CalendarYearParser.parse(year, roundTrip(f)))
                    .isEqualTo(CalendarYearParser.parse(year, new String(f.content(), StandardCharsets.UTF_8)));
        }
    }

    private static String roundTrip(RuleFile f) {
        return RuleTableSpreadsheets.fromXlsx(RuleTableSpreadsheets.toXlsx(f.name(), new String(f.content(), StandardCharsets.UTF_8)));
    }

    @Test
    void quotedCellsChineseTextAndLineBreaksSurvive() {
        String csv = "RuleSet,x\n"
                + "Import,\"a, b\"\n"
                + ",,\"outcome.reason(\"\"$param\"\");\",\"多行\n文本\"\n"
                + "新生儿出生\"一件事\"联办,《中华人民共和国行政许可法》第三十二条，第(四)项,007,true\n";
        String back = RuleTableSpreadsheets.fromXlsx(RuleTableSpreadsheets.toXlsx("测试", csv));
        assertThat(cells(back)).isEqualTo(cells(csv));
        assertThat(cells(back).get(3)).containsExactly("新生儿出生\"一件事\"联办", "《中华人民共和国行政许可法》第三十二条，第(四)项", "007", "true");
        assertThat(cells(back).get(2)).containsExactly("", "", "outcome.reason(\"$param\");", "多行\n文本");
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedWith400() {
        byte[] csv = "code,name\nSJ-002,食品经营许可\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RuleTableSpreadsheets.fromXlsx(csv))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getMessage()).contains(".xlsx");
                });
        assertThatThrownBy(() -> RuleTableSpreadsheets.fromXlsx(new byte[0]))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
        // a zip that is no workbook
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0};
        assertThatThrownBy(() -> RuleTableSpreadsheets.fromXlsx(zip))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    /** The cells of each line of a CSV. */
    static List<List<String>> cells(String csv) {
        try {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(csv))) {
                rows.add(record.toList());
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
