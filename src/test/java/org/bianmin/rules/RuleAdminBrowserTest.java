package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bianmin.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real browser: {@code ruleadmin} changes the promised limit of a committed item in the grid,
 * validates, dry-runs and submits it; the director reads the changed cell in Tasklist and approves;
 * a newly registered case gets the new deadline; a broken edit is shown at its cell and refused; a
 * rollback, asked for in the history and approved, restores the old deadline.
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

            // submit for approval: comment and 文件依据 typed into the dialog; nothing is in force yet
            browser.check("rules-submit", () -> {
                browser.driver().findElement(By.cssSelector(".tabs button[data-tab='edit']")).click();
                browser.waitVisible(By.id("publish")).click();
                WebElement dialog = browser.waitVisible(By.id("submit-dialog"));
                assertThat(dialog.getText()).contains("提交负责人审批", "文件依据", "生效时间");
                type(browser, "#submit-comment", "SJ-002 承诺时限缩短为5个工作日(浏览器测试)");
                type(browser, "#submit-basis", "某区政务服务办〔2026〕12号");
                browser.screenshot("rules-3-submit-dialog");
                browser.driver().findElement(By.id("submit-confirm")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#messages .ok"), "已提交审批"));
                assertThat(browser.waitVisible(By.id("pending")).getText()).contains("待审批", "某区政务服务办〔2026〕12号", "批准后立即生效");
                browser.screenshot("rules-3-submitted");
            });
            assertThat(installed("catalogue")).isEqualTo(before.label());
            int submitted = repository.inState("catalogue", RuleSetVersion.State.PENDING_APPROVAL).orElseThrow().version();

            // the director approves it in Tasklist, reading the changed cell in the form
            try (Browser director = Browser.open(port)) {
                director.check("rules-approve", () -> {
                    director.loginToCamunda("tasklist", DIRECTOR, DEMO_PASSWORD);
                    director.waitVisible(By.cssSelector("[cam-tasks]"));
                    String name = "审批规则发布: 事项目录 v" + submitted;
                    WebElement item = director.waitVisible(By.xpath("//li[contains(@class,'task')]//*[contains(., '" + name + "')]"));
                    director.screenshot("rules-7-director-list");
                    item.click();
                    director.waitVisible(By.xpath("//h2[contains(@class,'task') and contains(., '" + name + "')]"));
                    By claim = By.cssSelector("button.claim");
                    if (director.isPresent(claim)) {
                        director.driver().findElement(claim).click();
                        director.waitVisible(By.cssSelector("button.unclaim"));
                    }
                    WebElement form = director.waitVisible(By.xpath("//strong[contains(., '修改内容')]/ancestor::form"));
                    assertThat(form.getText()).contains("「SJ-002」承诺时限: 10 → 5", "某区政务服务办〔2026〕12号", "试运行");
                    director.waitVisible(By.xpath("//label[contains(., '批准发布')]/input")).click();
                    director.screenshot("rules-8-director-form");
                    director.waitVisible(By.cssSelector("button[ng-click='complete()']")).click();
                    new WebDriverWait(director.driver(), WAIT).until(d -> installed("catalogue").equals("catalogue@v" + submitted));
                    director.screenshot("rules-9-approved");
                });
            }
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
                // the draft is saved, found broken and not offered for approval: no dialog
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("set-status"), "尚有错误, 不能提交"));
                assertThat(browser.driver().findElement(By.id("submit-dialog")).isDisplayed()).isFalse();
                browser.waitVisible(By.cssSelector("#grid tr[data-row='15'] td[data-col='6'].error"));
                browser.screenshot("rules-5-refused");
            });
            assertThat(installed("classification")).isEqualTo(classificationBefore);
            HttpResponseAssert.refused(send("POST", "/api/rules/classification/publish", java.util.Map.of("comment", "坏表"), RULEADMIN));
            assertThat(registerSj002().path("disposition").asText()).isEqualTo("ACCEPTED");

            // ask for the rollback in the history tab, the reason typed into the dialog; a director approves it
            browser.check("rules-rollback", () -> {
                browser.get("/rules/?set=catalogue");
                browser.waitVisible(By.id("detail"));
                browser.driver().findElement(By.cssSelector(".tabs button[data-tab='history']")).click();
                WebElement version = browser.waitVisible(By.cssSelector("#versions tr[data-version='" + before.version() + "']"));
                assertThat(version.getText()).contains("已被取代");
                WebElement newest = browser.waitVisible(By.cssSelector("#versions tr[data-version='" + submitted + "']"));
                assertThat(newest.getText()).contains("生效中", RULEADMIN, DIRECTOR, "某区政务服务办〔2026〕12号");
                version.findElement(By.cssSelector(".rollback")).click();
                assertThat(browser.waitVisible(By.id("submit-title")).getText()).contains("回滚到 v" + before.version());
                type(browser, "#submit-comment", "恢复10个工作日(浏览器测试)");
                browser.driver().findElement(By.id("submit-confirm")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#messages .ok"), "已提交回滚"));
                browser.screenshot("rules-6-rollback-submitted");
            });
            int rollback = repository.inState("catalogue", RuleSetVersion.State.PENDING_APPROVAL).orElseThrow().version();
            assertThat(approve("catalogue", rollback, DIRECTOR).path("state").asText()).isEqualTo("PUBLISHED");
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
