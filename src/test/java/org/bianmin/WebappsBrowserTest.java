package org.bianmin;

import static org.assertj.core.api.Assertions.assertThat;

import org.bianmin.support.Browser;
import org.bianmin.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The Camunda webapps in a real browser: who may log in where. */
class WebappsBrowserTest extends PostgresIntegrationTest {

    private static final By LOGIN_FORM = Browser.CAMUNDA_USERNAME;
    private static final By LOGIN_ERROR = Browser.CAMUNDA_ERROR;

    @Test
    void clerkWorksInTasklist() {
        try (Browser browser = Browser.open(port)) {
            browser.check("tasklist-clerk", () -> {
                browser.loginToCamunda("tasklist", "clerk", DEMO_PASSWORD);
                browser.waitVisible(By.cssSelector("[cam-tasklist-filters]"));
                browser.waitVisible(By.cssSelector("[cam-tasks]"));
                assertThat(browser.isPresent(LOGIN_FORM)).isFalse();
                // the header names the signed-in user (王芳)
                assertThat(browser.waitVisible(By.cssSelector(".account")).getText()).contains("王芳");
                browser.screenshot("tasklist-clerk");
            });
        }
    }

    @Test
    void clerkIsRefusedInCockpit() {
        try (Browser browser = Browser.open(port)) {
            browser.check("cockpit-clerk-refused", () -> {
                browser.submitCamundaLogin("cockpit", "clerk", DEMO_PASSWORD);
                browser.waitVisible(LOGIN_ERROR);
                assertThat(browser.isPresent(LOGIN_FORM)).isTrue();
                assertThat(browser.isPresent(By.cssSelector(".dashboard"))).isFalse();
                browser.screenshot("cockpit-clerk-refused");
            });
        }
    }

    @Test
    void supervisorWatchesInCockpit() {
        try (Browser browser = Browser.open(port)) {
            browser.check("cockpit-supervisor", () -> {
                browser.loginToCamunda("cockpit", "supervisor", DEMO_PASSWORD);
                browser.waitVisible(By.cssSelector(".dashboard"));
                assertThat(browser.isPresent(LOGIN_FORM)).isFalse();
                assertThat(browser.waitVisible(By.cssSelector(".account")).getText()).contains("周平");
                browser.screenshot("cockpit-supervisor");
            });
        }
    }
}
