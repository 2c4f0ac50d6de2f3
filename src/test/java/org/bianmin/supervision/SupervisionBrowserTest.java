package org.bianmin.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.bianmin.support.Browser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.bianmin.cases.CaseState;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 7 in a real browser whose first language is Chinese ({@link Browser} asks for zh-CN): the
 * supervisor finds an overdue case on Cockpit's 时限监控 board, with its escalation history and a link
 * to its process instance, and the supervisor dashboard draws its four ECharts charts (each canvas
 * checked for more than background colour); a clerk is refused the dashboard, and finds 我的待办 and a
 * Chinese task form in Tasklist. Screenshots go to {@code target/screenshots/supervision-*.png}.
 */
class SupervisionBrowserTest extends SupervisionTestSupport {

    /** A Wednesday no other test uses. */
    static final LocalDate DAY = LocalDate.of(2026, 3, 25);
    private static final String ZONE = "Asia/Shanghai";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void supervisorSeesTheTimeLimitBoardInCockpitAndTheDashboardCharts() {
        AtRiskCases cases = atRiskCases(DAY);
        String instanceId = rootInstance(cases.overdue()).getId();
        // a case completed on time, for the dashboard's on-time rate of March 2026
        String completed = register("SJ-001", SJ_001);
        clock(at(DAY, "10:55"));
        completeAs(CLERK, openTask(completed, "handleOnTheSpot"), Map.of("approved", "true", "handlingNote", "当场核准登记"));
        assertThat(record(completed).state()).isEqualTo(CaseState.COMPLETED);
        // the engine clock stays at DAY 10:55 for the browser (the cases' jobs are suspended): the overdue case is
        // 25 working minutes late, the warned one not yet overdue, and the dashboard's months end with 2026-03

        try (Browser browser = Browser.open(port, ZONE)) {
            browser.check("supervision-cockpit", () -> {
                browser.loginToCamunda("cockpit", SUPERVISOR, DEMO_PASSWORD);
                WebElement board = browser.waitVisible(By.cssSelector("section.bianmin-time-limit-board"));
                assertThat(board.findElement(By.tagName("h3")).getText()).isEqualTo("时限监控");
                WebElement row = browser.waitVisible(By.cssSelector(".bianmin-at-risk tr[data-case='" + cases.overdue() + "']"));
                assertThat(row.getText()).contains(cases.overdue(), "个体工商户设立登记", "市场监管窗口", "即办件", "未认领",
                        "2026/3/25 10:30:00", "已超期 0小时25分");
                assertThat(browser.driver().findElement(By.cssSelector(".bianmin-at-risk tr[data-case='" + cases.warning() + "']"))
                        .getText()).contains("即将超期", "2026/3/25 10:55:00");
                assertThat(browser.driver().findElements(By.cssSelector(".bianmin-at-risk tr[data-case='" + cases.onTime() + "']")))
                        .isEmpty();
                assertThat(board.findElement(By.cssSelector(".bianmin-totals")).getText()).contains("统计时间 2026/3/25 10:55:00");
                WebElement link = row.findElement(By.cssSelector("a[href='#/process-instance/" + instanceId + "/runtime']"));
                assertThat(link.getText()).isEqualTo(cases.overdue());
                assertThat(board.getText()).contains("运行中案件", "按窗口", "按办件类型", "即将超期和已超期的案件");
                browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", row);
                browser.screenshot("supervision-cockpit-board");

                // the case's escalation history
                row.findElement(By.cssSelector("a.bianmin-history")).click();
                WebElement history = browser.waitVisible(By.xpath(
                        "//div[contains(@class,'bianmin-history-box')][contains(., '" + cases.overdue() + " 督办记录')]"));
                new WebDriverWait(browser.driver(), WAIT).until(d -> history.findElements(By.tagName("li")).size() >= 2);
                List<String> entries = history.findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
                assertThat(entries).hasSize(2);
                assertThat(entries.get(0)).contains("时限预警", "即将超期", "2026/3/25 10:20").doesNotContainPattern("[A-Za-z]{2,}");
                assertThat(entries.get(1)).contains("超期办件", "未延期, 未出具滞办告知").contains("2026/3/25 10:31")
                        .doesNotContainPattern("[A-Za-z]{2,}");
                browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", history);
                browser.screenshot("supervision-cockpit-history");

                // the link opens the case's process instance in Cockpit
                browser.click(By.cssSelector(".bianmin-at-risk a[href='#/process-instance/" + instanceId + "/runtime']"));
                new WebDriverWait(browser.driver(), WAIT)
                        .until(ExpectedConditions.textToBe(By.cssSelector("dd.business-key"), cases.overdue()));
                assertThat(browser.driver().getCurrentUrl()).contains("#/process-instance/" + instanceId + "/runtime");
                browser.screenshot("supervision-cockpit-instance");
            });

            // the dashboard shares the Cockpit login
            browser.check("supervision-dashboard", () -> {
                browser.get("/dashboard/");
                browser.waitVisible(By.id("charts"));
                new WebDriverWait(browser.driver(), WAIT).until(d -> d.findElements(By.cssSelector(".chart canvas")).size() == 5);
                assertThat(browser.driver().findElement(By.id("user")).getText()).startsWith("周平");
                assertThat(browser.driver().findElement(By.id("message")).isDisplayed()).isFalse();
                String charts = browser.driver().findElement(By.tagName("main")).getText();
                assertThat(charts).contains("各窗口按时办结率", "每周超期案件数(按办结时限所在周)", "月度考核窗口排名", "待审核的问责记录", "好差评");
                // ECharts draws its texts into the canvas: the axes are checked through the API data instead
                JsonNode data = getJson("/api/supervision/dashboard?months=6", SUPERVISOR);
                assertThat(data.path("months").path(5).asText()).isEqualTo("2026-03");
                assertThat(data.path("onTimeRateByWindow").path(MARKET).path(5).isNumber()).isTrue();
                browser.screenshot("supervision-dashboard");
                for (WebElement chart : browser.driver().findElements(By.cssSelector(".chart"))) {
                    String id = chart.getAttribute("id");
                    WebElement canvas = chart.findElement(By.tagName("canvas"));
                    assertThat(canvas.getSize().getWidth()).as("canvas of %s", id).isGreaterThan(100);
                    assertThat(canvas.getSize().getHeight()).as("canvas of %s", id).isGreaterThan(100);
                    assertThat(colours(canvas.getScreenshotAs(OutputType.BYTES))).as("colours drawn in %s", id).isGreaterThan(2);
                }
            });
        }
    }

    @Test
    void clerkFindsMyTasksAndAChineseFormInTasklistButNotTheDashboard() {
        String caseNumber = startIntakeAsClerk();
        Task notices = openTask(caseNumber, "handOverNotices");
        assertThat(notices.getAssignee()).isEqualTo(CLERK);

        try (Browser browser = Browser.open(port, ZONE)) {
            browser.check("supervision-clerk", () -> {
                browser.loginToCamunda("tasklist", CLERK, DEMO_PASSWORD);
                browser.waitVisible(By.cssSelector("[cam-tasks]"));
                WebElement filters = browser.waitVisible(By.cssSelector("[cam-tasklist-filters]"));
                new WebDriverWait(browser.driver(), WAIT).until(d -> filters.getText().contains("已超期"));
                assertThat(filters.getText()).contains("我的待办", "本窗口待办", "即将超期", "已超期")
                        .doesNotContain("督办", "待审核的问责", "待我审批");
                browser.click(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(., '我的待办')]"));
                browser.waitVisible(By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]//h4[contains(., '我的待办')]"));
                String card = new WebDriverWait(browser.driver(), WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
                    List<WebElement> items = d.findElements(
                            By.xpath("//li[contains(@class,'task')][.//a[@href='#/?task=" + notices.getId() + "']]"));
                    return !items.isEmpty() && items.get(0).isDisplayed() ? items.get(0).getText() : null;
                });
                assertThat(card).contains("出具告知单", caseNumber);
                browser.screenshot("supervision-clerk-my-tasks");

                browser.click(By.cssSelector(".tasks-list a[href='#/?task=" + notices.getId() + "']"));
                browser.waitVisible(By.xpath("//h2[contains(@class,'task') and contains(., '出具告知单')]"));
                WebElement form = browser.waitVisible(By.xpath("//*[contains(., '登记结果')]/ancestor::form"));
                assertThat(form.getText()).contains("登记结果", "请打印下列告知单交申请人", "案件编号", caseNumber, "承诺件");
                browser.screenshot("supervision-clerk-task-form");

                // the dashboard refuses a clerk
                browser.get("/dashboard/");
                WebElement message = browser.waitVisible(By.id("message"));
                assertThat(message.getText()).isEqualTo("仅督查和中心领导可查看");
                assertThat(browser.driver().findElement(By.id("charts")).isDisplayed()).isFalse();
                browser.screenshot("supervision-clerk-dashboard-refused");
            });
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The number of distinct colours of a PNG. */
    private static int colours(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            Set<Integer> seen = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    seen.add(image.getRGB(x, y));
                }
            }
            return seen.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
