package org.bianmin.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The role × action tables of docs/security.md as the tests read them: a row is a line whose key
 * cell is a code span of capitals ({@code `CASE_READ`}); its last eight cells are the expected
 * outcomes for the {@link #CALLERS}, in that order.
 */
record SecurityMatrix(Map<String, List<String>> rows) {

    /** The callers of the columns: user ids, then anonymous (null) and a wrong password. */
    static final List<String> CALLERS = List.of("civil-a", "hrss-a", "supervisor", "director", "ruleadmin", "admin",
            "anonymous", "wrong-password");

    private static final Pattern KEY = Pattern.compile("`([A-Z_]+)`");

    static SecurityMatrix read() {
        try {
            return parse(Files.readString(Path.of("docs/security.md"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SecurityMatrix parse(String markdown) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|")).map(String::strip).toList();
            if (cells.size() < 2 + CALLERS.size()) {
                continue;
            }
            Matcher key = KEY.matcher(cells.get(1));
            if (key.matches()) {
                rows.put(key.group(1), cells.subList(cells.size() - CALLERS.size(), cells.size()));
            }
        }
        return new SecurityMatrix(rows);
    }

    /** The expected outcome of a row for a caller: ✓, ✗, or a status code. */
    String expected(String key, String caller) {
        List<String> cells = rows.get(key);
        if (cells == null) {
            throw new IllegalArgumentException("docs/security.md has no row " + key);
        }
        return cells.get(CALLERS.indexOf(caller));
    }
}
