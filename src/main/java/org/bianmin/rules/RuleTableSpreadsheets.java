package org.bianmin.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bianmin.web.ApiException;

/**
 * A rule table as a spreadsheet (.xlsx, the Drools decision-table layout) and back: the same
 * cells, one row per line of the CSV the database keeps. Every cell is text.
 */
public final class RuleTableSpreadsheets {

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setRecordSeparator('\n').get();
    static final int MAX_ROWS = 5000;
    static final int MAX_COLUMNS = 100;

    private RuleTableSpreadsheets() {
    }

    public static byte[] toXlsx(String sheetName, String csv) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName.replaceAll("[\\\\/?*\\[\\]:]", "_"));
            int r = 0;
            for (CSVRecord record : CSV.parse(new StringReader(csv))) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < record.size(); c++) {
                    // an empty CSV cell is a blank cell, so that the line keeps its width on the way back
                    Cell cell = row.createCell(c);
                    if (!record.get(c).isEmpty()) {
                        cell.setCellValue(record.get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the first sheet of an uploaded workbook into CSV text; a file that is not a workbook is refused. */
    public static String fromXlsx(byte[] xlsx) {
        List<List<String>> rows = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            int width = 0;
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                }
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty() && row.getCell(cells.size() - 1) == null) {
                    cells.remove(cells.size() - 1);
                }
                width = Math.max(width, cells.size());
                rows.add(cells);
                if (rows.size() > MAX_ROWS || width > MAX_COLUMNS) {
                    throw ApiException.invalidField("file", "表格过大", "sheet too large (max " + MAX_ROWS + " rows, " + MAX_COLUMNS + " columns)");
                }
            }
            while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
                rows.remove(rows.size() - 1);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.invalidField("file", "不是有效的 .xlsx 文件", "not a readable .xlsx workbook");
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                text.append(c == 0 ? "" : ",").append(csvCell(row.get(c)));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * Quotes a cell only where CSV needs it, as the editor page does ({@code rules.js}): a leading
     * {@code #} or an empty first cell stays unquoted (a quoted {@code "# ..."} line is no longer
     * a comment for the calendar parser).
     */
    static String csvCell(String value) {
        if (value.indexOf('"') >= 0 || value.indexOf(',') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
