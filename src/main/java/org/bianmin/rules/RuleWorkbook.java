package org.bianmin.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bianmin.rules.RuleTableLayout.Column;
import org.bianmin.rules.RuleTableLayout.Kind;
import org.bianmin.rules.RuleTableLayout.Line;
import org.bianmin.rules.RuleTableLayout.Parsed;
import org.bianmin.rules.RuleTableLayout.Table;
import org.bianmin.web.ApiException;

/**
 * A whole rule set as one workbook in the business layout: a read-me sheet, one sheet per table
 * with Chinese headers, numbers as numbers and dropdowns of Chinese labels, each row carrying the
 * line it came from. Reading a workbook back gives the CSV files a draft would hold: a row whose
 * values did not change keeps its line byte for byte, so an unchanged workbook gives back exactly
 * the version it was downloaded from; hidden technical rows and columns come from that version.
 */
public final class RuleWorkbook {

    static final String README = "说明";
    static final String OPTIONS = "选项";
    static final String LINE = "原行号";
    static final int MAX_ROWS = 5000;
    /** The read-me's cells that say which rule set and version the workbook shows, and where its table list begins. */
    private static final int SET_ROW = 0;
    private static final int VERSION_ROW = 1;
    private static final int TABLES_FROM = 8;

    private RuleWorkbook() {
    }

    /** The version as a workbook. */
    public static byte[] write(RuleSetDefinition<?> d, RuleSetVersion v) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = headerStyle(workbook);
            Sheet readme = workbook.createSheet(README);
            text(readme, SET_ROW, "规则集", d.name(), d.title());
            text(readme, VERSION_ROW, "版本", String.valueOf(v.version()), v.state().label());
            text(readme, 3, "填写说明", "每张工作表是一张规则表, 第一行为表头; 下拉框列请从列表中选择; 数字列填写数字。");
            text(readme, 4, "", "「原行号」列请勿修改: 新增的行留空, 删除整行即删除该规则; 改好后在规则管理页面上传, 校验、试运行后提交审批。");
            text(readme, 5, "", "条件列留空表示不限; 本工作簿只含业务内容, 规则引擎所需的技术行列由系统按原版本保留。");
            text(readme, TABLES_FROM - 1, "工作表", "文件", "第几张表");
            Sheet options = workbook.createSheet(OPTIONS);
            Map<String, String> optionRanges = new LinkedHashMap<>();
            Set<String> names = new LinkedHashSet<>(List.of(README, OPTIONS));
            int listed = TABLES_FROM;
            for (RuleFile file : v.files()) {
                if (!file.name().toLowerCase().endsWith(".csv")) {
                    continue;
                }
                Parsed parsed = RuleTableLayout.parse(file, d);
                for (int t = 0; t < parsed.tables().size(); t++) {
                    Table table = parsed.tables().get(t);
                    String name = sheetName(names, table.title() != null ? table.title() : d.fileTitle(file.name()));
                    text(readme, listed++, name, file.name(), String.valueOf(t + 1));
                    writeTable(workbook.createSheet(name), table, parsed.lines(), header, options, optionRanges);
                }
            }
            workbook.setSheetHidden(workbook.getSheetIndex(OPTIONS), true);
            readme.setColumnWidth(0, 12 * 256);
            readme.setColumnWidth(1, 90 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeTable(Sheet sheet, Table table, List<Line> lines, CellStyle header, Sheet options,
                                   Map<String, String> optionRanges) {
        List<Column> columns = table.visible();
        Row head = sheet.createRow(0);
        head.createCell(0).setCellValue(LINE);
        head.getCell(0).setCellStyle(header);
        for (int j = 0; j < columns.size(); j++) {
            Cell cell = head.createCell(j + 1);
            cell.setCellValue(columns.get(j).label());
            cell.setCellStyle(header);
            sheet.setColumnWidth(j + 1, Math.min(60, Math.max(10, columns.get(j).label().length() * 2 + 4)) * 256);
        }
        int r = 1;
        for (int line = table.first(); line < table.end(); line++) {
            List<String> cells = lines.get(line).cells();
            if (RuleTableLayout.cell(cells, 0).startsWith("#")) {
                continue;
            }
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(line + 1);
            for (int j = 0; j < columns.size(); j++) {
                shown(row.createCell(j + 1), columns.get(j), RuleTableLayout.cell(cells, columns.get(j).index()));
            }
        }
        sheet.createFreezePane(1, 1);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int j = 0; j < columns.size(); j++) {
            String range = listRange(columns.get(j), options, optionRanges);
            if (range != null) {
                DataValidationConstraint list = helper.createFormulaListConstraint(range);
                var validation = helper.createValidation(list, new CellRangeAddressList(1, MAX_ROWS, j + 1, j + 1));
                validation.setShowErrorBox(true);
                validation.createErrorBox("请从列表中选择", "此列只能填写列表中的值");
                sheet.addValidationData(validation);
            }
        }
    }

    /** The cell as a person reads it: a label for a code, 是/否, a number. */
    private static void shown(Cell cell, Column column, String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return;
        }
        switch (column.kind()) {
            case SELECT -> cell.setCellValue(column.options().getOrDefault(v, v));
            case BOOLEAN -> cell.setCellValue(v.equals("true") ? "是" : v.equals("false") ? "否" : v);
            case MULTI -> cell.setCellValue(column.labelsOf(v));
            case FLAG -> cell.setCellValue("是");
            case NUMBER -> {
                // a number as a number, unless Excel would not give it back as written ("007", "1e3")
                BigDecimal number = decimal(v);
                if (number != null && number.stripTrailingZeros().toPlainString().equals(v)) {
                    cell.setCellValue(number.doubleValue());
                } else {
                    cell.setCellValue(value);
                }
            }
            default -> cell.setCellValue(value);
        }
    }

    /** The dropdown's list on the hidden options sheet, one column per distinct list. */
    private static String listRange(Column column, Sheet options, Map<String, String> ranges) {
        List<String> labels = switch (column.kind()) {
            case SELECT -> List.copyOf(column.options().values());
            case BOOLEAN -> List.of("是", "否");
            case FLAG -> List.of("是");
            default -> null;
        };
        if (labels == null || labels.isEmpty()) {
            return null;
        }
        String key = String.join("\u0000", labels);
        return ranges.computeIfAbsent(key, k -> {
            int c = ranges.size();
            for (int i = 0; i < labels.size(); i++) {
                Row row = options.getRow(i) != null ? options.getRow(i) : options.createRow(i);
                row.createCell(c).setCellValue(labels.get(i));
            }
            String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(c);
            return "'" + OPTIONS + "'!$" + letter + "$1:$" + letter + "$" + labels.size();
        });
    }

    /** The rule set and version a workbook shows, as its read-me says. */
    public record Origin(String ruleSet, int version) {
    }

    public static Origin origin(byte[] xlsx) {
        try (Workbook workbook = open(xlsx)) {
            Sheet readme = workbook.getSheet(README);
            if (readme == null) {
                throw notOurs();
            }
            DataFormatter f = new DataFormatter();
            try {
                return new Origin(f.formatCellValue(readme.getRow(SET_ROW).getCell(1)).strip(),
                        Integer.parseInt(f.formatCellValue(readme.getRow(VERSION_ROW).getCell(1)).strip()));
            } catch (RuntimeException e) {
                throw notOurs();
            }
        } catch (IOException e) {
            throw notOurs();
        }
    }

    /** The files a draft would hold: the base version's files with the workbook's tables in place of theirs. */
    public static List<RuleFile> read(RuleSetDefinition<?> d, RuleSetVersion base, byte[] xlsx) {
        try (Workbook workbook = open(xlsx)) {
            Sheet readme = workbook.getSheet(README);
            DataFormatter f = new DataFormatter();
            Map<String, Map<Integer, Sheet>> sheets = new LinkedHashMap<>();
            for (int r = TABLES_FROM; r <= readme.getLastRowNum(); r++) {
                Row row = readme.getRow(r);
                if (row == null || f.formatCellValue(row.getCell(0)).isBlank()) {
                    continue;
                }
                Sheet sheet = workbook.getSheet(f.formatCellValue(row.getCell(0)));
                if (sheet == null) {
                    throw ApiException.invalidField("file", "缺少工作表「" + f.formatCellValue(row.getCell(0)) + "」, 请勿删除或改名工作表",
                            "a table sheet is missing");
                }
                sheets.computeIfAbsent(f.formatCellValue(row.getCell(1)), k -> new LinkedHashMap<>())
                        .put(Integer.parseInt(f.formatCellValue(row.getCell(2)).strip()) - 1, sheet);
            }
            List<RuleFile> files = new ArrayList<>();
            for (RuleFile file : base.files()) {
                Map<Integer, Sheet> tables = sheets.get(file.name());
                files.add(tables == null ? file : new RuleFile(file.name(), merge(d, file, tables)));
            }
            return files;
        } catch (IOException | NumberFormatException e) {
            throw notOurs();
        }
    }

    private static byte[] merge(RuleSetDefinition<?> d, RuleFile file, Map<Integer, Sheet> sheets) {
        Parsed parsed = RuleTableLayout.parse(file, d);
        String eol = parsed.lines().stream().map(Line::raw).filter(raw -> raw.endsWith("\n")).findFirst()
                .map(raw -> raw.endsWith("\r\n") ? "\r\n" : "\n").orElse("\n");
        StringBuilder text = new StringBuilder(parsed.bom() ? "\uFEFF" : "");
        int line = 0;
        for (int t = 0; t < parsed.tables().size(); t++) {
            Table table = parsed.tables().get(t);
            Sheet sheet = sheets.get(t);
            for (; line < table.first(); line++) {
                text.append(parsed.lines().get(line).raw());
            }
            if (sheet == null) {
                continue;
            }
            for (int l = table.first(); l < table.end(); l++) {
                // comment lines inside a table stay where they are
                if (RuleTableLayout.cell(parsed.lines().get(l).cells(), 0).startsWith("#")) {
                    text.append(parsed.lines().get(l).raw());
                }
            }
            boolean lastLine = table.end() == parsed.lines().size();
            List<String> rows = rowsOf(sheet, table, parsed.lines(), eol);
            for (int i = 0; i < rows.size(); i++) {
                String row = rows.get(i);
                // the file's last line keeps whether it ended with a line break
                boolean last = lastLine && i == rows.size() - 1;
                text.append(last && !endsWithBreak(parsed) ? row.replaceFirst("\r?\n$", "") : row);
            }
            line = table.end();
        }
        for (; line < parsed.lines().size(); line++) {
            text.append(parsed.lines().get(line).raw());
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Each row of the sheet as a line with its line end: unchanged rows as they were, others written anew. */
    private static List<String> rowsOf(Sheet sheet, Table table, List<Line> lines, String eol) {
        DataFormatter f = new DataFormatter();
        List<Column> columns = table.visible();
        int width = 0;
        for (int l = table.first() - 1; l < table.end(); l++) {
            width = Math.max(width, lines.get(Math.max(l, 0)).cells().size());
        }
        List<String> out = new ArrayList<>();
        for (int r = 1; r <= Math.min(sheet.getLastRowNum(), MAX_ROWS); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            List<String> values = new ArrayList<>();
            boolean empty = true;
            for (int j = 0; j < columns.size(); j++) {
                String value = stored(row.getCell(j + 1), columns.get(j), f);
                empty &= value.isEmpty();
                values.add(value);
            }
            String origin = f.formatCellValue(row.getCell(0)).strip();
            Integer from = origin.isEmpty() ? null : Integer.valueOf(origin.replaceFirst("\\.0+$", "")) - 1;
            if (from != null && (from < table.first() || from >= table.end())) {
                throw ApiException.invalidField("file", "工作表「" + sheet.getSheetName() + "」第" + (r + 1) + "行的原行号 " + origin
                        + " 不属于此表, 请勿修改原行号", "the original line number was changed");
            }
            if (empty) {
                // a blank line of the table stays; a row a person emptied is gone
                if (from != null && lines.get(from).blank()) {
                    out.add(lines.get(from).raw().endsWith("\n") ? lines.get(from).raw() : lines.get(from).raw() + eol);
                }
                continue;
            }
            List<String> cells = new ArrayList<>(from != null ? lines.get(from).cells() : blankRow(width, table));
            boolean changed = from == null;
            for (int j = 0; j < columns.size(); j++) {
                int c = columns.get(j).index();
                while (cells.size() <= c) {
                    cells.add("");
                }
                if (!cells.get(c).strip().equals(values.get(j))) {
                    cells.set(c, values.get(j));
                    changed = true;
                }
            }
            if (!changed) {
                String raw = lines.get(from).raw();
                out.add(raw.endsWith("\n") ? raw : raw + eol);
            } else {
                String lineEnd = from != null && lines.get(from).raw().endsWith("\r\n") ? "\r\n" : eol;
                out.add(String.join(",", cells.stream().map(RuleTableSpreadsheets::csvCell).toList()) + lineEnd);
            }
        }
        return out;
    }

    private static List<String> blankRow(int width, Table table) {
        List<String> cells = new ArrayList<>(java.util.Collections.nCopies(width, ""));
        table.columns().stream().filter(Column::hidden).forEach(c -> cells.set(c.index(), c.fixed()));
        return cells;
    }

    /** The code a cell stands for: a label's code, true/false for 是/否, X for a 是 mark, a number without ".0". */
    private static String stored(Cell cell, Column column, DataFormatter f) {
        if (cell == null) {
            return "";
        }
        if (column.kind() == Kind.NUMBER && cell.getCellType() == CellType.NUMERIC) {
            return new BigDecimal(String.valueOf(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
        }
        String text = f.formatCellValue(cell).strip();
        if (text.isEmpty()) {
            return "";
        }
        return switch (column.kind()) {
            case SELECT -> column.options().entrySet().stream().filter(e -> e.getValue().equals(text)).map(Map.Entry::getKey)
                    .findFirst().orElse(text);
            case BOOLEAN -> text.equals("是") ? "true" : text.equals("否") ? "false" : text;
            case MULTI -> column.codesOf(text);
            case FLAG -> text.equals("是") || text.equalsIgnoreCase("X") || text.equals("✓") ? "X" : text;
            default -> text;
        };
    }

    private static BigDecimal decimal(String v) {
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean endsWithBreak(Parsed parsed) {
        return parsed.lines().isEmpty() || parsed.lines().get(parsed.lines().size() - 1).raw().endsWith("\n");
    }

    private static Workbook open(byte[] xlsx) throws IOException {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (RuntimeException | IOException e) {
            throw notOurs();
        }
    }

    private static ApiException notOurs() {
        return ApiException.invalidField("file", "不是本系统下载的规则工作簿(缺少「说明」页的规则集与版本)",
                "not a rule workbook downloaded from Bianmin");
    }

    private static String sheetName(Set<String> taken, String wanted) {
        String name = wanted.replaceAll("[\\\\/?*\\[\\]:']", "_");
        name = name.length() > 28 ? name.substring(0, 28) : name;
        String unique = name;
        for (int i = 2; !taken.add(unique); i++) {
            unique = name + i;
        }
        return unique;
    }

    private static void text(Sheet sheet, int r, String... values) {
        Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
        for (int c = 0; c < values.length; c++) {
            row.createCell(c).setCellValue(values[c]);
        }
    }

    private static CellStyle headerStyle(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setWrapText(true);
        return style;
    }
}
