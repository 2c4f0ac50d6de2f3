package org.bianmin.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.bianmin.support.Browser;
import org.bianmin.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Camunda webapps for a browser whose first language is Chinese ({@link Browser} asks for
 * zh-CN) in the Asia/Shanghai zone: our zh.json labels, Chinese dates, and no "migrate to Camunda 8"
 * banner.
 */
class ChineseWebappsBrowserTest extends PostgresIntegrationTest {

    private static final String ZONE = "Asia/Shanghai";
    /** How the footer names that zone to people (forms-zh.js in Tasklist, the time-limit board plugin in Cockpit). */
    private static final String ZONE_NAME = "北京时间";
    /** The Community Edition's end-of-life banner in the header, hidden by styles/user-styles.css. */
    private static final By EOL_BANNER = By.cssSelector(".ce-eol-banner");

    @Test
    void tasklistLoginPageIsChinese() {
        try (Browser browser = Browser.open(port, ZONE)) {
            browser.check("zh-tasklist-login", () -> {
                browser.get("/camunda/app/tasklist/");
                browser.waitVisible(Browser.CAMUNDA_USERNAME);
                WebElement form = browser.waitVisible(By.cssSelector("form[name='signinForm']"));
                WebElement submit = form.findElement(By.cssSelector("button[type='submit']"));
                waitForText(browser, submit, "登录");
                assertThat(browser.driver().findElement(Browser.CAMUNDA_USERNAME).getAttribute("placeholder"))
                        .isEqualTo("用户名");
                assertThat(form.findElement(By.cssSelector("input[ng-model='password']")).getAttribute("placeholder"))
                        .isEqualTo("密码");
                assertThat(submit.getText()).isEqualTo("登录");
                assertThat(browser.waitVisible(By.id("footer-timezone")).getText()).contains("日期和时间按本地时区显示", ZONE_NAME);
                assertBannerHidden(browser);
                browser.screenshot("zh-tasklist-login");
            });
        }
    }

    @Test
    void clerkSeesTasklistInChinese() {
        try (Browser browser = Browser.open(port, ZONE)) {
            browser.check("zh-tasklist-clerk", () -> {
                browser.loginToCamunda("tasklist", "clerk", DEMO_PASSWORD);
                browser.waitVisible(By.cssSelector("[cam-tasks]"));
                // the clerk's own filter (Bianmin) and the translated Tasklist around it
                browser.waitVisible(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(., '我的待办')]"));
                assertThat(browser.waitVisible(By.cssSelector("li.start-process-action a")).getText()).isEqualTo("发起流程");
                WebElement footer = browser.waitVisible(By.id("footer-timezone"));
                assertThat(footer.getText()).contains("日期和时间按本地时区显示", ZONE_NAME);
                assertBannerHidden(browser);
                String page = browser.driver().findElement(By.tagName("body")).getText();
                assertThat(page).doesNotContain("Start process", "Date and Time displayed", "migrate to Camunda 8");
                browser.screenshot("zh-tasklist-clerk");

                browser.waitVisible(By.cssSelector("li.start-process-action a")).click();
                WebElement dialog = browser.waitVisible(By.cssSelector(".modal-content"));
                waitForText(browser, dialog, "点击要发起的流程。");
                assertThat(dialog.findElement(By.cssSelector(".modal-title")).getText()).isEqualTo("发起流程");
                assertThat(dialog.findElement(By.cssSelector("input[ng-model]")).getAttribute("placeholder"))
                        .isEqualTo("按流程名称搜索。");
                browser.screenshot("zh-tasklist-start-process");
            });
        }
    }

    @Test
    void supervisorSeesCockpitInChinese() {
        try (Browser browser = Browser.open(port, ZONE)) {
            browser.check("zh-cockpit-supervisor", () -> {
                browser.loginToCamunda("cockpit", "supervisor", DEMO_PASSWORD);
                WebElement dashboard = browser.waitVisible(By.cssSelector(".dashboard"));
                waitForText(browser, dashboard, "运行中的流程实例");
                assertThat(dashboard.getText()).contains("未解决的异常事件", "待办人工任务", "已部署");
                assertThat(browser.waitVisible(By.cssSelector("[cam-widget-header]")).getText())
                        .contains("流程", "决策", "人工任务", "更多");
                assertThat(browser.waitVisible(By.id("footer-timezone")).getText()).contains(ZONE_NAME);
                assertBannerHidden(browser);
                assertThat(browser.driver().findElement(By.tagName("body")).getText())
                        .doesNotContain("Running Process Instances", "migrate to Camunda 8");
                browser.screenshot("zh-cockpit-supervisor");

                // as on the deployments page, e.g. 时间：2026年11月23日 21:04:27
                browser.get("/camunda/app/cockpit/default/#/repository");
                WebElement body = browser.waitVisible(By.tagName("body"));
                new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                        .until(driver -> body.getText().matches("(?s).*\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}:\\d{2}.*"));
                browser.screenshot("zh-cockpit-deployments");
            });
        }
    }

    private static void assertBannerHidden(Browser browser) {
        // the header renders it for every Community Edition; user-styles.css must keep it invisible
        List<WebElement> banners = browser.driver().findElements(EOL_BANNER);
        assertThat(banners).as("the Camunda 8 banner of the header").isNotEmpty();
        banners.forEach(banner -> assertThat(banner.isDisplayed()).as("banner displayed").isFalse());
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .doesNotContain("Camunda 8", "迁移指南", "migration guide");
    }

    private static void waitForText(Browser browser, WebElement element, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(driver -> element.getText().contains(text));
    }
}
