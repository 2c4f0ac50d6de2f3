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
        String timeLimitsBefore = installed("time-limits");
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
                assertThat(browser.waitVisible(By.id("grid")).getText()).contains("事项编码", "承诺时限", "默认办件类型");
                WebElement cell = RuleGrid.cell(browser, RuleGrid.rowWithCell(browser, "SJ-002"), RuleGrid.columnOf(browser, "承诺时限"));
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
                // when most recent cases would be decided otherwise, the page asks to confirm
                wait.until(d -> {
                    org.openqa.selenium.Alert alert = ExpectedConditions.alertIsPresent().apply(d);
                    if (alert != null) {
                        assertThat(alert.getText()).contains("确认提交审批");
                        alert.accept();
                    }
                    return ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#messages .ok"), "已提交审批").apply(d);
                });
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
                    String name = "审批规则发布: 事项目录 第" + submitted + "版";
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
                    director.click(By.xpath("//label[contains(., '批准发布')]/input"));
                    director.screenshot("rules-8-director-form");
                    director.click(By.cssSelector("button[ng-click='complete()']"));
                    new WebDriverWait(director.driver(), WAIT).until(d -> installed("catalogue").equals("catalogue@v" + submitted));
                    director.screenshot("rules-9-approved");
                    // on the rules page the director reads, without edit controls
                    director.get("/rules/?set=catalogue");
                    director.waitVisible(By.id("detail"));
                    assertThat(director.driver().findElement(By.id("save")).isDisplayed()).isFalse();
                    assertThat(director.driver().findElement(By.id("publish")).isDisplayed()).isFalse();
                    assertThat(director.driver().findElements(By.cssSelector("#grid td[data-col] input, #grid td[data-col] select")))
                            .isNotEmpty().allSatisfy(control -> assertThat(control.isEnabled()).isFalse());
                    director.screenshot("rules-10-director-read-only");
                });
            }
            String published = installed("catalogue");
            assertThat(published).isNotEqualTo(before.label());
            assertThat(publishedFiles("catalogue").get("items.csv")).contains("SJ-002,食品经营许可(小餐饮),dept-market,window-market,COMMITTED,5,20,");
            assertThat(instant(registerSj002().path("deadline"))).isEqualTo(fiveDays);

            // the time-limit table as a business grid: no Drools keyword, case types as Chinese dropdowns;
            // a negative limit is shown at its cell and never submitted
            browser.check("rules-broken", () -> {
                browser.get("/rules/?set=time-limits");
                browser.waitVisible(By.id("detail"));
                String grid = browser.waitVisible(By.id("grid")).getText();
                assertThat(grid).contains("办件类型", "每次可延期工作日", "规则表: 时限")
                        .doesNotContain("CONDITION", "ACTION", "RuleSet", "timeLimit.", "$param", "ACTIVATION-GROUP");
                int committed = RuleGrid.rowWithCell(browser, "承诺件");
                WebElement caseType = browser.waitVisible(By.cssSelector("#grid tr[data-row='" + committed + "'] td[data-col='"
                        + RuleGrid.columnOf(browser, "办件类型") + "'] select"));
                assertThat(new org.openqa.selenium.support.ui.Select(caseType).getFirstSelectedOption().getText()).isEqualTo("承诺件");
                int extension = RuleGrid.columnOf(browser, "每次可延期工作日");
                WebElement cell = RuleGrid.cell(browser, committed, extension);
                assertThat(cell.getDomProperty("value")).isEqualTo("10");
                cell.clear();
                cell.sendKeys("-5");
                browser.driver().findElement(By.id("validate")).click();
                assertThat(browser.waitVisible(By.cssSelector("#messages .problem")).getText())
                        .contains("第" + committed + "行", "第" + extension + "列", "必须是0到366之间的数字");
                browser.waitVisible(By.cssSelector("#grid tr[data-row='" + committed + "'] td[data-col='" + extension + "'].error"));
                browser.screenshot("rules-4-broken");
                browser.driver().findElement(By.id("publish")).click();
                // the draft is saved, found broken and not offered for approval: no dialog
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("set-status"), "尚有错误, 不能提交"));
                assertThat(browser.driver().findElement(By.id("submit-dialog")).isDisplayed()).isFalse();
                browser.waitVisible(By.cssSelector("#grid tr[data-row='" + committed + "'] td[data-col='" + extension + "'].error"));
                browser.screenshot("rules-5-refused");
            });
            assertThat(installed("time-limits")).isEqualTo(timeLimitsBefore);
            HttpResponseAssert.refused(send("POST", "/api/rules/time-limits/publish", java.util.Map.of("comment", "坏表"), RULEADMIN));
            assertThat(registerSj002().path("disposition").asText()).isEqualTo("ACCEPTED");

            // ask for the rollback in the history tab, the reason typed into the dialog; a director approves it
            browser.check("rules-rollback", () -> {
                browser.get("/rules/?set=catalogue");
                browser.waitVisible(By.id("detail"));
                browser.driver().findElement(By.cssSelector(".tabs button[data-tab='history']")).click();
                WebElement version = browser.waitVisible(By.cssSelector("#versions tr[data-version='" + before.version() + "']"));
                assertThat(version.getText()).contains("已被取代");
                WebElement newest = browser.waitVisible(By.cssSelector("#versions tr[data-version='" + submitted + "']"));
                // people by name: 吴静 the rule administrator drafted it, 陈刚 the director approved it
                assertThat(newest.getText()).contains("生效中", "吴静", "陈刚", "某区政务服务办〔2026〕12号")
                        .doesNotContain(RULEADMIN, DIRECTOR);
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

    /** The CSV line (data-row) of the grid row whose first shown cell holds the value. */
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
