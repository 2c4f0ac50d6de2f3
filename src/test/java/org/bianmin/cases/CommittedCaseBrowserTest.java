package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import org.bianmin.support.Browser;
import org.bianmin.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 4 in a real browser: a clerk, the market department and the director carry a committed
 * case through its Tasklist forms to completion; a supervisor finds an escalated case in Cockpit
 * (the SLA watch waiting at 督办超期案件, the case's {@code slaState} OVERDUE) and the supervision
 * task in Tasklist. Screenshots go to {@code target/screenshots/committed-*.png}.
 */
class CommittedCaseBrowserTest extends PostgresIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");
    private static final By CLAIM = By.cssSelector("button.claim[ng-click='claim()']");
    /** The business key in the information sidebar of a Cockpit process instance view. */
    private static final By BUSINESS_KEY = By.cssSelector("dd.business-key");
    private static final By HANDLING_NOTE = By.cssSelector("textarea[id$='-handlingNote']");

    @Autowired ProcessEngine processEngine;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ObjectMapper json;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ---------------------------------------------------------------- (a) a committed case end to end in Tasklist

    @Test
    void clerkDepartmentAndDirectorCompleteACommittedCaseThroughTheTasklistForms() {
        String[] caseNumber = new String[1];
        try (Browser browser = Browser.open(port)) {
            browser.check("committed-clerk", () -> {
                browser.loginToCamunda("tasklist", "clerk", DEMO_PASSWORD);
                browser.waitVisible(By.cssSelector("[cam-tasks]"));
                browser.click(By.cssSelector("li.start-process-action a"));
                browser.click(By.partialLinkText("受理登记"));

                WebElement item = browser.waitVisible(By.cssSelector("input[id$='-itemCode']"));
                item.click();
                item.sendKeys("SJ-002");
                browser.click(By.cssSelector(".fjs-dropdownlist-item"));
                browser.driver().findElement(By.cssSelector("input[id$='-applicantName']")).sendKeys("钱多多");
                browser.driver().findElement(By.cssSelector("input[id$='-applicantIdNumber']")).sendKeys("110105199003071239");
                browser.driver().findElement(By.cssSelector("input[id$='-applicantPhone']")).sendKeys("13900139000");
                browser.click(By.xpath("//label[contains(., '食品经营许可申请书')]/input"));
                for (String material : new String[] {"营业执照", "经营场所平面图及设备布局图", "食品安全管理制度文本"}) {
                    browser.driver().findElement(By.xpath("//label[contains(., '" + material + "')]/input")).click();
                }
                browser.screenshot("committed-intake-filled");
                browser.driver().findElement(By.cssSelector("button[ng-click='startProcessInstance()']")).click();

                // 出具告知单: the registration result, assigned to the clerk
                browser.click(By.xpath("//*[contains(@class,'notifications')]//*[contains(., '出具告知单')]//a"));
                WebElement result = browser.waitVisible(By.xpath("//strong[contains(., '案件编号')]/ancestor::form"));
                String summary = result.getText();
                assertThat(summary).contains("受理件", "承诺件", "10个工作日").doesNotContain("需补报的材料");
                caseNumber[0] = summary.replaceAll("(?s).*案件编号\\s*:\\s*(BM\\d{8}-\\d{4}).*", "$1");
                assertThat(caseNumber[0]).matches("BM\\d{8}-\\d{4}");
                browser.screenshot("committed-intake-result");
                browser.clickUntil(COMPLETE, () -> noTask(caseNumber[0], "handOverNotices"));

                // 移交承办部门: offered to the registering clerk (and the item's window)
                Task handOver = openTask(browser, caseNumber[0], "handOver", "移交承办部门");
                assertThat(handOver.getTaskDefinitionKey()).isEqualTo("handOver");
                claim(browser);
                writeNote(browser, "材料齐全, 已移交市场监督管理所");
                browser.screenshot("committed-handover");
                browser.clickUntil(COMPLETE, () -> noTask(caseNumber[0], "handOver"));
            });
        }

        try (Browser browser = Browser.open(port)) {
            browser.check("committed-market", () -> {
                browser.loginToCamunda("tasklist", "market-a", DEMO_PASSWORD);
                browser.waitVisible(By.cssSelector("[cam-tasks]"));
                openTask(browser, caseNumber[0], "review", "审核");
                claim(browser);
                // a request to supplement offers every material of the item (set on the review task as it starts)
                browser.click(By.xpath("//label[contains(., '需申请人补正材料')]/input"));
                browser.waitVisible(By.xpath("//label[contains(., '经营场所平面图及设备布局图')]"));
                assertThat(browser.driver().findElement(By.xpath("//label[contains(., '食品经营许可申请书 (主件)')]")).isDisplayed())
                        .isTrue();
                browser.screenshot("committed-review-supplement-checklist");
                browser.click(By.xpath("//label[contains(., '审核通过')]/input"));
                writeNote(browser, "经审核符合许可条件");
                browser.screenshot("committed-review");
                browser.clickUntil(COMPLETE, () -> noTask(caseNumber[0], "review"));
            });
        }

        try (Browser browser = Browser.open(port)) {
            browser.check("committed-director", () -> {
                browser.loginToCamunda("tasklist", "director", DEMO_PASSWORD);
                browser.waitVisible(By.cssSelector("[cam-tasks]"));
                openTask(browser, caseNumber[0], "decide", "审批决定");
                claim(browser);
                browser.click(By.xpath("//label[contains(., '准予办理')]/input"));
                writeNote(browser, "同意, 准予办理");
                browser.screenshot("committed-decide");
                browser.clickUntil(COMPLETE, () -> noTask(caseNumber[0], "decide"));
            });
        }

        JsonNode details = details(caseNumber[0], "clerk");
        assertThat(details.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(details.path("sla").path("state").asText()).isEqualTo("MET");
        assertThat(details.path("openTasks")).isEmpty();
        assertThat(details.path("notices").findValuesAsText("type")).contains("completion");
        HttpResponse<String> notice = get("/api/cases/" + caseNumber[0] + "/notices/completion", "clerk", DEMO_PASSWORD, "text/html");
        assertThat(notice.statusCode()).as(notice.body()).isEqualTo(200);
        assertThat(notice.body()).contains("办结通知书", caseNumber[0], "准予办理", "同意, 准予办理")
                .doesNotContain("已移交市场监督管理所", "经审核符合许可条件");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber[0]).count())
                .as("no process (and no timer) is left on the completed case").isZero();
    }

    // ---------------------------------------------------------------- (b) the supervisor and an escalated case

    @Test
    void supervisorSeesTheEscalatedCaseInCockpitAndTheSupervisionTaskInTasklist() {
        String caseNumber = OverdueEscalationPostgresTest.register(port, json, "clerk").path("caseNumber").asText();
        JsonNode sla = details(caseNumber, "supervisor").path("sla");
        Instant deadline = OffsetDateTime.parse(sla.path("deadline").asText()).toInstant();
        ProcessInstance caseInstance = runtime.createProcessInstanceQuery().processDefinitionKey("committed-case")
                .processInstanceBusinessKey(caseNumber).singleResult();
        ProcessInstance watch = runtime.createProcessInstanceQuery().processDefinitionKey(CaseProcesses.ROOT)
                .processInstanceBusinessKey(caseNumber).singleResult();

        // past the deadline: the job executor fires the warning, then the deadline
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor();
        ClockUtil.setCurrentTime(Date.from(deadline.plusSeconds(60)));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            jobExecutor.jobWasAdded();
            assertThat(tasks.createTaskQuery().processInstanceId(watch.getId()).taskDefinitionKey("superviseOverdue").count()).isEqualTo(1);
        });
        assertThat(runtime.getVariable(caseInstance.getId(), "slaState")).isEqualTo("OVERDUE");
        ClockUtil.reset();
        Task supervise = tasks.createTaskQuery().processInstanceId(watch.getId()).singleResult();

        try (Browser browser = Browser.open(port)) {
            browser.check("committed-cockpit", () -> {
                browser.loginToCamunda("cockpit", "supervisor", DEMO_PASSWORD);
                // dashboard → process definitions → 办件: one instance per case
                browser.click(By.cssSelector("a[ng-href='#/processes']"));
                browser.click(By.partialLinkText("办件(受理登记至办结)"));
                // the instance list shows the case number as business key
                browser.waitVisible(By.xpath("//tr[.//*[normalize-space()='" + caseNumber + "']]"));
                browser.screenshot("committed-cockpit-definition");
                browser.click(By.xpath("//tr[.//*[normalize-space()='" + caseNumber + "']]//a[normalize-space()='" + watch.getId() + "']"));
                // the case's instance: its business key is the case number; one token is at the work step
                // (the committed-case process it calls), one at 督办超期案件 after the deadline timer fired
                new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.textToBe(BUSINESS_KEY, caseNumber));
                WebElement waiting = browser.waitVisible(
                        By.cssSelector(".djs-overlays[data-container-id='superviseOverdue'] .instance-count"));
                assertThat(waiting.getText()).isEqualTo("1");
                assertThat(browser.waitVisible(By.cssSelector(".djs-overlays[data-container-id='caseWork'] .instance-count"))
                        .getText()).isEqualTo("1");
                assertThat(browser.driver().findElements(
                        By.cssSelector(".djs-overlays[data-container-id='deadlineTime'] .instance-count"))).isEmpty();
                browser.screenshot("committed-cockpit-watch");
                // the same page carries the SLA state as a variable
                WebElement slaRow = browser.waitVisible(By.xpath("//tr[.//*[normalize-space()='slaState']]"));
                browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", slaRow);
                assertThat(slaRow.getText()).contains("String", "OVERDUE");
                browser.screenshot("committed-cockpit-case-variables");
            });
        }

        try (Browser browser = Browser.open(port)) {
            browser.check("committed-supervisor-tasklist", () -> {
                browser.loginToCamunda("tasklist", "supervisor", DEMO_PASSWORD);
                browser.waitVisible(By.cssSelector("[cam-tasks]"));
                // the supervisors' task card shows the filter's variables (case number)
                Task task = openTask(browser, caseNumber, "superviseOverdue", "督办超期案件", true);
                assertThat(task.getId()).isEqualTo(supervise.getId());
                WebElement form = browser.waitVisible(By.xpath("//strong[contains(., '案件编号')]/ancestor::form"));
                assertThat(form.getText()).contains(caseNumber);
                browser.screenshot("committed-supervisor-task");

                // the supervisor acts on the escalation with a 督办单 to the suggested person (the window's A post)
                claim(browser);
                browser.waitVisible(By.xpath("//form[.//strong[contains(., '案件编号')]]//*[contains(text(), '徐婷 市场监管窗口A岗')]"));
                writeNote(browser, "已电话督促市场监督管理所, 要求当日办结");
                browser.screenshot("committed-supervisor-order");
                browser.clickUntil(COMPLETE, () -> noTask(caseNumber, "superviseOverdue"));
            });
        }
        assertThat(jdbc.queryForList("select details from case_event where case_number = ? and event_type = 'SUPERVISION_ORDERED'",
                String.class, caseNumber)).singleElement().asString().startsWith("已电话督促市场监督管理所, 要求当日办结; 责任人: 徐婷; 回复时限: ");
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(processEngine);
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(watch).isWaitingAtExactly("caseWork", "supervisionOrder");
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Finds the open task of the case in the filter of its role — 本窗口待办 (tasks offered to a clerk or
     * to their groups), 待我审批 for a director's decision, 督办 for a supervisor's escalation — opens it
     * and waits for its form. Returns the engine's view of the task.
     */
    private Task openTask(Browser browser, String caseNumber, String taskKey, String name) {
        return openTask(browser, caseNumber, taskKey, name, false);
    }

    private Task openTask(Browser browser, String caseNumber, String taskKey, String name, boolean showsCaseVariables) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task %s of %s", taskKey, caseNumber).isNotNull();
        By inList = By.cssSelector(".tasks-list a[href='#/?task=" + task.getId() + "']");
        String filter = switch (taskKey) {
            case "decide", "approveExtension", "approveDelay", "fileDenial" -> "待我审批";
            case "superviseOverdue" -> "督办";
            default -> "本窗口待办";
        };
        browser.click(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(., '" + filter + "')]"));
        browser.waitVisible(By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]//h4[contains(., '" + filter + "')]"));
        // the list re-renders while it refreshes: read and click whatever element is current
        String card = wait(browser).until(d -> {
            WebElement item = d.findElement(By.xpath("//li[contains(@class,'task')][.//a[@href='#/?task=" + task.getId() + "']]"));
            return item.isDisplayed() ? item.getText() : null;
        });
        assertThat(card).contains(name);
        if (showsCaseVariables) {
            assertThat(card).as("the filter shows the case number on the card").contains(caseNumber);
        }
        browser.screenshot("committed-list-" + taskKey);
        browser.click(inList);
        browser.waitVisible(By.xpath("//h2[contains(@class,'task') and contains(., '" + name + "')]"));
        browser.waitVisible(HANDLING_NOTE);
        return task;
    }

    /**
     * Replaces the text of the 办理情况/意见 field. The field shows the process variable
     * {@code handlingNote}, i.e. the note of the previous step, so it is emptied first.
     */
    private static void writeNote(Browser browser, String text) {
        WebElement note = browser.waitVisible(HANDLING_NOTE);
        note.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        note.sendKeys(text);
        new WebDriverWait(browser.driver(), WAIT).until(d -> text.equals(note.getDomProperty("value")));
    }

    private static void claim(Browser browser) {
        browser.click(CLAIM);
        browser.waitVisible(By.cssSelector("button.unclaim"));
    }



    private static WebDriverWait wait(Browser browser) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private boolean noTask(String caseNumber, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey).count() == 0;
    }


    private JsonNode details(String caseNumber, String user) {
        HttpResponse<String> response = get("/api/cases/" + caseNumber, user, DEMO_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return OverdueEscalationPostgresTest.read(json, response);
    }
}
