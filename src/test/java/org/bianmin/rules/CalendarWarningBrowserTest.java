package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import org.bianmin.support.Browser;
import org.bianmin.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** In November, the rule administrator and the supervisor are told on their pages that next year's holiday table is missing. */
class CalendarWarningBrowserTest extends PostgresIntegrationTest {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theRulesPageAndTheDashboardAnnounceTheMissing2027Table() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-02T09:00:00+08:00").toInstant()));
        try (Browser browser = Browser.open(port)) {
            browser.check("calendar-warning-rules", () -> {
                browser.loginToCamunda("tasklist", "ruleadmin", DEMO_PASSWORD);
                browser.waitGone(Browser.CAMUNDA_USERNAME);
                browser.get("/rules/");
                String banner = browser.waitVisible(By.id("calendar-warnings")).getText();
                browser.screenshot("calendar-warning-rules");
                assertThat(banner).contains("工作日历提醒", "2027年工作日历", "暂按法定节假日计算", "国务院公布后请在规则管理中发布")
                        .doesNotContain("holiday schedule");
            });
        }
        try (Browser browser = Browser.open(port)) {
            browser.check("calendar-warning-dashboard", () -> {
                browser.loginToCamunda("cockpit", "supervisor", DEMO_PASSWORD);
                browser.waitGone(Browser.CAMUNDA_USERNAME);
                browser.get("/dashboard/");
                assertThat(browser.waitVisible(By.id("calendar-warnings")).getText()).contains("2027年工作日历");
                browser.screenshot("calendar-warning-dashboard");
            });
        }
    }
}
