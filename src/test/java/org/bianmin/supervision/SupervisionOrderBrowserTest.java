package org.bianmin.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.bianmin.support.Browser;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 督办单 as its people meet it, in a Chinese browser: the supervisor issues one from Cockpit's 时限监控
 * board on an overdue case (the board says 未督办, then 待回复); the window's A post, to whom it goes by
 * default, replies in Tasklist's 我的待办; the board then says 已回复, the register lists it, and the
 * case file shows both texts. Screenshots: {@code target/screenshots/supervision-order-*.png}.
 */
class SupervisionOrderBrowserTest extends SupervisionTestSupport {

    /** A Wednesday no other test uses. */
    static final LocalDate DAY = LocalDate.of(2026, 4, 15);
    private static final String ZONE = "Asia/Shanghai";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String INSTRUCTION = "请于今日下班前办结并报告原因";
    private static final String REPLY = "已于当日15时办结, 超期原因是申请人补交身份证明";

    @Test
    void supervisorIssuesAnOrderFromTheBoardTheClerkRepliesInTasklistAndTheCaseFileShowsBoth() {
        AtRiskCases cases = atRiskCases(DAY);
        String caseNumber = cases.overdue();

        try (Browser browser = Browser.open(port, ZONE)) {
            browser.check("supervision-order-board", () -> {
                browser.loginToCamunda("cockpit", SUPERVISOR, DEMO_PASSWORD);
                WebElement row = browser.waitVisible(By.cssSelector(".bianmin-at-risk tr[data-case='" + caseNumber + "']"));
                assertThat(row.findElement(By.cssSelector(".bianmin-supervision")).getText()).isEqualTo("未督办");
                row.findElement(By.cssSelector("a.bianmin-order")).click();
                WebElement form = browser.waitVisible(By.cssSelector("form.bianmin-order-form[data-case='" + caseNumber + "']"));
                assertThat(form.getText()).contains("下达督办单", "督办要求", "责任人", "默认: 当前办理人, 无人办理时为窗口A岗", "回复时限");
                form.findElement(By.name("instruction")).sendKeys(INSTRUCTION);
                browser.screenshot("supervision-order-form");
                form.findElement(By.cssSelector("button[type='submit']")).click();
                browser.waitVisible(By.cssSelector(".bianmin-order-done"));
                new WebDriverWait(browser.driver(), WAIT).ignoring(StaleElementReferenceException.class).until(d -> d.findElement(
                        By.cssSelector(".bianmin-at-risk tr[data-case='" + caseNumber + "'] .bianmin-supervision")).getText().equals("待回复"));
                WebElement register = browser.waitVisible(By.cssSelector(".bianmin-orders"));
                new WebDriverWait(browser.driver(), WAIT).ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElement(By.cssSelector(".bianmin-orders")).getText().contains(INSTRUCTION));
                assertThat(browser.driver().findElement(By.cssSelector(".bianmin-orders")).getText())
                        .contains(caseNumber, "市场监管窗口", "周平", "徐婷", "待回复").doesNotContain("market-a", "OPEN");
                browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", register);
                browser.screenshot("supervision-order-issued");
            });
        }
        Task reply = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("replyToOrder").singleResult();
        assertThat(reply.getAssignee()).as("nobody held the case: the window's A post").isEqualTo("market-a");

        try (Browser browser = Browser.open(port, ZONE)) {
            browser.check("supervision-order-reply", () -> {
                browser.loginToCamunda("tasklist", "market-a", DEMO_PASSWORD);
                browser.waitVisible(By.cssSelector("[cam-tasks]"));
                browser.click(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(., '我的待办')]"));
                browser.click(By.cssSelector(".tasks-list a[href='#/?task=" + reply.getId() + "']"));
                browser.waitVisible(By.xpath("//h2[contains(@class,'task') and contains(., '督办回复')]"));
                WebElement form = browser.waitVisible(By.xpath("//strong[contains(., '督办单')]/ancestor::form"));
                assertThat(form.getText()).contains(caseNumber, "督办人: 周平", "责任人: 徐婷", INSTRUCTION, "回复办理情况");
                WebElement text = browser.waitVisible(By.cssSelector("textarea[id$='-replyText']"));
                text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
                text.sendKeys(REPLY);
                new WebDriverWait(browser.driver(), WAIT).until(d -> REPLY.equals(text.getDomProperty("value")));
                browser.screenshot("supervision-order-reply-form");
                browser.clickUntil(By.cssSelector("button[ng-click='complete()']"),
                        () -> tasks.createTaskQuery().taskId(reply.getId()).count() == 0);
            });
        }

        try (Browser browser = Browser.open(port, ZONE)) {
            browser.check("supervision-order-replied", () -> {
                browser.loginToCamunda("cockpit", SUPERVISOR, DEMO_PASSWORD);
                WebElement state = browser.waitVisible(By.cssSelector(".bianmin-at-risk tr[data-case='" + caseNumber + "'] .bianmin-supervision"));
                assertThat(state.getText()).isEqualTo("已回复");
                browser.screenshot("supervision-order-board-replied");

                browser.get("/cases/" + caseNumber);
                WebElement orders = browser.waitVisible(By.id("order-rows"));
                new WebDriverWait(browser.driver(), WAIT).until(d -> orders.getText().contains(REPLY));
                assertThat(orders.getText()).contains(INSTRUCTION, REPLY, "周平", "徐婷", "已回复");
                List<String> timeline = browser.driver().findElements(By.cssSelector("#timeline-rows tr")).stream()
                        .map(WebElement::getText).toList();
                assertThat(String.join("\n", timeline)).contains("下达督办单", "督办单回复", REPLY);
                browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", orders);
                browser.screenshot("supervision-order-case-file");
            });
        }
    }
}
