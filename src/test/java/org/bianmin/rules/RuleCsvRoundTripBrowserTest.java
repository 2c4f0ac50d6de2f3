package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bianmin.support.Browser;
import org.bianmin.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The rule page's CSV reading and writing, run in the browser that runs the page: every shipped
 * rule file comes back byte for byte, odd files too (quotes inside an unquoted cell, CRLF, a BOM,
 * no final line break), and an edited cell rewrites its own line only.
 */
class RuleCsvRoundTripBrowserTest extends PostgresIntegrationTest {

    @Test
    void everyShippedRuleFileAndOddOnesRoundTripExactlyAndAnEditTouchesItsLineOnly() throws IOException {
        List<Path> shipped;
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            shipped = files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(9);
        try (Browser browser = Browser.open(port)) {
            browser.check("rules-csv-round-trip", () -> {
                browser.loginToCamunda("tasklist", "ruleadmin", DEMO_PASSWORD);
                browser.waitGone(Browser.CAMUNDA_USERNAME); // logged in before the page asks for its session
                browser.get("/rules/");
                browser.waitVisible(By.id("sets"));
                for (Path file : shipped) {
                    String text = read(file);
                    assertThat(roundTrip(browser, text)).as(file.toString()).isEqualTo("same");
                }
                for (String odd : List.of("\uFEFFcode,name\r\nZH-001,新生儿出生\"一件事\"联办\r\n", "a,\"b,c\",\"d\"\"e\"\nf,g,h",
                        "x\n\ny\n", "", "only\n", "a,b,\n,,\n")) {
                    assertThat(roundTrip(browser, odd)).as(odd).isEqualTo("same");
                }
                // an edit rewrites its own line; the line with the quoted words stays as it was
                String items = read(Path.of("rules/catalogue/items.csv"));
                String edited = (String) browser.driver().executeScript(
                        "const rows = parseCsv(arguments[0]); rows[1][5] = '16'; return toCsv(rows);", items);
                List<String> before = items.lines().toList();
                List<String> after = edited.lines().toList();
                assertThat(after).hasSameSizeAs(before);
                for (int i = 0; i < before.size(); i++) {
                    if (i == 1) {
                        assertThat(after.get(i)).isNotEqualTo(before.get(i)).contains(",16,");
                    } else {
                        assertThat(after.get(i)).as("line %d", i + 1).isEqualTo(before.get(i));
                    }
                }
                assertThat(edited).contains("新生儿出生\"一件事\"联办");
            });
        }
    }

    /** "same", or the text the page received and the text it wrote back, as JSON (compared in the page itself). */
    private static String roundTrip(Browser browser, String text) {
        return (String) browser.driver().executeScript("const t = arguments[0]; const back = toCsv(parseCsv(t)); "
                + "return back === t ? 'same' : JSON.stringify(t) + ' -> ' + JSON.stringify(back);", text);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
