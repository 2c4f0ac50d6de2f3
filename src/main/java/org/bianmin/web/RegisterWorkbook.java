package org.bianmin.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A register or sheet people open in a spreadsheet: a bold title, a line saying what it covers and
 * when it was made, bold frozen headers from the fourth row with widths in Chinese characters, rows.
 */
public final class RegisterWorkbook implements AutoCloseable {

    /** The row of the column headers: after the title, the scope line and a blank row. */
    public static final int HEADER_ROW = 3;

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle bold;

    public RegisterWorkbook() {
        bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
    }

    /** A sheet with its title, scope line and headers; widths count Chinese characters. */
    public Sheet sheet(String name, String title, String scope, String[] headers, int[] widths) {
        Sheet sheet = workbook.createSheet(name);
        var cell = sheet.createRow(0).createCell(0);
        cell.setCellValue(title);
        cell.setCellStyle(bold);
        sheet.createRow(1).createCell(0).setCellValue(scope);
        Row header = sheet.createRow(HEADER_ROW);
        for (int i = 0; i < headers.length; i++) {
            var h = header.createCell(i);
            h.setCellValue(headers[i]);
            h.setCellStyle(bold);
            sheet.setColumnWidth(i, widths[i] * 2 * 256);
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
        return sheet;
    }

    /** Text rows after the headers (null cells stay empty). */
    public static void rows(Sheet sheet, List<String[]> rows) {
        int r = HEADER_ROW + 1;
        for (String[] cells : rows) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < cells.length; i++) {
                row.createCell(i).setCellValue(cells[i] == null ? "" : cells[i]);
            }
        }
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
