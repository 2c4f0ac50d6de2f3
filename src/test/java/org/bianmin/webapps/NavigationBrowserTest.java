package org.bianmin.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.bianmin.support.Browser;
import org.bianmin.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Our pages are reachable from Camunda's Welcome page, and a person without a session is sent to the login. */
class NavigationBrowserTest extends PostgresIntegrationTest {

    @Test
    void theWelcomePageLinksOurPagesAndTheDashboardAsksForALoginWithoutABasicDialog() {
        try (Browser browser = Browser.open(port)) {
            browser.check("navigation-dashboard-anonymous", () -> {
                browser.get("/dashboard/");
                assertThat(browser.waitVisible(By.id("message")).getText()).contains("请先登录");
                assertThat(browser.driver().findElement(By.linkText("登录")).getAttribute("href")).contains("/camunda/app/welcome/");
            });
            browser.check("navigation-welcome", () -> {
                browser.loginToCamunda("welcome", "supervisor", DEMO_PASSWORD);
                browser.waitVisible(By.linkText("督查看板"));
                assertThat(browser.driver().findElement(By.linkText("规则管理")).getAttribute("href")).endsWith("/rules/");
                browser.screenshot("navigation-welcome");
                browser.driver().findElement(By.linkText("督查看板")).click();
                browser.waitVisible(By.id("charts"));
            });
        }
        // the pages' own requests get a 401 they can handle, not a browser dialog
        HttpResponse<String> fromPage = exchange(HttpRequest.newBuilder(URI.create(url("/api/session"))).timeout(Duration.ofSeconds(10))
                .header("X-Requested-With", "XMLHttpRequest").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fromPage.statusCode()).isEqualTo(401);
        assertThat(fromPage.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(get("/api/session", null, null).headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
                assertThat(v).startsWith("Basic"));
    }
}
