package org.bianmin.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.bianmin.support.Browser;
import org.bianmin.support.HallDutyTestSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Clerk A (clerk) goes on leave; clerk B (clerk2) logs in to Tasklist and finds A's task with the hand-over note. */
class AbCoverBrowserTest extends HallDutyTestSupport {

    @Override
    protected java.time.Instant startClock() {
        return ClockUtil.getCurrentTime().toInstant(); // real time: the leave starts now
    }

    @Test
    void clerkBFindsTheTaskOfAbsentClerkAWithTheHandoverNote() {
        long inquiry = created(post("/api/inquiries", Map.of("name", "钱多多", "channel", "WINDOW", "matter", "营业执照变更需要哪些材料",
                "referredTo", "window-general", "referredPerson", "clerk"), "civil-a")).path("id").asLong();
        var task = openTask(instance("inquiry-referral", "inquiry-" + inquiry), "answerReferral");
        assertThat(task.getAssignee()).isEqualTo("clerk");

        OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
        created(post("/api/absences", Map.of("staff", "clerk", "kind", "LEAVE", "from", now.minusMinutes(1).toString(),
                "until", now.plusDays(1).toString(), "note", "事假"), "supervisor"));
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("clerk2");

        try (Browser browser = Browser.open(port)) {
            browser.check("ab-cover", () -> {
                browser.loginToCamunda("tasklist", "clerk2", DEMO_PASSWORD);
                browser.waitVisible(By.xpath("//*[contains(@class,'filters')]//*[contains(., '我的待办')]")).click();
                browser.waitVisible(By.xpath("//*[contains(@class,'tasks-list')]//*[contains(., '答复转办咨询')]"));
                String card = browser.waitVisible(By.xpath("//li[contains(@class,'task') and contains(., '答复转办咨询')]")).getText();
                assertThat(card).contains("交接说明", "A岗 王芳", "事假", "B岗 李强");
                browser.screenshot("ab-cover-task-list");
                browser.driver().findElement(By.xpath("//li[contains(@class,'task') and contains(., '答复转办咨询')]//a")).click();
                browser.waitVisible(By.xpath("//*[contains(., '首问转办咨询')]"));
                // the note is in the task's form too, where B does the work
                WebElement inForm = browser.waitVisible(By.xpath("//*[contains(@class,'fjs-form')]//*[contains(., '交接说明')]"));
                assertThat(inForm.getText()).contains("A岗 王芳", "事假");
                browser.screenshot("ab-cover-task");
            });
        }
    }
    /** 发起流程 → 请假外出登记: the clerk's own start form, in Chinese, with the kinds of absence to choose from. */
    @Test
    void aClerkOpensTheAbsenceFormFromTasklist() {
        try (Browser browser = Browser.open(port)) {
            browser.check("absence-form", () -> {
                browser.loginToCamunda("tasklist", "clerk", DEMO_PASSWORD);
                browser.waitVisible(By.cssSelector("[cam-tasks]"));
                // Tasklist may drop a click while it renders (docs in Browser.clickUntil): click again until the dialog and the form show
                By absence = By.partialLinkText("请假外出登记");
                By startForm = By.xpath("//*[contains(@class,'fjs-form')]");
                browser.clickUntil(By.cssSelector("li.start-process-action a"), () -> browser.isPresent(absence));
                browser.clickUntil(absence, () -> browser.isPresent(startForm));
                WebElement form = browser.waitVisible(startForm);
                assertThat(form.getText()).contains("请假外出登记", "工作人员", "不选即为本人", "类型", "离岗日期", "离岗时间",
                        "返岗日期", "返岗时间", "事由");
                WebElement kind = browser.waitVisible(By.cssSelector("[id$='-kind-display']"));
                kind.click();
                List<String> kinds = browser.driver().findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                        .map(WebElement::getText).toList();
                assertThat(kinds).containsExactly("请假", "公出", "临时外出");
                browser.screenshot("absence-form");
                kind.click();
                // Camunda Forms' own texts in Chinese: placeholders, and what is missing when 开始 is clicked
                browser.driver().findElement(By.cssSelector("button[ng-click='startProcessInstance()']")).click();
                browser.waitVisible(By.xpath("//*[contains(@class,'fjs-form-field-error') and contains(., '此项必填')]"));
                String shown = form.getText() + " " + browser.driver().findElements(By.cssSelector(".fjs-container input[placeholder]"))
                        .stream().map(input -> input.getAttribute("placeholder")).toList();
                assertThat(shown).contains("请选择", "搜索", "年-月-日", "时:分")
                        .doesNotContain("Field is required", "Select", "Search", "mm/dd/yyyy", "hh:mm");
                browser.screenshot("absence-form-required");
                // the date picker names months and weekdays in Chinese
                browser.driver().findElement(By.cssSelector("input[id$='-leaveFrom-date']")).click();
                WebElement calendar = browser.waitVisible(By.cssSelector(".flatpickr-calendar.open"));
                String weekdays = calendar.findElements(By.cssSelector(".flatpickr-weekday")).stream()
                        .map(WebElement::getText).reduce("", String::concat);
                assertThat(weekdays).as("weeks from Monday").startsWith("一").endsWith("日").doesNotContain("Mon", "Sun");
                assertThat(calendar.findElement(By.cssSelector(".flatpickr-current-month")).getText()).contains("月")
                        .doesNotContainPattern("January|February|March|April|May|June|July|August|September|October|November|December");
                browser.screenshot("absence-form-calendar");
                // a date is typed and shown year first, and means that day
                WebElement leaveFrom = browser.driver().findElement(By.cssSelector("input[id$='-leaveFrom-date']"));
                leaveFrom.clear();
                leaveFrom.sendKeys("2026-12-08", org.openqa.selenium.Keys.ENTER);
                // the form draws itself anew once the date is set: read what it shows then
                // (read in the page: the form draws itself anew once the date is set, so an element found here goes stale)
                new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10)).until(d ->
                        "2026-12-08 means 2026-12-8".equals(browser.driver().executeScript(
                                "const input = document.querySelector(\"input[id$='-leaveFrom-date']\");"
                                        + " const d = input && input._flatpickr && input._flatpickr.selectedDates[0];"
                                        + " return d ? input.value + ' means ' + d.getFullYear() + '-' + (d.getMonth() + 1) + '-' + d.getDate() : null;")));
            });
        }
    }
}
