package org.bianmin.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.bianmin.accountability.AccountabilityTestSupport;
import org.bianmin.support.Browser;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 月度考核汇总表 at /assessment/ in a Chinese browser: the supervisor reads April 2026's draft with
 * every line and its rule row, corrects a line with a reason and publishes; printed on A4 it carries
 * its title, state and signature lines; the clerk then reads only his own line and appeals.
 * Works in April 2026, which no other test uses; the engine clock stands at Monday 2026-05-04 10:00.
 * Screenshots: {@code target/screenshots/assessment-sheet-*.png}.
 */
class AssessmentSheetBrowserTest extends AccountabilityTestSupport {

    private static final String MONTH = "2026-04";
    private static final String ZONE = "Asia/Shanghai";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void supervisorCorrectsAndPublishesTheSheetAndTheClerkReadsHisLineAndAppeals() {
        ClockUtil.setCurrentTime(Date.from(at("2026-05-04T10:00")));
        discipline("clerk2", "LATE", "2026-04-08T08:50:00+08:00", "8:50到岗");
        postJson("/api/assessments/" + MONTH + "/run", "", "supervisor", 200);

        try (Browser browser = Browser.open(port, ZONE)) {
            browser.check("assessment-sheet-supervisor", () -> {
                browser.loginToCamunda("tasklist", "supervisor", DEMO_PASSWORD);
                browser.get("/assessment/?month=" + MONTH);
                WebElement title = browser.waitVisible(By.id("title"));
                new WebDriverWait(browser.driver(), WAIT).until(d -> title.getText().equals("2026年4月 窗口工作人员月度考核汇总表"));
                assertThat(browser.driver().findElement(By.id("state-line")).getText()).contains("草稿(未发布)", "考核规则第");
                WebElement people = browser.driver().findElement(By.id("people"));
                assertThat(people.getText()).contains("李强", "综合受理窗口", "99", "-1 迟到", "(迟到)").doesNotContain("clerk2");
                browser.screenshot("assessment-sheet-draft");

                // a correction with its reason
                new Select(browser.driver().findElement(By.cssSelector("#correction select[name='staff']")))
                        .selectByVisibleText("李强 (综合受理窗口)");
                browser.driver().findElement(By.cssSelector("#correction input[name='points']")).sendKeys("1");
                browser.driver().findElement(By.cssSelector("#correction input[name='reason']")).sendKeys("4月8日系奉命外出送件");
                browser.click(By.cssSelector("#correction button[type='submit']"));
                new WebDriverWait(browser.driver(), WAIT).until(d -> d.findElement(By.id("people")).getText()
                        .contains("考核小组更正: 4月8日系奉命外出送件 (周平)"));
                assertThat(staffEntry(getJson("/api/assessments/" + MONTH, "supervisor"), "clerk2").path("score").decimalValue())
                        .isEqualByComparingTo("100");

                browser.click(By.id("publish"));
                new WebDriverWait(browser.driver(), WAIT).until(d -> d.findElement(By.id("state-line")).getText().contains("已发布"));
                assertThat(browser.driver().findElement(By.id("state-line")).getText()).contains("周平发布");
                assertThat(browser.driver().findElement(By.id("correction")).isDisplayed()).as("a published month takes no correction").isFalse();
                assertThat(browser.driver().findElement(By.id("publish")).isDisplayed()).isFalse();

                // printed: title, state and signature lines, no buttons
                browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
                assertThat(browser.driver().findElement(By.tagName("header")).isDisplayed()).isFalse();
                assertThat(browser.driver().findElement(By.id("signatures")).getText())
                        .contains("制表人", "考核小组审核", "中心负责人", "日期");
                browser.screenshot("assessment-sheet-print");
                browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            });
        }

        try (Browser browser = Browser.open(port, ZONE)) {
            browser.check("assessment-sheet-clerk", () -> {
                browser.loginToCamunda("tasklist", "clerk2", DEMO_PASSWORD);
                browser.get("/assessment/?month=" + MONTH);
                WebElement people = browser.waitVisible(By.id("people"));
                new WebDriverWait(browser.driver(), WAIT).until(d -> people.getText().contains("李强"));
                assertThat(people.findElements(By.tagName("tr"))).as("his own line only").hasSize(1);
                assertThat(browser.driver().findElement(By.id("manage")).isDisplayed()).isFalse();
                WebElement appeal = browser.waitVisible(By.id("appeal"));
                appeal.findElement(By.name("text")).sendKeys("更正后仍有异议: 4月8日已提前请假");
                appeal.findElement(By.cssSelector("button[type='submit']")).click();
                new WebDriverWait(browser.driver(), WAIT).until(d -> d.findElement(By.id("appeals")).getText().contains("待处理"));
                assertThat(browser.driver().findElement(By.id("appeals")).getText()).contains("李强", "4月8日已提前请假");
                browser.screenshot("assessment-sheet-appeal");
            });
        }
        assertThat(tasks.createTaskQuery().processDefinitionKey(AssessmentAppeals.PROCESS).taskCandidateGroup("supervisors").count())
                .as("the appeal waits for a supervisor").isPositive();
        tasks.createTaskQuery().processDefinitionKey(AssessmentAppeals.PROCESS).list()
                .forEach(t -> follow(runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult()
                        .getBusinessKey()));
    }
}
