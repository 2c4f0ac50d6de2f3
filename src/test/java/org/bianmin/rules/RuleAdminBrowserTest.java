package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bianmin.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 5 in a real browser: {@code ruleadmin} changes the promised limit of a committed item in the
 * grid, validates, dry-runs and publishes it; a newly registered case gets the new deadline; a
 * broken edit is shown at its cell and refused; rolling back restores the old deadline.
 */
class RuleAdminBrowserTest extends RuleTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void ruleAdminChangesATimeLimitInTheGridAndRollsItBack() {
        RuleSetVersion before = publishedBefore("catalogue");
        String classificationBefore = installed("classification");
        Instant tenDays = calendarDeadline(RECEIVED, 10);
        Instant fiveDays = calendarDeadline(RECEIVED, 5);
        try (Browser browser = Browser.open(port)) {
            WebDriverWait wait = new WebDriverWait(browser.driver(), WAIT);
            browser.check("rules-login", () -> {
                browser.loginToCamunda("tasklist", RULEADMIN, DEMO_PASSWORD);
                browser.waitGone(Browser.CAMUNDA_USERNAME);
            });

            // the catalogue as a grid: SJ-002's promised working days from 10 to 5
            browser.check("rules-edit", () -> {
                browser.get("/rules/?set=catalogue");
                browser.waitVisible(By.id("detail"));
                assertThat(browser.waitVisible(By.id("set-title")).getText()).contains("事项目录");
                assertThat(browser.waitVisible(By.id("user")).getText()).isNotBlank();
                WebElement cell = cell(browser, rowOf(browser, "SJ-002"), columnOf(browser, "promisedWorkingDays"));
                assertThat(cell.getDomProperty("value")).isEqualTo("10");
                cell.clear();
                cell.sendKeys("5");
                browser.driver().findElement(By.id("validate")).click();
                assertThat(browser.waitVisible(By.cssSelector("#messages .ok")).getText()).contains("校验通过");
                assertThat(browser.isPresent(By.cssSelector("#grid .error"))).isFalse();
                browser.screenshot("rules-1-validated");
            });

            // dry run: an example beside the published version, the changed row marked
            browser.check("rules-dry-run", () -> {
                browser.driver().findElement(By.cssSelector(".tabs button[data-tab='dryrun']")).click();
                browser.waitVisible(By.id("add-example")).click();
                type(browser, "#examples input[name='itemCode']", "SJ-002");
                type(browser, "#examples input[name='materials']", String.join(",", SJ_002));
                type(browser, "#examples input[name='receivedAt']", RECEIVED);
                browser.driver().findElement(By.id("run-dry")).click();
                WebElement changed = browser.waitVisible(By.cssSelector("#dry-table tr.changed"));
                assertThat(changed.getText()).contains("示例1 SJ-002", "2026-12-02 17:30", "2026-11-25 17:30");
                browser.screenshot("rules-2-dry-run");
            });

            // publish with a comment typed into the prompt
            browser.check("rules-publish", () -> {
                browser.driver().findElement(By.cssSelector(".tabs button[data-tab='edit']")).click();
                browser.waitVisible(By.id("publish")).click();
                Alert prompt = wait.until(ExpectedConditions.alertIsPresent());
                assertThat(prompt.getText()).contains("发布说明");
                prompt.sendKeys("SJ-002 承诺时限缩短为5个工作日(浏览器测试)");
                prompt.accept();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#messages .ok"), "已发布"));
                assertThat(browser.driver().findElement(By.id("set-status")).getText()).contains("本节点生效版本: catalogue@v");
                browser.screenshot("rules-3-published");
            });
            String published = installed("catalogue");
            assertThat(published).isNotEqualTo(before.label());
            assertThat(publishedFiles("catalogue").get("items.csv")).contains("SJ-002,食品经营许可(小餐饮),dept-market,window-market,COMMITTED,5,20,");
            assertThat(instant(registerSj002().path("deadline"))).isEqualTo(fiveDays);

            // a broken edit: shown at its cell, never published
            browser.check("rules-broken", () -> {
                browser.get("/rules/?set=classification");
                browser.waitVisible(By.id("detail"));
                WebElement cell = cell(browser, 15, 6);
                assertThat(cell.getDomProperty("value")).isEqualTo("0");
                cell.clear();
                cell.sendKeys("abc");
                browser.driver().findElement(By.id("validate")).click();
                assertThat(browser.waitVisible(By.cssSelector("#messages .problem")).getText()).contains("第15行", "第6列");
                browser.waitVisible(By.cssSelector("#grid tr[data-row='15'] td[data-col='6'].error"));
                assertThat(browser.driver().findElements(By.cssSelector("#grid td.error"))).hasSize(1);
                browser.screenshot("rules-4-broken");
                browser.driver().findElement(By.id("publish")).click();
                // the draft is saved, found broken and not offered for publication: no prompt
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("set-status"), "尚有错误, 不能发布"));
                assertThat(ExpectedConditions.alertIsPresent().apply(browser.driver())).isNull();
                browser.waitVisible(By.cssSelector("#grid tr[data-row='15'] td[data-col='6'].error"));
                browser.screenshot("rules-5-refused");
            });
            assertThat(installed("classification")).isEqualTo(classificationBefore);
            HttpResponseAssert.refused(send("POST", "/api/rules/classification/publish", java.util.Map.of("comment", "坏表"), RULEADMIN));
            assertThat(registerSj002().path("disposition").asText()).isEqualTo("ACCEPTED");

            // roll back in the history tab, with the reason typed into the prompt
            browser.check("rules-rollback", () -> {
                browser.get("/rules/?set=catalogue");
                browser.waitVisible(By.id("detail"));
                browser.driver().findElement(By.cssSelector(".tabs button[data-tab='history']")).click();
                WebElement version = browser.waitVisible(By.cssSelector("#versions tr[data-version='" + before.version() + "']"));
                assertThat(version.getText()).contains("已替代");
                version.findElement(By.cssSelector(".rollback")).click();
                Alert prompt = wait.until(ExpectedConditions.alertIsPresent());
                assertThat(prompt.getText()).contains("回滚到 v" + before.version());
                prompt.sendKeys("恢复10个工作日(浏览器测试)");
                prompt.accept();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#messages .ok"), "已回滚"));
                assertThat(browser.waitVisible(By.cssSelector("#messages .ok")).isDisplayed()).isTrue();
                WebElement newest = browser.waitVisible(By.cssSelector("#versions tr[data-version]"));
                assertThat(newest.getText()).contains("已发布(生效)", RULEADMIN, "回滚到 v" + before.version());
                browser.screenshot("rules-6-rolled-back");
            });
            assertThat(installed("catalogue")).isNotEqualTo(published);
            assertThat(publishedFiles("catalogue")).isEqualTo(texts(before.files()));
            assertThat(instant(registerSj002().path("deadline"))).isEqualTo(tenDays);
        }
    }

    /** The CSV line (data-row) whose first cell holds the value. */
    private static int rowOf(Browser browser, String firstCell) {
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#grid tr[data-row]"));
        for (WebElement row : rows) {
            WebElement input = row.findElement(By.cssSelector("td[data-col='1'] input"));
            if (firstCell.equals(input.getDomProperty("value"))) {
                return Integer.parseInt(row.getDomAttribute("data-row"));
            }
        }
        throw new AssertionError("no grid row starts with " + firstCell);
    }

    /** The column (data-col) whose header cell (line 1) holds the value. */
    private static int columnOf(Browser browser, String header) {
        for (WebElement td : browser.driver().findElements(By.cssSelector("#grid tr[data-row='1'] td[data-col]"))) {
            if (header.equals(td.findElement(By.tagName("input")).getDomProperty("value"))) {
                return Integer.parseInt(td.getDomAttribute("data-col"));
            }
        }
        throw new AssertionError("no column " + header);
    }

    private static WebElement cell(Browser browser, int row, int column) {
        return browser.waitVisible(By.cssSelector("#grid tr[data-row='" + row + "'] td[data-col='" + column + "'] input"));
    }

    private static void type(Browser browser, String css, String text) {
        WebElement input = browser.waitVisible(By.cssSelector(css));
        input.clear();
        input.sendKeys(text);
    }

    /** A refused publication: 400 INVALID_RULES. */
    private static final class HttpResponseAssert {
        static void refused(java.net.http.HttpResponse<String> response) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("INVALID_RULES");
        }
    }
}
