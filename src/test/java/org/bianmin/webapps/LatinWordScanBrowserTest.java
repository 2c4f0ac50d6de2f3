package org.bianmin.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bianmin.support.Browser;
import org.bianmin.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a person reads is Chinese: the rendered text of the pages a clerk, a supervisor, a director
 * and a rule administrator open (our pages, Tasklist with a task form open, Cockpit's dashboard,
 * the notices) holds no Latin word outside a short list — the product names in Camunda's header
 * and footer, identifiers a person types or reads on paper (case numbers BM…, item codes, GB 11643),
 * "PDF". Every finding is listed with its page.
 */
class LatinWordScanBrowserTest extends PostgresIntegrationTest {

    static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z]+");
    /** Product names in Camunda's header and footer, standards and formats people know, case and item codes. */
    private static final java.util.concurrent.atomic.AtomicInteger SHOTS = new java.util.concurrent.atomic.AtomicInteger();
    static final Set<String> ALLOWED = Set.of("Camunda", "Welcome", "Tasklist", "Cockpit", "Admin", "Platform", "GB", "PDF", "BM",
            "SJ", "MZ", "RS", "ZH", "XF", "CE", "A4",
            // the prefixes of the catalogue's item codes (卫健, 残联)
            "WJ", "CL",
            // AB岗: the A and B posts of a window, as the centre's rules say
            "AB");

    @org.junit.jupiter.api.extension.RegisterExtension
    final org.bianmin.support.RegisteredCases cases = org.bianmin.support.RegisteredCases.eachTest(this::send, this::endInstance);

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.TaskService tasks;

    @Test
    void everyPageAPersonOpensIsInChinese() {
        Map<String, List<String>> findings = new LinkedHashMap<>();
        // a case of 民政窗口 at work, with an extension asked for: a task form for its clerk and one for a director
        String caseNumber = cases.registerCivilCase("civil-a", DEMO_PASSWORD,
                org.bianmin.support.RegisteredCases.idNumber("11010519850505055"), "13800005055");
        assertThat(send("POST", "/api/cases/" + caseNumber + "/extensions", "{\"days\":3,\"reason\":\"等待部门意见\"}", "civil-a",
                DEMO_PASSWORD).statusCode()).isEqualTo(201);
        try (Browser browser = Browser.open(port)) {
            browser.check("latin-scan-civil-clerk", () -> {
                browser.loginToCamunda("tasklist", "civil-a", DEMO_PASSWORD);
                browser.waitVisible(By.cssSelector("[cam-tasks]"));
                openTask(browser, caseNumber, "handOver");
                scan(browser, "任务表单·移交承办部门 (办事员)", findings);
                browser.waitVisible(By.cssSelector("li.start-process-action a")).click();
                browser.waitVisible(By.partialLinkText("受理登记")).click();
                browser.waitVisible(By.cssSelector(".fjs-form"));
                scan(browser, "启动表单·受理登记 (办事员)", findings);
                visit(browser, "/camunda/app/welcome/default/", By.xpath("//*[contains(., '案件查询')]"), "Welcome (办事员)", findings);
                visit(browser, "/cases/" + caseNumber, By.id("file"), "办件详情 (办事员)", findings);
                visit(browser, "/api/cases/" + caseNumber + "/notices/acceptance", By.xpath("//*[contains(., '受理告知单')]"), "受理告知单 (办事员)", findings);
            });
        }
        try (Browser browser = Browser.open(port)) {
            browser.check("latin-scan-director", () -> {
                browser.loginToCamunda("tasklist", "director", DEMO_PASSWORD);
                browser.waitVisible(By.cssSelector("[cam-tasks]"));
                scan(browser, "Tasklist (中心领导)", findings);
                openTask(browser, caseNumber, "approveExtension");
                scan(browser, "任务表单·审批延期 (中心领导)", findings);
            });
        }
        try (Browser browser = Browser.open(port)) {
            browser.check("latin-scan-admin", () -> {
                browser.loginToCamunda("admin", "admin", DEMO_PASSWORD);
                browser.waitVisible(By.xpath("//*[contains(., '用户')]"));
                scan(browser, "Admin (系统管理员)", findings);
            });
        }
        try (Browser browser = Browser.open(port)) {
            browser.check("latin-scan-clerk", () -> {
                browser.loginToCamunda("tasklist", "clerk", DEMO_PASSWORD);
                browser.waitVisible(By.cssSelector("[cam-tasks]"));
                scan(browser, "Tasklist (办事员)", findings);
                browser.waitVisible(By.cssSelector("li.start-process-action a")).click();
                browser.waitVisible(By.partialLinkText("受理登记"));
                scan(browser, "发起流程 (办事员)", findings);
                visit(browser, "/cases/", By.cssSelector("input[name=q]"), "办件查询 (办事员)", findings);
            });
        }
        try (Browser browser = Browser.open(port)) {
            browser.check("latin-scan-supervisor", () -> {
                browser.loginToCamunda("cockpit", "supervisor", DEMO_PASSWORD);
                browser.waitVisible(By.xpath("//*[contains(., '时限监控')]"));
                scan(browser, "Cockpit (督查)", findings);
                visit(browser, "/dashboard/", By.id("charts"), "督查看板 (督查)", findings);
                visit(browser, "/assessment/", By.id("title"), "月度考核 (督查)", findings);
            });
        }
        try (Browser browser = Browser.open(port)) {
            browser.check("latin-scan-ruleadmin", () -> {
                browser.loginToCamunda("welcome", "ruleadmin", DEMO_PASSWORD);
                browser.waitGone(Browser.CAMUNDA_USERNAME);
                visit(browser, "/rules/", By.xpath("//*[contains(., '规则')]"), "规则管理 (规则管理员)", findings);
                // every rule set's grid, with what its cells hold
                int sets = browser.driver().findElements(By.cssSelector("#sets li")).size();
                for (int i = 0; i < sets; i++) {
                    WebElement set = browser.driver().findElements(By.cssSelector("#sets li")).get(i);
                    set.click();
                    String title = set.getText().lines().findFirst().orElse("");
                    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                            .until(d -> d.findElement(By.id("set-title")).getText().equals(title));
                    browser.waitVisible(By.cssSelector("#grid tr.header"));
                    // with what its check says
                    browser.click(By.id("validate"));
                    browser.waitVisible(By.cssSelector("#messages div"));
                    scan(browser, "规则管理·" + title + " (规则管理员)", findings);
                }
            });
        }
        assertThat(findings).as("Latin words a person reads, by page").isEmpty();
    }

    /** Opens a task of the case in Tasklist, its form drawn. */
    private void openTask(Browser browser, String caseNumber, String taskKey) {
        org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("task %s of %s", taskKey, caseNumber).isNotNull();
        browser.get("/camunda/app/tasklist/default/#/?task=" + task.getId());
        browser.waitVisible(By.cssSelector(".fjs-form, form[name=genericForm], .task-form"));
        browser.waitVisible(By.xpath("//*[contains(@class,'fjs-form')]//*[string-length(normalize-space(.)) > 0]"));
    }

    /** Opens a page, waits until it shows what it is for, and reads it. */
    private static void visit(Browser browser, String path, By ready, String page, Map<String, List<String>> findings) {
        browser.get(path);
        browser.waitVisible(ready);
        scan(browser, page, findings);
    }

    private static void scan(Browser browser, String page, Map<String, List<String>> findings) {
        String text = browser.driver().findElement(By.tagName("body")).getText() + "\n" + browser.driver().executeScript(
                "return [...document.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea')].map(e => e.value).join('\\n');");
        Set<String> words = new LinkedHashSet<>();
        // an e-mail address is Latin by nature (the person's own, in Welcome's profile)
        Matcher matcher = WORD.matcher(text.replaceAll("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+", " "));
        while (matcher.find()) {
            if (!ALLOWED.contains(matcher.group())) {
                words.add(matcher.group());
            }
        }
        browser.screenshot("latin-scan-" + SHOTS.incrementAndGet());
        if (!words.isEmpty()) {
            findings.put(page, new ArrayList<>(words));
        }
    }
}
