package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.bianmin.privacy.PersonalData;
import org.bianmin.sla.SlaPlanner;
import org.bianmin.support.Browser;
import org.bianmin.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The case file (办件详情) as its people use it, in a zh-CN Chromium: a clerk finds a case by the
 * applicant's name in 案件查询, opens its file, reprints the acceptance notice and asks for an
 * extension from the file; the director's approval task in Tasklist shows the days asked and the
 * deadline if approved, and links back to the file. Screenshots: {@code target/screenshots/case-file-*.png}.
 */
class CaseFileBrowserTest extends PostgresIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    @Autowired ObjectMapper json;
    @Autowired TaskService tasks;
    @Autowired SlaPlanner planner;

    @Test
    void clerkFindsTheCaseByNameReprintsTheNoticeAndAsksForAnExtensionThatTheDirectorSees() {
        String applicant = "卜文渊";
        String caseNumber = registerCommittedCase(applicant);
        JsonNode details = read(get("/api/cases/" + caseNumber, "clerk", DEMO_PASSWORD));
        Instant deadline = OffsetDateTime.parse(details.path("sla").path("deadline").asText()).toInstant();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        // the contract: one root instance while the case runs, the one the case names
        JsonNode roots = read(get("/engine-rest/process-instance?businessKey=" + caseNumber + "&rootProcessInstances=true",
                "supervisor", DEMO_PASSWORD));
        assertThat(roots).hasSize(1);
        assertThat(roots.get(0).path("id").asText()).isEqualTo(details.path("processInstanceId").asText());

        try (Browser browser = Browser.open(port)) {
            browser.check("case-file-clerk", () -> {
                browser.loginToCamunda("tasklist", "clerk", DEMO_PASSWORD);
                browser.waitVisible(By.cssSelector("[cam-tasks]"));
                browser.get("/cases/");
                WebElement q = browser.waitVisible(By.cssSelector("input[name=q]"));
                q.sendKeys(applicant);
                browser.driver().findElement(By.cssSelector("#query button[type=submit]")).click();
                // the page first lists the newest cases, then the query's answer: wait for the answer
                new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15)).until(
                        org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.id("total"), "共 1 件"));
                WebElement link = browser.waitVisible(By.xpath("//tbody[@id='results']//a[normalize-space()='" + caseNumber + "']"));
                assertThat(link.findElement(By.xpath("ancestor::tr")).getText()).contains(applicant, "食品经营许可", "办理中");
                browser.screenshot("case-file-search");
                link.click();

                // the file: summary, SLA, the applicant in clear (the clerk's own case), the timeline
                new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("title-number"), caseNumber));
                String summary = browser.waitVisible(By.id("summary")).getText();
                assertThat(summary).contains("食品经营许可(小餐饮)", "承诺件", "办理中", "市场监管窗口");
                assertThat(browser.driver().findElement(By.id("sla")).getText()).contains(TIME.format(deadline.atZone(zone)));
                assertThat(browser.driver().findElement(By.id("applicant")).getText()).contains(applicant, "13900139000");
                String timeline = browser.driver().findElement(By.id("timeline")).getText();
                assertThat(timeline).contains("登记受理", "受理件, 承诺件", "出具受理告知单", "出具收件回执");
                // the rule rows that decided the case, with the version and the basis
                assertThat(browser.driver().findElement(By.id("rules")).getText()).contains("第", "行「材料齐全受理」",
                        "行「承诺件」", "依据");
                browser.screenshot("case-file-file");

                // reprint the acceptance notice from its link
                String noticeUrl = browser.driver().findElement(By.cssSelector("a[data-notice='acceptance']")).getDomAttribute("href");
                browser.get(noticeUrl);
                assertThat(browser.waitVisible(By.tagName("body")).getText()).contains("受理告知单", caseNumber, applicant);
                browser.screenshot("case-file-notice");
                browser.get("/cases/" + caseNumber);

                // ask for an extension from the file: the form has the case already
                browser.waitVisible(By.cssSelector("button[data-action='extension']")).click();
                WebElement days = browser.waitVisible(By.cssSelector("form[data-form='extension'] input[name=days]"));
                days.sendKeys("5");
                browser.driver().findElement(By.cssSelector("form[data-form='extension'] textarea[name=reason]"))
                        .sendKeys("需等待消防部门出具意见");
                browser.driver().findElement(By.cssSelector("form[data-form='extension'] button[type=submit]")).click();
                new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("action-result"), "已提交"));
                new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("timeline"), "申请延期"));
                assertThat(browser.driver().findElement(By.id("timeline")).getText()).contains("5个工作日, 理由: 需等待消防部门出具意见");
                assertThat(browser.driver().findElement(By.id("sla")).getText()).contains("已申请, 待中心领导审批");
                assertThat(browser.driver().findElements(By.cssSelector("button[data-action='extension']")))
                        .as("one extension per case: the button is gone").isEmpty();
                browser.screenshot("case-file-extension-requested");
            });
        }

        Task approval = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("approveExtension")
                .singleResult();
        assertThat(approval).as("the director's approval task").isNotNull();
        String ifApproved = TIME.format(planner.shiftWorkingDays("window-market", deadline, 5).atZone(zone));
        try (Browser browser = Browser.open(port)) {
            browser.check("case-file-director", () -> {
                browser.loginToCamunda("tasklist", "director", DEMO_PASSWORD);
                browser.waitVisible(By.cssSelector("[cam-tasks]"));
                browser.get("/camunda/app/tasklist/default/#/?task=" + approval.getId());
                WebElement form = browser.waitVisible(By.xpath("//strong[contains(., '申请延期')]/ancestor::form"));
                assertThat(form.getText()).contains("5个工作日", "需等待消防部门出具意见", TIME.format(deadline.atZone(zone)), ifApproved);
                assertThat(form.findElement(By.cssSelector("a[href='/cases/" + caseNumber + "']")).getText()).isEqualTo("办件详情");
                browser.screenshot("case-file-director-approval");
            });
        }
    }

    private String registerCommittedCase(String applicant) {
        ObjectNode request = json.createObjectNode().put("itemCode", "SJ-002");
        String first17 = "11010819880612345";
        request.putObject("applicant").put("name", applicant).put("idNumber", first17 + PersonalData.checkCharacter(first17))
                .put("phone", "13900139000").put("organization", "文渊小吃店");
        OverdueEscalationPostgresTest.SJ002_ALL_MATERIALS.forEach(request.putArray("materials")::add);
        HttpResponse<String> response = OverdueEscalationPostgresTest.post(port, "/api/cases", request.toString(), "clerk");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response).path("caseNumber").asText();
    }

    private JsonNode read(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return OverdueEscalationPostgresTest.read(json, response);
    }
}
