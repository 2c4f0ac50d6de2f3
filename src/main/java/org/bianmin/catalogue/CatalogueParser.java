package org.bianmin.catalogue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the catalogue tables {@code rules/catalogue/items.csv} and {@code materials.csv}. Every
 * error names the file, line and column, in Chinese and English.
 */
public final class CatalogueParser {

    static final String[] ITEM_COLUMNS = {"code", "name", "department", "window", "caseType", "promisedWorkingDays",
            "statutoryWorkingDays", "approvalLevel", "jointDepartments", "onTheSpot", "fee", "legalBasis"};
    static final String[] MATERIAL_COLUMNS = {"itemCode", "code", "name", "main"};
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true).setCommentMarker('#').get();

    private CatalogueParser() {
    }

    public static Catalogue parse(String itemsCsv, String materialsCsv) {
        Map<String, List<Material>> materials = parseMaterials(materialsCsv);
        List<ServiceItem> items = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (CSVRecord row : records("items.csv", itemsCsv, ITEM_COLUMNS)) {
            Cells cells = new Cells("items.csv", row);
            String code = cells.required("code");
            if (!codes.add(code)) {
                throw cells.error("code", "事项编码重复", "duplicate item code " + code);
            }
            CaseType caseType = cells.parse("caseType", v -> CaseType.valueOf(v),
                    "必须是 IMMEDIATE/COMMITTED/FORWARDED/JOINT/PETITION 之一", "must be one of " + Arrays.toString(CaseType.values()));
            int promised = cells.parse("promisedWorkingDays", Integer::parseInt, "必须是非负整数", "must be a whole number >= 0");
            int statutory = cells.parse("statutoryWorkingDays", Integer::parseInt, "必须是非负整数", "must be a whole number >= 0");
            if (promised < 0 || statutory < 0) {
                throw cells.error("promisedWorkingDays", "时限不能为负数", "limits must not be negative");
            }
            if (promised > statutory) {
                throw cells.error("promisedWorkingDays", "承诺时限不能超过法定时限", "promised limit exceeds the statutory limit");
            }
            if (promised == 0 && caseType != CaseType.IMMEDIATE) {
                throw cells.error("promisedWorkingDays", "非即办件必须有承诺时限", "only immediate items may have no promised limit");
            }
            ServiceItem.ApprovalLevel level = cells.parse("approvalLevel", ServiceItem.ApprovalLevel::valueOf,
                    "必须是 CENTRE 或 DISTRICT", "must be CENTRE or DISTRICT");
            String joint = row.get("jointDepartments");
            List<String> jointDepartments = joint == null || joint.isBlank() ? List.of()
                    : Arrays.stream(joint.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (caseType == CaseType.JOINT && jointDepartments.size() < 2) {
                throw cells.error("jointDepartments", "联办件至少需要选择两个联办部门", "a joint item needs two or more departments separated by ';'");
            }
            boolean onTheSpot = cells.parse("onTheSpot", CatalogueParser::parseBoolean, "必须是 true 或 false", "must be true or false");
            BigDecimal fee = cells.parse("fee", BigDecimal::new, "必须是金额数字", "must be a number");
            List<Material> itemMaterials = materials.getOrDefault(code, List.of());
            if (itemMaterials.isEmpty()) {
                throw cells.error("code", "事项没有材料清单 (materials.csv)", "item has no materials in materials.csv");
            }
            // 容缺受理 (optional column: a catalogue published before it has no such item)
            boolean acceptOnPromise = row.isMapped("acceptOnPromise") && !row.get("acceptOnPromise").isBlank()
                    && cells.parse("acceptOnPromise", CatalogueParser::parseBoolean, "必须是 true 或 false", "must be true or false");
            if (acceptOnPromise && itemMaterials.stream().allMatch(Material::main)) {
                throw cells.error("acceptOnPromise", "容缺受理只适用于有次要材料的事项(主件不能容缺)",
                        "acceptance on a promise needs materials that are not main ones");
            }
            // 告知承诺制 (optional column too): a written commitment replaces proofs of the general materials
            boolean commitment = row.isMapped("commitment") && !row.get("commitment").isBlank()
                    && cells.parse("commitment", CatalogueParser::parseBoolean, "必须是 true 或 false", "must be true or false");
            if (commitment && itemMaterials.stream().allMatch(Material::main)) {
                throw cells.error("commitment", "告知承诺制以承诺代替次要(证明)材料, 本事项没有次要材料",
                        "a commitment replaces materials that are not main ones");
            }
            items.add(new ServiceItem(code, cells.required("name"), cells.required("department"), cells.required("window"),
                    caseType, promised, statutory, level, jointDepartments, onTheSpot, fee, cells.required("legalBasis"),
                    itemMaterials, acceptOnPromise, commitment));
        }
        for (String itemCode : materials.keySet()) {
            if (!codes.contains(itemCode)) {
                throw new CatalogueFormatException("materials.csv: 材料属于不存在的事项 " + itemCode
                        + " / materials refer to unknown item " + itemCode);
            }
        }
        return new Catalogue(items);
    }

    private static Map<String, List<Material>> parseMaterials(String csv) {
        Map<String, List<Material>> byItem = new LinkedHashMap<>();
        for (CSVRecord row : records("materials.csv", csv, MATERIAL_COLUMNS)) {
            Cells cells = new Cells("materials.csv", row);
            String itemCode = cells.required("itemCode");
            String code = cells.required("code");
            boolean main = cells.parse("main", CatalogueParser::parseBoolean, "必须是 true 或 false", "must be true or false");
            List<Material> list = byItem.computeIfAbsent(itemCode, k -> new ArrayList<>());
            if (list.stream().anyMatch(m -> m.code().equals(code))) {
                throw cells.error("code", "同一事项的材料编码重复", "duplicate material code " + code + " for item " + itemCode);
            }
            list.add(new Material(code, cells.required("name"), main));
        }
        return byItem;
    }

    private static List<CSVRecord> records(String file, String csv, String[] columns) {
        try {
            var parser = FORMAT.parse(new StringReader(csv.replace("\uFEFF", "")));
            List<String> header = parser.getHeaderNames();
            for (String column : columns) {
                if (!header.contains(column)) {
                    throw new CatalogueFormatException(file + ": 缺少列 " + column + " / missing column " + column);
                }
            }
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof CatalogueFormatException) {
                throw e;
            }
            throw new CatalogueFormatException(file + ": " + e.getMessage());
        }
    }

    private static boolean parseBoolean(String value) {
        return switch (value.toLowerCase()) {
            case "true", "是" -> true;
            case "false", "否" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    /** Cell access that reports the line and column of a bad value. */
    private record Cells(String file, CSVRecord row) {

        String required(String column) {
            String value = row.isMapped(column) && row.isSet(column) ? row.get(column) : null;
            if (value == null || value.isBlank()) {
                throw error(column, "不能为空", "must not be empty");
            }
            return value.strip();
        }

        <T> T parse(String column, Function<String, T> parser, String chinese, String english) {
            String value = required(column);
            try {
                return parser.apply(value);
            } catch (RuntimeException e) {
                throw error(column, chinese + " (当前值: " + value + ")", english + " (was '" + value + "')");
            }
        }

        CatalogueFormatException error(String column, String chinese, String english) {
            int line = (int) row.getRecordNumber() + 1;
            List<String> header = row.getParser().getHeaderNames();
            return new CatalogueFormatException(file, line, header.indexOf(column) + 1, file + " 第" + line + "行 列 " + column
                    + ": " + chinese + " / " + file + " line " + line + " column " + column + ": " + english);
        }
    }

    /** A catalogue table that cannot be loaded, with the file, line and column (1-based) at fault where known. */
    public static class CatalogueFormatException extends IllegalArgumentException {
        private final String file;
        private final Integer line;
        private final Integer column;

        public CatalogueFormatException(String message) {
            this(null, null, null, message);
        }

        public CatalogueFormatException(String file, Integer line, Integer column, String message) {
            super(message);
            this.file = file;
            this.line = line;
            this.column = column == null || column < 1 ? null : column;
        }

        public String file() {
            return file;
        }

        public Integer line() {
            return line;
        }

        public Integer column() {
            return column;
        }
    }
}
