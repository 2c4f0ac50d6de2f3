package org.bianmin.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Date;
import org.bianmin.support.Browser;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 6 in a real browser: an accountability record proposed for a clerk (materials lost →
 * 通报批评) waits in the supervisors' Tasklist; {@code supervisor} confirms it there with a reason,
 * and the month's score of the clerk drops by the measure's points. Works in August 2026 (no other
 * test uses it). Screenshots go to {@code target/screenshots/accountability-*.png}.
 */
class AccountabilityReviewBrowserTest extends AccountabilityTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MONTH = "2026-08";
    private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");
    private static final By CLAIM = By.cssSelector("button.claim[ng-click='claim()']");
    private static final By REASON = By.cssSelector("textarea[id$='-reason']");

    @Test
    void supervisorConfirmsARecordInTasklistAndTheMonthsScoreDrops() {
        // ---- set-up over REST: a supervisor records lost materials; the rules propose 通报批评
        ClockUtil.setCurrentTime(Date.from(at("2026-08-20T10:00")));
        long event = discipline("clerk", "MATERIALS_LOST", "2026-08-18T15:00:00+08:00", "遗失申请人营业执照复印件一份");
        long id = jdbc.queryForObject("select id from accountability_record where event_source = 'DISCIPLINE' and event_id = ?",
                Long.class, event);
        follow("ACC-" + id);
        JsonNode record = getJson("/api/accountability/" + id, "supervisor");
        assertThat(record.path("measure").asText()).isEqualTo("通报批评");
        assertThat(record.path("state").asText()).isEqualTo("PROPOSED");
        // the clerk answers first (陈述申辩), so that the supervisor's review shows it
        postJson("/api/accountability/" + id + "/statement", "{\"text\":\"复印件已于次日找回并归档\"}", "clerk", 200);
        Task review = tasks.createTaskQuery().processInstanceBusinessKey("ACC-" + id).taskDefinitionKey("reviewRecord").singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo("reviewRecord");

        JsonNode before = staffEntry(postJson("/api/assessments/" + MONTH + "/run", "", "supervisor", 200), "clerk");
        assertThat(before.path("score").decimalValue()).as("the materials lost: -2").isEqualByComparingTo("98");
        ClockUtil.reset();

        // ---- the supervisor reviews it in Tasklist
        try (Browser browser = Browser.open(port, "Asia/Shanghai")) {
            browser.check("accountability-review", () -> {
                browser.loginToCamunda("tasklist", "supervisor", DEMO_PASSWORD);
                browser.waitVisible(By.cssSelector("[cam-tasks]"));
                browser.click(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(., '待审核的问责')]"));
                browser.waitVisible(By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]//h4[contains(., '待审核的问责')]"));
                String card = wait(browser).until(d -> {
                    WebElement item = d.findElement(By.xpath("//li[contains(@class,'task')][.//a[@href='#/?task=" + review.getId() + "']]"));
                    return item.isDisplayed() ? item.getText() : null;
                });
                assertThat(card).contains("审核问责记录");
                browser.screenshot("accountability-review-list");
                browser.click(By.cssSelector(".tasks-list a[href='#/?task=" + review.getId() + "']"));
                browser.waitVisible(By.xpath("//h2[contains(@class,'task') and contains(., '审核问责记录')]"));
                if (browser.isPresent(CLAIM)) {
                    browser.click(CLAIM);
                    browser.waitVisible(By.cssSelector("button.unclaim"));
                }
                WebElement summary = browser.waitVisible(By.xpath("//strong[contains(., '问责记录')]/ancestor::form"));
                assertThat(summary.getText()).contains("资料遗失", "王芳", "通报批评", "复印件已于次日找回并归档").doesNotContain("MATERIALS_LOST");
                browser.click(By.xpath("//label[contains(., '确认问责')]/input"));
                WebElement reason = browser.waitVisible(REASON);
                reason.sendKeys("经核实, 8月18日遗失营业执照复印件属实");
                new WebDriverWait(browser.driver(), WAIT).until(d -> reason.getDomProperty("value").contains("属实"));
                browser.screenshot("accountability-review-filled");
                browser.clickUntil(COMPLETE, () -> tasks.createTaskQuery().taskId(review.getId()).count() == 0);
                browser.waitGone(By.xpath("//h2[contains(@class,'task') and contains(., '审核问责记录')]"));
                browser.screenshot("accountability-review-done");
            });
        }

        // ---- the record is confirmed by the supervisor, and the month's draft score drops by its points
        JsonNode confirmed = getJson("/api/accountability/" + id, "supervisor");
        assertThat(confirmed.path("state").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("reviewer").asText()).isEqualTo("supervisor");
        assertThat(confirmed.path("reviewReason").asText()).isEqualTo("经核实, 8月18日遗失营业执照复印件属实");
        // the month's draft follows the decision at once, nobody has to run it again
        JsonNode after = staffEntry(getJson("/api/assessments/" + MONTH, "supervisor"), "clerk");
        assertThat(after.path("score").decimalValue()).as("通报批评: a further -2").isEqualByComparingTo("96");
        assertThat(after.path("lines").findValuesAsText("source")).containsExactlyInAnyOrder("DISCIPLINE", "ACCOUNTABILITY");
        assertThat(after.path("lines").findValuesAsText("rule")).anyMatch(rule -> rule.endsWith(" / 问责通报批评"));
    }


    private static WebDriverWait wait(Browser browser) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
